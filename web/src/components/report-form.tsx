/** The yearly figures, one card per catalogue group, each figure beside last year's value. */
import { MessageOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, Flex, Form, type FormInstance, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import {
  officialMembers,
  type ReportField,
  type ReportFigures,
  totalMembers,
} from '../../../core/registry/report-fields';
import type { ReportComment } from '../api/registry-types';
import { useCoded } from '../lib/coded';
import { fieldsOf, REPORT_GROUPS, type ReportFormValues } from '../lib/report-form';
import { ReportFieldInput } from './report-field-input';

/** Props of ReportForm. */
export interface ReportFormProps {
  form: FormInstance<ReportFormValues>;
  initialValues: ReportFormValues;
  readOnly: boolean;
  /** Figures as typed now, for the live totals. */
  current: ReportFigures;
  previous: ReportFigures | null;
  previousYear: number;
  /** Comments of the latest return, by figure. */
  fieldComments: Record<string, ReportComment>;
  /** Open quality flags, by figure. */
  flagged: Record<string, string>;
  onChange: () => void;
}

function previousText(f: ReportField, v: ReportFigures[string] | undefined, yes: string, no: string): string {
  if (v === null || v === undefined) return '—';
  if (f.type === 'bool') return v ? yes : no;
  if (f.type === 'date') return formatDate(String(v));
  return formatNumber(v as number);
}

/** The server prefixes a figure's comment with the figure's name, which the highlighted row already shows. */
function withoutLabel(body: string, f: ReportField): string {
  for (const label of [f.vi, f.en]) if (body.startsWith(`${label}: `)) return body.slice(label.length + 2);
  return body;
}

/** A horizontal form: label, input, last year's figure; returned and flagged figures are highlighted. */
export function ReportForm(props: ReportFormProps) {
  const { form, initialValues, readOnly, current, previous, previousYear, fieldComments, flagged, onChange } =
    props;
  const { t } = useTranslation();
  const { lang } = useCoded();
  const groupExtra = (group: ReportField['group']): ReactNode => {
    if (group !== 'members') return null;
    return (
      <Typography.Text type="secondary" data-testid="report-member-totals">
        {t('report.memberTotals', {
          total: formatNumber(totalMembers(current)),
          official: formatNumber(officialMembers(current)),
        })}
      </Typography.Text>
    );
  };

  return (
    <Form<ReportFormValues>
      form={form}
      layout="horizontal"
      labelCol={{ xs: 24, md: 11 }}
      wrapperCol={{ xs: 24, md: 13 }}
      labelAlign="left"
      labelWrap
      colon={false}
      initialValues={initialValues}
      onValuesChange={onChange}
    >
      {REPORT_GROUPS.map((group) => (
        <Card
          key={group}
          size="small"
          title={t(`reportGroup.${group}`)}
          extra={groupExtra(group)}
          style={{ marginBottom: 16 }}
        >
          {fieldsOf(group).map((f) => {
            const comment = fieldComments[f.key];
            const flag = flagged[f.key];
            const highlight = comment ? '#fff7e6' : flag ? '#fffbe6' : undefined;
            return (
              <div
                key={f.key}
                style={{
                  background: highlight,
                  borderLeft: highlight
                    ? `3px solid ${comment ? '#fa8c16' : '#faad14'}`
                    : '3px solid transparent',
                  padding: '2px 8px',
                  marginInline: -8,
                }}
              >
                <Form.Item
                  label={f[lang]}
                  style={{ marginBottom: 6 }}
                  extra={
                    comment || flag ? (
                      <Flex vertical gap={2} style={{ marginTop: 2 }}>
                        {comment && (
                          <Typography.Text
                            style={{ color: '#d46b08' }}
                            data-testid={`report-field-comment-${f.key}`}
                          >
                            <MessageOutlined /> {comment.authorName ? `${comment.authorName}: ` : ''}
                            {withoutLabel(comment.body, f)}
                          </Typography.Text>
                        )}
                        {flag && (
                          <Typography.Text style={{ color: '#ad8b00' }}>
                            <WarningOutlined /> {flag}
                          </Typography.Text>
                        )}
                      </Flex>
                    ) : undefined
                  }
                >
                  <Flex gap={12} align="center">
                    <div style={{ flex: '1 1 auto', maxWidth: 300 }}>
                      <Form.Item name={f.key} noStyle>
                        <ReportFieldInput field={f} readOnly={readOnly} />
                      </Form.Item>
                    </div>
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                      title={t('report.previousYear', { year: previousYear })}
                    >
                      {previous
                        ? `${previousYear}: ${previousText(f, previous[f.key], t('common.yes'), t('common.no'))}`
                        : ''}
                    </Typography.Text>
                  </Flex>
                </Form.Item>
              </div>
            );
          })}
        </Card>
      ))}
    </Form>
  );
}
