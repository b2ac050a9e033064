/** Manual figures (what the registry cannot know: population share, GRDP…): entry form and the list. */
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Table,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../../core/format';
import { errorMessage } from '../api/client';
import {
  indicatorApi,
  indicatorsKey,
  indicatorsQuery,
  type ManualValue,
  type ManualValueInput,
  manualValuesQuery,
} from '../api/indicators';
import { unitDetailQuery } from '../api/units';
import { currentYearVn } from '../lib/dates';
import { applyFieldErrors, hasFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';
import { UnitPicker } from './unit-picker';

const FIELDS = ['indicatorKey', 'unitId', 'year', 'value', 'source', 'note'];
/** The last day before the 2025 reform: the unit search finds the provinces and districts of then. */
const BEFORE_REFORM = '2025-06-30';

function UnitName({ id }: { id: number | null }) {
  const { t } = useTranslation();
  const q = useQuery({ ...unitDetailQuery(id ?? 0), enabled: id !== null });
  if (id === null) return <>{t('plan.page.national')}</>;
  const u = q.data?.unit;
  // The same name may be a province of today and the one before 1/7/2025: say which.
  return <>{u ? `${u.fullName}${u.era === 'pre2025' ? ` (${t('units.eraPre2025')})` : ''}` : `#${id}`}</>;
}

/** The form (with indicator.manual) above the table of figures in scope. */
export function IndicatorManualValues({ mayEnter }: { mayEnter: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<ManualValueInput>();
  // A figure is read for exactly the unit of a plan; most plans were issued for units before 1/7/2025.
  const [former, setFormer] = useState(false);
  const catalogue = useQuery(indicatorsQuery());
  const values = useQuery(manualValuesQuery());
  const manual = (catalogue.data?.items ?? []).filter((d) => d.spec.source === 'manual');
  const nameOf = (key: string) => {
    const d = catalogue.data?.items.find((x) => x.key === key);
    return d ? d.name[lang] : key;
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: indicatorsKey });
  const create = useMutation({
    mutationFn: (v: ManualValueInput) =>
      indicatorApi.createValue({ ...v, unitId: v.unitId ?? null, note: v.note?.trim() || null }),
    onSuccess: async () => {
      message.success(t('plan.ind.manualSaved'));
      form.resetFields(['value', 'source', 'note']);
      await refresh();
    },
    onError: (err) => applyFieldErrors(form, err, FIELDS),
  });
  const remove = useMutation({
    mutationFn: (v: ManualValue) => indicatorApi.deleteValue(v.id),
    onSuccess: refresh,
    onError: (err) => message.error(errorMessage(err)),
  });
  const req = [{ required: true, message: t('plan.form.required') }];

  return (
    <>
      {mayEnter && (
        <Card size="small" style={{ marginBottom: 16 }} title={t('plan.ind.manualAdd')}>
          {!hasFieldErrors(create.error, FIELDS) && <ErrorAlert error={create.error} />}
          <Form<ManualValueInput>
            form={form}
            layout="vertical"
            initialValues={{ year: currentYearVn() - 1 }}
            onFinish={(v) => create.mutate(v)}
          >
            <Row gutter={12}>
              <Col xs={24} md={10}>
                <Form.Item name="indicatorKey" label={t('plan.ind.manualIndicator')} rules={req}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={manual.map((d) => ({ value: d.key, label: `${d.name[lang]} (${d.unit})` }))}
                    data-testid="manual-indicator"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="unitId"
                  label={t('plan.ind.manualUnit')}
                  rules={req}
                  extra={
                    <Checkbox
                      checked={former}
                      onChange={(e) => {
                        setFormer(e.target.checked);
                        form.setFieldValue('unitId', undefined);
                      }}
                      data-testid="manual-unit-former"
                    >
                      {t('plan.ind.manualFormer')}
                    </Checkbox>
                  }
                >
                  <UnitPicker date={former ? BEFORE_REFORM : undefined} data-testid="manual-unit" />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name="year" label={t('plan.ind.manualYear')} rules={req}>
                  <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name="value" label={t('plan.ind.manualValue')} rules={req}>
                  <InputNumber style={{ width: '100%' }} data-testid="manual-value" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="source" label={t('plan.ind.manualSource')} rules={req}>
                  <Input maxLength={500} data-testid="manual-source" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="note" label={t('plan.ind.manualNote')}>
                  <Input maxLength={2000} />
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="manual-submit">
              {t('common.save')}
            </Button>
          </Form>
        </Card>
      )}
      <ErrorAlert error={values.error} />
      <Table<ManualValue>
        rowKey="id"
        size="small"
        loading={values.isLoading}
        dataSource={values.data?.items ?? []}
        locale={{ emptyText: t('plan.ind.manualEmpty') }}
        data-testid="manual-table"
        columns={[
          { title: t('plan.ind.manualIndicator'), key: 'ind', render: (_, v) => nameOf(v.indicatorKey) },
          { title: t('plan.ind.manualUnit'), key: 'unit', render: (_, v) => <UnitName id={v.unitId} /> },
          { title: t('plan.ind.manualYear'), dataIndex: 'year', width: 80 },
          {
            title: t('plan.ind.manualValue'),
            key: 'value',
            width: 110,
            align: 'right',
            render: (_, v) => formatNumber(v.value),
          },
          { title: t('plan.ind.manualSource'), dataIndex: 'source' },
          {
            title: t('plan.ind.updatedAt'),
            key: 'at',
            width: 150,
            render: (_, v) => formatDateTime(v.updatedAt),
          },
          ...(mayEnter
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 48,
                  render: (_: unknown, v: ManualValue) => (
                    <Popconfirm title={t('plan.ind.deleteValue')} onConfirm={() => remove.mutate(v)}>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('plan.target.delete')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
