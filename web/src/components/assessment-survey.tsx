/**
 * The member-satisfaction survey of TT 09/2017/TT-BNNPTNT Art. 5(1): the board collects the forms (Phụ lục 2) at
 * the general meeting; the item's score is the sum of the valid forms' scores divided by their number.
 */
import { Card, Col, Form, InputNumber, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../core/format';

/** The survey as typed. */
export interface SurveyDraft {
  validForms: number | null;
  scoreSum: number | null;
}

/** The average the rule suggests (two decimals), or null until both figures are given. */
export function surveyAverage(s: SurveyDraft): number | null {
  if (!s.validForms || s.validForms < 1 || s.scoreSum === null) return null;
  return Math.round((s.scoreSum * 100) / s.validForms) / 100;
}

/** Shown only when the rubric scores an item by the survey (`items`: those items' codes). */
export function AssessmentSurvey(props: {
  value: SurveyDraft;
  editable: boolean;
  items: string[];
  problem?: string;
  onChange: (v: SurveyDraft) => void;
}) {
  const { value: v, editable, items, problem, onChange } = props;
  const { t } = useTranslation();
  const avg = surveyAverage(v);
  const status = problem ? ('error' as const) : undefined;
  return (
    <Card
      size="small"
      title={t('assessment.survey.title')}
      style={{ marginBottom: 12 }}
      data-testid="assessment-survey"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('assessment.survey.hint', { items: items.join(', ') })}
      </Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Row gutter={16} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item
              label={t('assessment.survey.validForms')}
              validateStatus={status}
              help={problem}
              style={{ marginBottom: 8 }}
            >
              {editable ? (
                <InputNumber
                  value={v.validForms}
                  min={1}
                  max={1_000_000}
                  precision={0}
                  status={status}
                  style={{ width: '100%' }}
                  onChange={(x) => onChange({ ...v, validForms: typeof x === 'number' ? x : null })}
                  data-testid="survey-forms"
                />
              ) : (
                <span>{v.validForms === null ? '—' : formatNumber(v.validForms)}</span>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label={t('assessment.survey.scoreSum')}
              validateStatus={status}
              style={{ marginBottom: 8 }}
            >
              {editable ? (
                <InputNumber
                  value={v.scoreSum}
                  min={0}
                  max={9_999_999}
                  step={0.5}
                  decimalSeparator=","
                  status={status}
                  style={{ width: '100%' }}
                  onChange={(x) => onChange({ ...v, scoreSum: typeof x === 'number' ? x : null })}
                  data-testid="survey-sum"
                />
              ) : (
                <span>{v.scoreSum === null ? '—' : formatNumber(v.scoreSum, 2)}</span>
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Statistic
              title={t('assessment.survey.average')}
              value={avg === null ? '—' : formatNumber(avg, 2)}
              styles={{ content: { fontSize: 20 } }}
            />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
