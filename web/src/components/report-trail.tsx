/** Quality flags with their comment threads, and the report's general trail with a comment box. */
import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../core/format';
import { REPORT_FIELD_BY_KEY } from '../../../core/registry/report-fields';
import { errorMessage } from '../api/client';
import { orgKey } from '../api/organisations';
import type { QualityFlag, ReportComment, ReportDetail } from '../api/registry-types';
import { addReportComment, setFlagStatus } from '../api/reports';
import { can, useCurrentUser } from '../current-user';

const KIND_COLOR: Record<string, string> = {
  submit: 'blue',
  return: 'orange',
  approve: 'green',
  reopen: 'purple',
  quality: 'gold',
  note: 'default',
};
const FLAG_COLOR: Record<QualityFlag['status'], string> = {
  open: 'orange',
  explained: 'blue',
  resolved: 'green',
};

function CommentLine({ c }: { c: ReportComment }) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
      <Space size={6} wrap>
        <Tag color={KIND_COLOR[c.kind] ?? 'default'}>
          {t(`reportTrail.kind.${c.kind}`, { defaultValue: c.kind })}
        </Tag>
        <Typography.Text strong>{c.authorName ?? t('audit.system')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(c.createdAt)}
        </Typography.Text>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>{c.body}</div>
    </div>
  );
}

function CommentBox({
  onSend,
  pending,
  placeholder,
  testId,
}: {
  onSend: (text: string) => Promise<unknown>;
  pending: boolean;
  placeholder: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Flex gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={4000}
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        data-testid={testId}
      />
      <Button
        icon={<SendOutlined />}
        disabled={!text.trim()}
        loading={pending}
        onClick={() =>
          void onSend(text.trim()).then(
            () => setText(''),
            () => undefined,
          )
        }
      >
        {t('reportTrail.send')}
      </Button>
    </Flex>
  );
}

/** The flags (warnings that never block) first, then the trail of the whole report. */
export function ReportTrail({ report, orgId }: { report: ReportDetail; orgId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...orgKey(orgId), 'report'] });
  const comment = useMutation({
    mutationFn: (b: { body: string; flagId?: number }) => addReportComment(report.id, b),
    onSuccess: refresh,
    onError: (err) => message.error(errorMessage(err)),
  });
  const flagStatus = useMutation({
    mutationFn: ({ flag, status }: { flag: QualityFlag; status: QualityFlag['status'] }) =>
      setFlagStatus(report.id, flag.id, status),
    onSuccess: refresh,
    onError: (err) => message.error(errorMessage(err)),
  });
  const reviewer = can(me, 'report.review');
  const general = report.comments.filter((c) => c.flagId === null);

  return (
    <>
      {report.flags.length > 0 && (
        <Card
          size="small"
          title={t('reportTrail.flagsTitle')}
          style={{ marginBottom: 16 }}
          data-testid="report-flags"
        >
          {report.flags.map((f) => {
            const thread = report.comments.filter((c) => c.flagId === f.id);
            const figure = f.field ? REPORT_FIELD_BY_KEY.get(f.field) : null;
            return (
              <Alert
                key={f.id}
                type={f.status === 'open' ? 'warning' : 'info'}
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="report-flag"
                title={
                  <Space size={6} wrap>
                    <span>{f.message}</span>
                    <Tag color={FLAG_COLOR[f.status]}>{t(`reportTrail.flagStatus.${f.status}`)}</Tag>
                    {figure && <Tag>{figure.vi}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {thread.map((c) => (
                      <CommentLine key={c.id} c={c} />
                    ))}
                    <CommentBox
                      placeholder={t('reportTrail.flagCommentPlaceholder')}
                      pending={comment.isPending && comment.variables?.flagId === f.id}
                      onSend={(body) => comment.mutateAsync({ body, flagId: f.id })}
                      testId="report-flag-comment"
                    />
                    {reviewer && (
                      <Space style={{ marginTop: 8 }} wrap>
                        {(['explained', 'resolved', 'open'] as const)
                          .filter((s) => s !== f.status)
                          .map((s) => (
                            <Button
                              key={s}
                              size="small"
                              onClick={() => flagStatus.mutate({ flag: f, status: s })}
                            >
                              {t(`reportTrail.markAs.${s}`)}
                            </Button>
                          ))}
                      </Space>
                    )}
                  </>
                }
              />
            );
          })}
        </Card>
      )}
      <Card size="small" title={t('reportTrail.title')} data-testid="report-trail">
        {general.length === 0 && <Typography.Text type="secondary">{t('reportTrail.none')}</Typography.Text>}
        {general.map((c) => (
          <CommentLine key={c.id} c={c} />
        ))}
        <CommentBox
          placeholder={t('reportTrail.placeholder')}
          pending={comment.isPending && comment.variables?.flagId === undefined}
          onSend={(body) => comment.mutateAsync({ body })}
          testId="report-comment"
        />
      </Card>
    </>
  );
}
