/** Approvals of the self-assessment by the board (HĐQT) and the supervisory board (TT 01/2020 Art. 8), and the service type. */
import { Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../../core/assessment/labels';
import { formatDate } from '../../../core/format';
import { DATE_FORMAT, fromIsoDate, toIsoDate } from '../lib/dates';

/** The approvals as typed. */
export interface ApprovalsDraft {
  boardName: string;
  boardOn: string | null;
  supervisorName: string;
  supervisorOn: string | null;
  serviceType: string | null;
}

/** Editable while the cooperative holds the assessment, else read-only text. */
export function AssessmentApprovals(props: {
  value: ApprovalsDraft;
  editable: boolean;
  problems: Record<string, string>;
  onChange: (v: Partial<ApprovalsDraft>) => void;
}) {
  const { value: v, editable, problems, onChange } = props;
  const { t } = useTranslation();
  const person = (who: 'board' | 'supervisor') => {
    const name = who === 'board' ? v.boardName : v.supervisorName;
    const on = who === 'board' ? v.boardOn : v.supervisorOn;
    return (
      <Col xs={24} md={12} xl={8}>
        <Form.Item
          label={t(`assessment.form.${who}`)}
          validateStatus={problems[who] ? 'error' : undefined}
          help={problems[who]}
          style={{ marginBottom: 8 }}
        >
          {editable ? (
            <Row gutter={8}>
              <Col flex="auto">
                <Input
                  value={name}
                  maxLength={200}
                  placeholder={t('assessment.form.approverName')}
                  onChange={(e) =>
                    onChange(
                      who === 'board' ? { boardName: e.target.value } : { supervisorName: e.target.value },
                    )
                  }
                  data-testid={`${who}-name`}
                />
              </Col>
              <Col flex="150px">
                <DatePicker
                  format={DATE_FORMAT}
                  value={fromIsoDate(on)}
                  placeholder={t('assessment.form.approvedOn')}
                  onChange={(d) => {
                    const iso = d ? toIsoDate(d) : null;
                    onChange(who === 'board' ? { boardOn: iso } : { supervisorOn: iso });
                  }}
                  data-testid={`${who}-date`}
                />
              </Col>
            </Row>
          ) : (
            <span>{name ? `${name} · ${formatDate(on)}` : '—'}</span>
          )}
        </Form.Item>
      </Col>
    );
  };
  return (
    <Card size="small" title={t('assessment.form.approvals')} style={{ marginBottom: 12 }}>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {person('board')}
          {person('supervisor')}
          <Col xs={24} md={12} xl={8}>
            <Form.Item label={t('assessment.form.serviceType')} style={{ marginBottom: 8 }}>
              <Select
                allowClear
                disabled={!editable}
                value={v.serviceType}
                onChange={(s) => onChange({ serviceType: s ?? null })}
                options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`assessment.serviceType.${s}`) }))}
                data-testid="service-type"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
