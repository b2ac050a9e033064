/** The plan's header: number, kind, body, signer, date, covered area (a former unit is said so), period, bases, file. */
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import { apiDownload, apiUpload, errorMessage } from '../api/client';
import { type PlanPage, plansKey } from '../api/plans';

/** Descriptions of the header and the notices about the area the plan covers. */
export function PlanHeaderCard({ page, mayAttach }: { page: PlanPage; mayAttach: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { plan, territory, attachments } = page;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.set('ownerType', 'plan');
      form.set('ownerId', String(plan.id));
      form.set('file', file);
      return apiUpload<{ attachment: { fileName: string } }>('/api/attachments', form);
    },
    onSuccess: async (r) => {
      message.success(t('plan.page.uploaded', { name: r.attachment.fileName }));
      await queryClient.invalidateQueries({ queryKey: plansKey });
    },
    onError: (err) => message.error(errorMessage(err)),
  });
  const former = territory.era === 'pre2025';

  return (
    <>
      {former && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.page.formerUnitTitle')}
          description={t('plan.page.formerUnit', { unit: territory.label })}
          data-testid="plan-former-unit"
        />
      )}
      {territory.approximate && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.page.approximateTitle')}
          description={territory.explanation}
          data-testid="plan-approximate"
        />
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph strong style={{ marginBottom: 12 }}>
          {plan.title}
        </Typography.Paragraph>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="plan-header">
          <Descriptions.Item label={t('plan.page.number')}>{plan.number ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.page.kind')}>
            {t(`plan.kinds.${plan.kind}`, { defaultValue: plan.kindLabel })}
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.page.issuer')}>{plan.issuer}</Descriptions.Item>
          <Descriptions.Item label={t('plan.page.signer')}>{plan.signer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plan.page.issuedOn')}>
            {plan.issuedOn ? formatDate(plan.issuedOn) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.page.unit')}>
            {plan.unitId === null ? t('plan.page.national') : territory.label}
          </Descriptions.Item>
          <Descriptions.Item
            label={t('plan.page.period')}
          >{`${plan.startYear}–${plan.endYear}`}</Descriptions.Item>
          <Descriptions.Item label={t('plan.page.status')}>
            {t(`plan.statuses.${plan.status}`, { defaultValue: plan.statusLabel })}
          </Descriptions.Item>
          <Descriptions.Item label={t('plan.page.original')}>
            <Space wrap size={[8, 4]}>
              {attachments.length === 0 && (
                <Typography.Text type="secondary">{t('plan.page.noOriginal')}</Typography.Text>
              )}
              {attachments.map((a) => (
                <Typography.Link
                  key={a.id}
                  onClick={() =>
                    void apiDownload(`/api/attachments/${a.id}`, undefined, a.fileName).catch((e) =>
                      message.error(errorMessage(e)),
                    )
                  }
                  data-testid="plan-attachment"
                >
                  <PaperClipOutlined /> {a.fileName}
                </Typography.Link>
              ))}
              {mayAttach && (
                <Upload
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload.mutate(file);
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                    {t('plan.page.uploadOriginal')}
                  </Button>
                </Upload>
              )}
            </Space>
          </Descriptions.Item>
          {plan.legalBases.length > 0 && (
            <Descriptions.Item label={t('plan.page.legalBases')} span="filled">
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {plan.legalBases.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </Descriptions.Item>
          )}
          {plan.summary && (
            <Descriptions.Item label={t('plan.page.summary')} span="filled">
              {plan.summary}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
    </>
  );
}
