/** A cooperative's pending registration changes, with approve / reject for officers (org.change_review). */
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../core/format';
import { errorMessage } from '../api/client';
import { approveChangeRequest, changeRequestsQuery, orgKey, rejectChangeRequest } from '../api/organisations';
import type { ChangeRequest, Organisation } from '../api/registry-types';
import { can, useCurrentUser } from '../current-user';
import { ORG_WIDGETS, type OrgField } from '../lib/org-form';
import { OrgValue } from './org-value';

const STATUS_COLOR: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

function ChangesTable({ org, cr }: { org: Organisation; cr: ChangeRequest }) {
  const { t } = useTranslation();
  const rows = Object.entries(cr.changes)
    .filter(([k]) => k in ORG_WIDGETS)
    .map(([k, v]) => ({ field: k as OrgField, proposed: v }));
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t('changeRequest.field'),
          key: 'f',
          width: 220,
          render: (_: unknown, r) => t(`orgField.${r.field}`),
        },
        {
          title: t('changeRequest.current'),
          key: 'now',
          render: (_: unknown, r) => (
            <OrgValue field={r.field} value={(org as unknown as Record<string, unknown>)[r.field]} />
          ),
        },
        {
          title: t('changeRequest.proposed'),
          key: 'new',
          render: (_: unknown, r) => (
            <Typography.Text strong>
              <OrgValue field={r.field} value={r.proposed} />
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** Pending requests in a highlighted card; decided ones folded below as a record. */
export function OrgChangeRequests({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const list = useQuery(changeRequestsQuery(org.id));
  const [deciding, setDeciding] = useState<{ cr: ChangeRequest; approve: boolean } | null>(null);
  const [comment, setComment] = useState('');
  const reviewer = can(me, 'org.change_review');

  const decide = useMutation({
    mutationFn: ({ cr, approve }: { cr: ChangeRequest; approve: boolean }) =>
      approve ? approveChangeRequest(cr.id, comment.trim()) : rejectChangeRequest(cr.id, comment.trim()),
    onSuccess: async (_, v) => {
      message.success(t(v.approve ? 'changeRequest.approved' : 'changeRequest.rejected'));
      setDeciding(null);
      setComment('');
      await queryClient.invalidateQueries({ queryKey: orgKey(org.id) });
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
    onError: (err) => message.error(errorMessage(err)),
  });

  const items = list.data?.items ?? [];
  const pending = items.filter((c) => c.status === 'pending');
  const decided = items.filter((c) => c.status !== 'pending');
  if (items.length === 0) return null;

  const header = (cr: ChangeRequest) => (
    <Space wrap size={8}>
      <Tag color={STATUS_COLOR[cr.status] ?? 'default'}>
        {t(`changeRequest.status.${cr.status}`, { defaultValue: cr.status })}
      </Tag>
      <Typography.Text>
        {t('changeRequest.by', { name: cr.requestedByName, at: formatDateTime(cr.createdAt) })}
      </Typography.Text>
      {cr.reviewerName && (
        <Typography.Text type="secondary">
          {t('changeRequest.reviewedBy', { name: cr.reviewerName, at: formatDateTime(cr.reviewedAt) })}
        </Typography.Text>
      )}
      {cr.comment && <Typography.Text type="secondary">“{cr.comment}”</Typography.Text>}
    </Space>
  );

  return (
    <>
      {pending.map((cr) => (
        <Card
          key={cr.id}
          size="small"
          style={{ marginBottom: 16, borderColor: '#ffd666', background: '#fffbe6' }}
          title={t('changeRequest.pendingTitle')}
          data-testid="change-request"
          extra={
            reviewer ? (
              <Space>
                <Button
                  size="small"
                  danger
                  icon={<CloseOutlined />}
                  onClick={() => setDeciding({ cr, approve: false })}
                  data-testid="change-request-reject"
                >
                  {t('changeRequest.reject')}
                </Button>
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => setDeciding({ cr, approve: true })}
                  data-testid="change-request-approve"
                >
                  {t('changeRequest.approve')}
                </Button>
              </Space>
            ) : (
              <Tag color="gold">{t('changeRequest.waiting')}</Tag>
            )
          }
        >
          <Flex vertical gap={8}>
            {header(cr)}
            <ChangesTable org={org} cr={cr} />
          </Flex>
        </Card>
      ))}
      {decided.length > 0 && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'decided',
              label: t('changeRequest.decidedTitle', { count: decided.length }),
              children: decided.map((cr) => (
                <Flex key={cr.id} vertical gap={8} style={{ marginBottom: 12 }}>
                  {header(cr)}
                  <ChangesTable org={org} cr={cr} />
                </Flex>
              )),
            },
          ]}
        />
      )}
      <Modal
        open={!!deciding}
        title={t(deciding?.approve ? 'changeRequest.approveTitle' : 'changeRequest.rejectTitle')}
        okText={t(deciding?.approve ? 'changeRequest.approve' : 'changeRequest.reject')}
        okButtonProps={{
          danger: !deciding?.approve,
          disabled: !deciding?.approve && !comment.trim(),
          loading: decide.isPending,
        }}
        cancelText={t('common.cancel')}
        onCancel={() => setDeciding(null)}
        onOk={() => deciding && decide.mutate(deciding)}
      >
        <Typography.Paragraph>
          {t(deciding?.approve ? 'changeRequest.approveBody' : 'changeRequest.rejectBody')}
        </Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder={t(
            deciding?.approve ? 'changeRequest.commentOptional' : 'changeRequest.reasonRequired',
          )}
          data-testid="change-request-comment"
        />
      </Modal>
    </>
  );
}
