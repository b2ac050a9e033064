/** Add or edit a target: the quoted wording, the indicator, the comparator its words select, the figure. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, type ButtonProps, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPARATORS } from '../../../core/plan/comparators';
import { indicatorsQuery } from '../api/indicators';
import { type PlanTarget, planApi, plansKey, type TargetInput } from '../api/plans';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';

type Values = Omit<TargetInput, 'tolerance'> & { tolerancePct?: number | null };
const FIELDS = [
  'code',
  'part',
  'objective',
  'wording',
  'indicatorKey',
  'comparator',
  'value',
  'valueMax',
  'unit',
  'targetYear',
  'parentId',
  'allocationLevel',
  'note',
  'baselineDate',
];

/** Modal form; `target` null adds a new one. */
export function PlanTargetModal({
  planId,
  years,
  target,
  targets,
  onClose,
}: {
  planId: number;
  years: [number, number];
  target: PlanTarget | null;
  targets: PlanTarget[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const comparator = Form.useWatch('comparator', form);
  const relation = Form.useWatch('relation', form);
  const parentId = Form.useWatch('parentId', form);
  const catalogue = useQuery(indicatorsQuery());
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';

  const save = useMutation({
    mutationFn: (v: Values) => {
      const { tolerancePct, ...rest } = v;
      // The form shows the common fields; the rest of an edited target (baseline, period start, order…) is kept.
      const kept: Partial<TargetInput> = target
        ? {
            periodStart: target.periodStart,
            baselineValue: target.baselineValue,
            baselineDate: target.baselineDate,
            partition: target.partition,
            sort: target.sort,
          }
        : {};
      const body: TargetInput = {
        ...kept,
        ...rest,
        part: rest.part?.trim() ?? '',
        parentId: rest.parentId ?? null,
        relation: rest.parentId ? (rest.relation ?? 'of_which') : null,
        allocationLevel: rest.relation === 'allocated' ? (rest.allocationLevel ?? 2) : null,
        valueMax: rest.comparator === 'range' ? (rest.valueMax ?? null) : null,
        tolerance: rest.comparator === 'about' && tolerancePct ? tolerancePct / 100 : null,
        objective: rest.objective?.trim() || null,
        note: rest.note?.trim() || null,
        recurring: !!rest.recurring,
        value: rest.value ?? 0,
      };
      return target ? planApi.updateTarget(planId, target.id, body) : planApi.createTarget(planId, body);
    },
    onSuccess: async () => {
      message.success(t('plan.target.saved'));
      await queryClient.invalidateQueries({ queryKey: plansKey });
      onClose();
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });

  const initial: Partial<Values> = target
    ? { ...target, tolerancePct: target.tolerance ? target.tolerance * 100 : null }
    : { comparator: 'at_least', targetYear: years[1], part: '' };
  const req = [{ required: true, message: t('plan.form.required') }];

  return (
    <Modal
      open
      title={
        target
          ? t('plan.form.editTarget', { code: `${target.code}${target.part}` })
          : t('plan.form.newTarget')
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      width={820}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'target-form-submit' } as ButtonProps}
    >
      {!hasFieldErrors(save.error, FIELDS) && <ErrorAlert error={save.error} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="code" label={t('plan.form.code')} rules={req} extra={t('plan.form.codeHint')}>
              <Input maxLength={32} data-testid="target-form-code" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="part" label={t('plan.form.part')}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="objective" label={t('plan.form.objective')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="wording"
          label={t('plan.form.wording')}
          rules={req}
          extra={t('plan.form.wordingHint')}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={3000}
            data-testid="target-form-wording"
          />
        </Form.Item>
        <Form.Item name="indicatorKey" label={t('plan.form.indicator')} rules={req}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={catalogue.isLoading}
            options={(catalogue.data?.items ?? []).map((d) => ({
              value: d.key,
              label: `${d.name[lang]} (${d.unit})`,
            }))}
            onChange={(key) => {
              const d = catalogue.data?.items.find((x) => x.key === key);
              if (d && !form.getFieldValue('unit')) form.setFieldValue('unit', d.unit);
            }}
            data-testid="target-form-indicator"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="comparator" label={t('plan.form.comparator')} rules={req}>
              <Select options={COMPARATORS.map((c) => ({ value: c.value, label: c[lang] }))} />
            </Form.Item>
          </Col>
          <Col span={comparator === 'range' || comparator === 'about' ? 5 : 8}>
            <Form.Item name="value" label={t('plan.form.value')} rules={req}>
              <InputNumber style={{ width: '100%' }} data-testid="target-form-value" />
            </Form.Item>
          </Col>
          {comparator === 'range' && (
            <Col span={5}>
              <Form.Item name="valueMax" label={t('plan.form.valueMax')} rules={req}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          {comparator === 'about' && (
            <Col span={5}>
              <Form.Item name="tolerancePct" label={t('plan.form.tolerance')}>
                <InputNumber min={0.1} max={99} placeholder="5" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="unit" label={t('plan.form.unit')} rules={req}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item name="targetYear" label={t('plan.form.targetYear')} rules={req}>
              <InputNumber min={years[0]} max={years[1]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="recurring" valuePropName="checked" label=" ">
              <Checkbox>{t('plan.form.recurring')}</Checkbox>
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="parentId" label={t('plan.form.parent')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={targets
                  .filter((x) => x.id !== target?.id)
                  .map((x) => ({ value: x.id, label: `${x.code}${x.part} · ${x.figureText}` }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {parentId && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="relation" label={t('plan.form.relation')} initialValue="of_which">
                <Select
                  options={[
                    { value: 'of_which', label: t('plan.form.ofWhich') },
                    { value: 'allocated', label: t('plan.form.allocated') },
                  ]}
                />
              </Form.Item>
            </Col>
            {relation === 'allocated' && (
              <Col span={12}>
                <Form.Item name="allocationLevel" label={t('plan.form.allocationLevel')} initialValue={2}>
                  <Select
                    options={[
                      { value: 2, label: t('plan.form.level2') },
                      { value: 3, label: t('plan.form.level3') },
                    ]}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
        )}
        <Form.Item name="note" label={t('plan.form.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
