/** Recording a past year's result by hand (from a paper archive): total and band, or why it was not classified. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { BANDS, NOT_CLASSIFIED_REASONS } from '../../../core/assessment/types';
import { recordAssessment } from '../api/assessments';
import { errorMessage } from '../api/client';
import { orgKey } from '../api/organisations';
import { currentYearVn } from '../lib/dates';

interface Values {
  year: number;
  total?: number | null;
  band?: string | null;
  notClassifiedReason?: string | null;
}

/** The server checks that the band fits the total and that the year is not in the workflow. */
export function AssessmentRecordModal({
  orgId,
  open,
  onClose,
}: {
  orgId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: async () => {
      const v = await form.validateFields();
      return recordAssessment(orgId, v.year, {
        total: v.total ?? null,
        band: v.band ?? null,
        notClassifiedReason: v.notClassifiedReason ?? null,
      });
    },
    onSuccess: (a) => {
      void queryClient.invalidateQueries({ queryKey: orgKey(orgId) });
      message.success(t('assessment.record.saved', { year: a.year }));
      onClose();
    },
    onError: (err) => {
      if (err instanceof Error && 'errorFields' in err) return;
      message.error(errorMessage(err));
    },
  });
  return (
    <Modal
      open={open}
      title={t('assessment.record.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('assessment.record.hint')}</p>
      <Form form={form} layout="vertical" initialValues={{ year: currentYearVn() - 1 }} preserve={false}>
        <Form.Item name="year" label={t('assessment.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={currentYearVn()} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="total" label={t('assessment.finalTotal')}>
          <InputNumber min={0} max={100} step={0.5} decimalSeparator="," style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="band" label={t('assessment.bandTitle')}>
          <Select allowClear options={BANDS.map((b) => ({ value: b, label: t(`assessment.band.${b}`) }))} />
        </Form.Item>
        <Form.Item name="notClassifiedReason" label={t('assessment.record.reason')}>
          <Select
            allowClear
            options={NOT_CLASSIFIED_REASONS.map((r) => ({ value: r, label: t(`assessment.reason.${r}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
