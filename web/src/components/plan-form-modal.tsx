/** Add a plan or edit its header (number, kind, body, signer, date, area, period, legal bases, status). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Plan, type PlanInput, planApi, plansKey } from '../api/plans';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { PLAN_KINDS, PLAN_STATUSES } from '../lib/plan-search';
import { ErrorAlert } from './error-alert';
import { UnitPicker } from './unit-picker';

type Values = Omit<PlanInput, 'issuedOn' | 'legalBases'> & { issuedOn?: Dayjs | null; legalBases?: string };
const FIELDS = [
  'number',
  'kind',
  'title',
  'issuer',
  'signer',
  'issuedOn',
  'unitId',
  'startYear',
  'endYear',
  'legalBases',
  'status',
  'summary',
];

const blank = (s: string | null | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** Modal form; on success the plan queries are refreshed and `onSaved` gets the plan. */
export function PlanFormModal({
  open,
  plan,
  onClose,
  onSaved,
}: {
  open: boolean;
  plan: Plan | null;
  onClose: () => void;
  onSaved?: (p: Plan) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: PlanInput = {
        number: blank(v.number),
        kind: v.kind,
        title: v.title.trim(),
        issuer: v.issuer.trim(),
        signer: blank(v.signer),
        issuedOn: v.issuedOn ? toIsoDate(v.issuedOn) : null,
        unitId: v.unitId ?? null,
        startYear: v.startYear,
        endYear: v.endYear,
        legalBases: (v.legalBases ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        status: v.status,
        summary: blank(v.summary),
      };
      return plan ? planApi.update(plan.id, { ...body, version: plan.version }) : planApi.create(body);
    },
    onSuccess: async (p) => {
      message.success(t('plan.form.saved'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      onSaved?.(p);
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });
  const initial: Partial<Values> = plan
    ? {
        ...plan,
        issuedOn: fromIsoDate(plan.issuedOn) ?? null,
        legalBases: plan.legalBases.join('\n'),
      }
    : { kind: 'ke_hoach', status: 'in_force' };

  return (
    <Modal
      open={open}
      title={t(plan ? 'plan.form.editPlan' : 'plan.form.newPlan')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'plan-form-submit' } as ButtonProps}
    >
      {!hasFieldErrors(save.error, FIELDS) && <ErrorAlert error={save.error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => save.mutate(v)}
        preserve={false}
      >
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="kind" label={t('plan.page.kind')} rules={[{ required: true }]}>
              <Select options={PLAN_KINDS.map((k) => ({ value: k, label: t(`plan.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="number" label={t('plan.page.number')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label={t('plan.page.status')}>
              <Select options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('plan.form.title')}
          rules={[{ required: true, message: t('plan.form.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item
              name="issuer"
              label={t('plan.page.issuer')}
              rules={[{ required: true, message: t('plan.form.required') }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="signer" label={t('plan.page.signer')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="issuedOn" label={t('plan.page.issuedOn')}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="unitId" label={t('plan.form.planUnit')}>
              <UnitPicker />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="startYear"
              label={t('plan.form.startYear')}
              rules={[{ required: true, message: t('plan.form.required') }]}
            >
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="endYear"
              label={t('plan.form.endYear')}
              rules={[{ required: true, message: t('plan.form.required') }]}
            >
              <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalBases" label={t('plan.form.legalBases')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('plan.page.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
