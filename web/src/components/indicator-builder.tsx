/** Builds an indicator from a filter over organisations and a measure, previews it over an area, saves it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';
import {
  BANDS,
  type Condition,
  type IndicatorSpec,
  REPORT_FLAGS,
  SOURCES,
  SUM_COLUMNS,
} from '../../../core/indicator/spec';
import { FIELDS, ORGANISATION_KINDS } from '../../../core/registry/enums';
import { indicatorApi, indicatorsKey } from '../api/indicators';
import { applyFieldErrors } from '../lib/form-errors';
import { ErrorAlert } from './error-alert';
import { UnitPicker } from './unit-picker';

interface Values {
  source: IndicatorSpec['source'];
  kinds?: ('THT' | 'HTX' | 'LHHTX')[];
  fields?: string[];
  withModel?: boolean;
  paperOnly?: boolean;
  measure: 'count' | 'sum' | 'average' | 'share';
  column?: string;
  flags?: string[];
  bands?: string[];
  unitId?: number | null;
  nameVi?: string;
  nameEn?: string;
  defVi?: string;
  defEn?: string;
  unit?: string;
}

/** A failed validation is shown beside its fields: swallowing it keeps it from surfacing as an unhandled rejection. */
const showsItself = () => undefined;

/** The spec the form describes (validated again on the server, which explains what cannot be computed). */
function specOf(v: Values): IndicatorSpec {
  const filter: IndicatorSpec['filter'] = {};
  if (v.kinds?.length) filter.kinds = v.kinds;
  if (v.fields?.length) filter.fields = v.fields as IndicatorSpec['filter']['fields'];
  if (v.withModel) filter.withModel = true;
  if (v.paperOnly) filter.paperOnly = true;
  const where = {
    ...(v.flags?.length ? { all: v.flags } : {}),
    ...(v.bands?.length ? { bands: v.bands } : {}),
  } as Condition;
  const column = (v.column ?? 'members') as 'members';
  const measure: IndicatorSpec['measure'] =
    v.measure === 'sum' || v.measure === 'average'
      ? { type: v.measure, column }
      : v.measure === 'share'
        ? { type: 'share', where }
        : { type: 'count', ...(Object.keys(where).length ? { where } : {}) };
  return { source: v.source, filter, measure };
}

/** The builder form with its preview over `defaultUnitId` (the user's own area) unless another is chosen. */
export function IndicatorBuilder({ defaultUnitId }: { defaultUnitId: number | null }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  const [form] = Form.useForm<Values>();
  const measure = Form.useWatch('measure', form);
  const source = Form.useWatch('source', form);
  const preview = useMutation({
    mutationFn: (v: Values) => indicatorApi.preview({ spec: specOf(v), unitId: v.unitId ?? null }),
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      indicatorApi.createCustom({
        name: { vi: v.nameVi?.trim() ?? '', en: v.nameEn?.trim() ?? '' },
        definition: { vi: v.defVi?.trim() ?? '', en: v.defEn?.trim() ?? '' },
        unit: v.unit?.trim() ?? '',
        spec: specOf(v),
      }),
    onSuccess: async (d) => {
      message.success(t('plan.ind.saved', { name: d.name[lang] }));
      await queryClient.invalidateQueries({ queryKey: indicatorsKey });
    },
    onError: (err) => applyFieldErrors(form, err, []),
  });
  const options = <T extends { value: string; vi: string; en: string }>(l: readonly T[]) =>
    l.map((x) => ({ value: x.value, label: x[lang] }));
  const req = [{ required: true, message: t('plan.form.required') }];
  const p = preview.data;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ source: 'organisations', measure: 'count', unitId: defaultUnitId }}
    >
      <Typography.Paragraph type="secondary">{t('plan.ind.builderIntro')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Form.Item name="source" label={t('plan.ind.source')}>
              <Select
                options={options(SOURCES.filter((s) => s.value !== 'manual'))}
                data-testid="builder-source"
              />
            </Form.Item>
            <Form.Item name="kinds" label={t('plan.ind.kinds')}>
              <Select
                mode="multiple"
                allowClear
                options={options(ORGANISATION_KINDS)}
                data-testid="builder-kinds"
              />
            </Form.Item>
            <Form.Item name="fields" label={t('plan.ind.fields')}>
              <Select mode="multiple" allowClear options={options(FIELDS)} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="withModel" valuePropName="checked" noStyle>
                <Checkbox>{t('plan.ind.withModel')}</Checkbox>
              </Form.Item>
              <Form.Item name="paperOnly" valuePropName="checked" noStyle>
                <Checkbox>{t('plan.ind.paperOnly')}</Checkbox>
              </Form.Item>
            </Space>
            <Form.Item name="measure" label={t('plan.ind.measure')} style={{ marginTop: 16 }}>
              <Select
                options={(['count', 'sum', 'average', 'share'] as const).map((m) => ({
                  value: m,
                  label: t(`plan.ind.measures.${m}`),
                }))}
                data-testid="builder-measure"
              />
            </Form.Item>
            {(measure === 'sum' || measure === 'average') && (
              <Form.Item name="column" label={t('plan.ind.column')} rules={req}>
                <Select options={options(SUM_COLUMNS)} />
              </Form.Item>
            )}
            {(measure === 'count' || measure === 'share') && source === 'reports' && (
              <Form.Item name="flags" label={t('plan.ind.condition')} rules={measure === 'share' ? req : []}>
                <Select mode="multiple" allowClear options={options(REPORT_FLAGS)} />
              </Form.Item>
            )}
            {(measure === 'count' || measure === 'share') && source === 'assessments' && (
              <Form.Item name="bands" label={t('plan.ind.bands')} rules={measure === 'share' ? req : []}>
                <Select mode="multiple" allowClear options={options(BANDS)} />
              </Form.Item>
            )}
            <Form.Item name="unitId" label={t('plan.ind.previewUnit')}>
              <UnitPicker data-testid="builder-unit" />
            </Form.Item>
            <Button
              onClick={() =>
                void form
                  .validateFields(['source', 'measure', 'column', 'flags', 'bands'])
                  .then(() => preview.mutate(form.getFieldsValue(true)))
                  .catch(showsItself)
              }
              loading={preview.isPending}
              data-testid="builder-preview"
            >
              {t('plan.ind.preview')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ErrorAlert error={preview.error} />
          {p && (
            <Card size="small" style={{ marginBottom: 16 }} data-testid="builder-result">
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('plan.page.unit')}>{p.territory.label}</Descriptions.Item>
                <Descriptions.Item label={t('plan.ind.previewValue')}>
                  <Typography.Text strong data-testid="builder-value">
                    {p.evaluation.value === null ? '—' : formatNumber(p.evaluation.value)}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              {p.territory.approximate && <Alert type="warning" showIcon title={p.territory.explanation} />}
              <Typography.Text strong>{t('plan.ind.previewCounted')}</Typography.Text>
              <List
                size="small"
                dataSource={p.organisations.items}
                renderItem={(o) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Link to="/organisations/$id" params={{ id: String(o.id) }}>
                      {o.name}
                    </Link>
                    <Typography.Text type="secondary">{o.communeName}</Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Card size="small">
            <ErrorAlert error={save.error} />
            <Form.Item name="nameVi" label={t('plan.ind.nameVi')} rules={req}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('plan.ind.nameEn')} rules={req}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="defVi" label={t('plan.ind.defVi')} rules={req}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={3000} />
            </Form.Item>
            <Form.Item name="defEn" label={t('plan.ind.defEn')} rules={req}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={3000} />
            </Form.Item>
            <Form.Item name="unit" label={t('plan.ind.unit')} rules={req}>
              <Input maxLength={50} style={{ maxWidth: 200 }} />
            </Form.Item>
            <Button
              type="primary"
              onClick={() =>
                void form
                  .validateFields()
                  .then(() => save.mutate(form.getFieldsValue(true)))
                  .catch(showsItself)
              }
              loading={save.isPending}
            >
              {t('plan.ind.save')}
            </Button>
          </Card>
        </Col>
      </Row>
    </Form>
  );
}
