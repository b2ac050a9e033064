/** Opening a campaign (province, year, rubric version, deadlines from the rubric) or changing its deadlines. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../core/format';
import type { Campaign } from '../api/assessment-types';
import {
  ASSESSMENT_KEY,
  type OpenCampaignResult,
  openCampaign,
  rubricQuery,
  rubricsQuery,
  updateCampaign,
} from '../api/assessments';
import { errorMessage } from '../api/client';
import { useCurrentUser } from '../current-user';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';
import { UnitPicker } from './unit-picker';

interface Values {
  provinceId?: number | null;
  year: number;
  rubricVersionId?: number;
  selfDeadline?: Dayjs;
  communeDeadline?: Dayjs;
  provinceDeadline?: Dayjs;
}

/** Props: `campaign` edits its deadlines; without it, a new campaign of `year` is opened. */
export function CampaignFormModal(props: {
  open: boolean;
  campaign?: Campaign | null;
  year: number;
  onClose: () => void;
  onOpened?: (r: OpenCampaignResult) => void;
}) {
  const { open, campaign, year, onClose, onOpened } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const rubrics = useQuery({ ...rubricsQuery('active'), enabled: open && !campaign });
  const rubricId = Form.useWatch('rubricVersionId', form);
  const chosenYear = Form.useWatch('year', form);
  const rubric = useQuery({ ...rubricQuery(rubricId ?? 0), enabled: open && !campaign && !!rubricId });
  const national = me.scope.type === 'nation';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (campaign) {
      form.setFieldsValue({
        year: campaign.year,
        selfDeadline: fromIsoDate(campaign.selfDeadline),
        communeDeadline: fromIsoDate(campaign.communeDeadline),
        provinceDeadline: fromIsoDate(campaign.provinceDeadline),
      });
    } else {
      form.setFieldsValue({ year, provinceId: national ? null : me.scope.unitId });
    }
  }, [open, campaign, year, national, me.scope.unitId, form]);

  // Deadlines follow the rubric's defaults (TT 01/2020 Art. 9: 15/12, 18/12, 21/12) for the chosen year.
  useEffect(() => {
    const d = rubric.data?.deadlines;
    if (campaign || !d || !chosenYear) return;
    const y = chosenYear + d.yearOffset;
    form.setFieldsValue({
      selfDeadline: fromIsoDate(`${y}-${d.self}`),
      communeDeadline: fromIsoDate(`${y}-${d.commune}`),
      provinceDeadline: fromIsoDate(`${y}-${d.province}`),
    });
  }, [rubric.data, chosenYear, campaign, form]);

  useEffect(() => {
    const active = rubrics.data?.items ?? [];
    if (!campaign && open && active.length > 0 && !form.getFieldValue('rubricVersionId')) {
      const preferred = active.find((r) => r.code === 'TT01-2020') ?? active[0];
      form.setFieldsValue({ rubricVersionId: preferred.id });
    }
  }, [rubrics.data, campaign, open, form]);

  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      const dates = {
        selfDeadline: v.selfDeadline ? toIsoDate(v.selfDeadline) : undefined,
        communeDeadline: v.communeDeadline ? toIsoDate(v.communeDeadline) : undefined,
        provinceDeadline: v.provinceDeadline ? toIsoDate(v.provinceDeadline) : undefined,
      };
      if (campaign) {
        await updateCampaign(campaign.id, { ...dates, version: campaign.version });
        return null;
      }
      return openCampaign({
        provinceId: (national ? v.provinceId : me.scope.unitId) as number,
        year: v.year,
        rubricVersionId: v.rubricVersionId as number,
        ...dates,
      });
    },
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ASSESSMENT_KEY });
      if (r) {
        message.success(
          t('assessment.campaigns.opened', { created: r.results.created, year: r.campaign.year }),
        );
        onOpened?.(r);
      } else message.success(t('assessment.campaigns.updated'));
      onClose();
    },
    onError: (err) => {
      if (err instanceof Error && 'errorFields' in err) return;
      message.error(errorMessage(err));
    },
  });

  const date = (name: keyof Values, label: string, testId: string) => (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('assessment.campaigns.dateRequired') }]}
    >
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={
        campaign
          ? t('assessment.campaigns.editTitle', { year: campaign.year })
          : t('assessment.campaigns.openTitle')
      }
      okText={campaign ? t('common.save') : t('assessment.campaigns.open')}
      cancelText={t('common.cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'campaign-form-ok' } as ButtonProps}
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        {!campaign && (
          <>
            {national && (
              <Form.Item
                name="provinceId"
                label={t('assessment.campaigns.province')}
                rules={[{ required: true, message: t('assessment.campaigns.provinceRequired') }]}
              >
                <UnitPicker level={1} data-testid="campaign-form-province" />
              </Form.Item>
            )}
            <Form.Item name="year" label={t('assessment.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} style={{ width: 140 }} data-testid="campaign-form-year" />
            </Form.Item>
            <Form.Item
              name="rubricVersionId"
              label={t('assessment.campaigns.rubric')}
              extra={t('assessment.campaigns.rubricHint')}
              rules={[{ required: true, message: t('assessment.campaigns.rubricRequired') }]}
            >
              <Select
                loading={rubrics.isFetching}
                data-testid="campaign-form-rubric"
                options={(rubrics.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: `${r.code} · ${r.name}`,
                }))}
              />
            </Form.Item>
            {rubric.data?.legal.expiresOn && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('assessment.campaigns.legalWarning', {
                  doc: rubric.data.legal.documentNumber,
                  date: formatDate(rubric.data.legal.expiresOn),
                })}
              />
            )}
          </>
        )}
        {date('selfDeadline', t('assessment.campaigns.selfDeadline'), 'campaign-form-self')}
        {date('communeDeadline', t('assessment.campaigns.communeDeadline'), 'campaign-form-commune')}
        {date(
          'provinceDeadline',
          t('assessment.campaigns.provinceDeadline'),
          'campaign-form-province-deadline',
        )}
      </Form>
    </Modal>
  );
}
