/**
 * The rules of a rubric version besides its tree: band thresholds (Tốt/Khá/Trung bình/Yếu), default deadlines,
 * exclusion rules (not classified) and override rules (band whatever the total). Editable on a draft; the server's
 * errors show beside the field they concern.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BANDS, type ExclusionRule } from '../../../core/assessment/types';
import { displayToMd, mdToDisplay, type RubricDraft } from '../lib/rubric-draft';

const DEADLINES = ['self', 'commune', 'province'] as const;
const EXCLUSIONS = ['founded_lt_months', 'stopped_gt_months', 'credit_fund'] as const;

/** Rules of the draft; `errors` by target ('bands.kha', 'deadlines.self', 'exclusions.0', 'bands', …). */
export function RubricRulesCard(props: {
  draft: RubricDraft;
  editable: boolean;
  errors: Record<string, string[]>;
  onChange: (patch: Partial<RubricDraft>) => void;
}) {
  const { draft: d, editable, errors, onChange } = props;
  const { t } = useTranslation();
  const err = (key: string) =>
    errors[key] ? { validateStatus: 'error' as const, help: errors[key].join(' ') } : {};
  const setExclusion = (k: number, x: ExclusionRule) =>
    onChange({ exclusions: d.exclusions.map((e, j) => (j === k ? x : e)) });

  return (
    <Card
      size="small"
      title={t('assessment.rubrics.rules')}
      style={{ marginBottom: 12 }}
      data-testid="rubric-rules"
    >
      <Form layout="vertical" component="div" disabled={!editable}>
        <Typography.Text strong>{t('assessment.rubrics.bands')}</Typography.Text>
        {errors.bands && (
          <div>
            <Typography.Text type="danger">{errors.bands.join(' ')}</Typography.Text>
          </div>
        )}
        <Row gutter={12} style={{ marginBottom: 8 }}>
          {d.bands.map((b, k) => (
            <Col key={b.band} xs={12} md={6}>
              <Form.Item
                label={`${t(`assessment.band.${b.band}`)} ≥`}
                style={{ marginBottom: 0 }}
                {...err(`bands.${b.band}`)}
              >
                <InputNumber
                  value={b.min}
                  min={0}
                  max={d.maxTotal}
                  step={1}
                  decimalSeparator=","
                  style={{ width: '100%' }}
                  onChange={(x) =>
                    onChange({
                      bands: d.bands.map((y, j) =>
                        j === k ? { ...y, min: typeof x === 'number' ? x : 0 } : y,
                      ),
                    })
                  }
                  data-testid={`rubric-band-${b.band}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {errors.maxTotal && <Typography.Text type="danger">{errors.maxTotal.join(' ')}</Typography.Text>}

        <Typography.Text strong>{t('assessment.rubrics.deadlinesTitle')}</Typography.Text>
        <Row gutter={12} style={{ marginTop: 4 }}>
          {DEADLINES.map((k) => (
            <Col key={k} xs={12} md={5}>
              <Form.Item
                label={t(`assessment.rubrics.deadline.${k}`)}
                style={{ marginBottom: 8 }}
                {...err(`deadlines.${k}`)}
              >
                <Input
                  // Re-mount when the stored value changes so typing "1/4" is kept until it parses.
                  key={d.deadlines[k]}
                  defaultValue={mdToDisplay(d.deadlines[k])}
                  placeholder="dd/mm"
                  maxLength={5}
                  onBlur={(e) =>
                    onChange({ deadlines: { ...d.deadlines, [k]: displayToMd(e.target.value) } })
                  }
                  data-testid={`rubric-deadline-${k}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Form.Item label={t('assessment.rubrics.deadline.yearOffset')} style={{ marginBottom: 8 }}>
              <Select
                value={d.deadlines.yearOffset}
                onChange={(v) => onChange({ deadlines: { ...d.deadlines, yearOffset: v } })}
                options={[0, 1].map((v) => ({
                  value: v,
                  label: t(`assessment.rubrics.deadline.offset${v}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item label={t('assessment.form.note')} style={{ marginBottom: 8 }}>
              <Input
                value={d.deadlines.note ?? ''}
                maxLength={500}
                onChange={(e) => onChange({ deadlines: { ...d.deadlines, note: e.target.value || null } })}
              />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Text strong>{t('assessment.rubrics.exclusions')}</Typography.Text>
        {d.exclusions.map((x, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rule has no identity but its position (the server's errors name it so)
          <Form.Item key={`${x.kind}-${k}`} style={{ margin: '4px 0' }} {...err(`exclusions.${k}`)}>
            <Space wrap>
              <Select
                value={x.kind}
                style={{ width: 300 }}
                onChange={(kind) =>
                  setExclusion(
                    k,
                    kind === 'credit_fund'
                      ? { kind, legalRef: x.legalRef }
                      : { kind, months: 'months' in x ? x.months : 12, legalRef: x.legalRef },
                  )
                }
                options={EXCLUSIONS.map((v) => ({ value: v, label: t(`assessment.rubrics.exclusion.${v}`) }))}
                data-testid={`rubric-exclusion-kind-${k}`}
              />
              {'months' in x && (
                <InputNumber
                  value={x.months}
                  min={1}
                  max={12}
                  precision={0}
                  suffix={t('assessment.rubrics.months')}
                  style={{ width: 120 }}
                  onChange={(m) => setExclusion(k, { ...x, months: typeof m === 'number' ? m : 1 })}
                  data-testid={`rubric-exclusion-months-${k}`}
                />
              )}
              <Input
                value={x.legalRef}
                maxLength={500}
                style={{ width: 280 }}
                placeholder={t('assessment.rubrics.legalRef')}
                onChange={(e) => setExclusion(k, { ...x, legalRef: e.target.value })}
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('assessment.rubrics.delete')}
                onClick={() => onChange({ exclusions: d.exclusions.filter((_e, j) => j !== k) })}
              />
            </Space>
          </Form.Item>
        ))}
        <div style={{ marginBottom: 12 }}>
          <Button
            size="small"
            icon={<PlusOutlined />}
            disabled={!editable || d.exclusions.length >= 10}
            onClick={() =>
              onChange({
                exclusions: [...d.exclusions, { kind: 'founded_lt_months', months: 12, legalRef: '' }],
              })
            }
            data-testid="rubric-add-exclusion"
          >
            {t('assessment.rubrics.addRule')}
          </Button>
        </div>

        <Typography.Text strong>{t('assessment.rubrics.overrides')}</Typography.Text>
        {d.overrides.map((o, k) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a rule has no identity but its position (the server's errors name it so)
          <Form.Item key={`o-${k}`} style={{ margin: '4px 0' }} {...err(`overrides.${k}`)}>
            <Space wrap>
              <Typography.Text>{t('assessment.rubrics.override.sanctioned')}</Typography.Text>
              <Select
                value={o.band}
                style={{ width: 160 }}
                onChange={(band) =>
                  onChange({ overrides: d.overrides.map((y, j) => (j === k ? { ...y, band } : y)) })
                }
                options={BANDS.map((b) => ({ value: b, label: t(`assessment.band.${b}`) }))}
              />
              <Input
                value={o.legalRef}
                maxLength={500}
                style={{ width: 280 }}
                placeholder={t('assessment.rubrics.legalRef')}
                onChange={(e) =>
                  onChange({
                    overrides: d.overrides.map((y, j) => (j === k ? { ...y, legalRef: e.target.value } : y)),
                  })
                }
              />
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('assessment.rubrics.delete')}
                onClick={() => onChange({ overrides: d.overrides.filter((_e, j) => j !== k) })}
              />
            </Space>
          </Form.Item>
        ))}
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={!editable || d.overrides.length >= 5}
          onClick={() =>
            onChange({ overrides: [...d.overrides, { kind: 'sanctioned', band: 'yeu', legalRef: '' }] })
          }
          data-testid="rubric-add-override"
        >
          {t('assessment.rubrics.addRule')}
        </Button>
      </Form>
    </Card>
  );
}
