/** One field of the organisation form, rendered from its widget in lib/org-form.ts. */
import { AuditOutlined } from '@ant-design/icons';
import { DatePicker, Form, Input, InputNumber, Select, Switch, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENDED_STATUSES, FIELDS, LEGAL_STATUSES } from '../../../core/registry/enums';
import { statusAllowedFor } from '../../../core/registry/lifecycle';
import { fieldFromVsic, isVsicLevel4 } from '../../../core/registry/vsic';
import { useCoded } from '../lib/coded';
import { DATE_FORMAT } from '../lib/dates';
import { integerFormatter, integerParser } from '../lib/number-input';
import { ORG_WIDGETS, type OrgField, type OrgFormValues, REQUIRED_FIELDS, testIdOf } from '../lib/org-form';
import { UnitPicker } from './unit-picker';

const PRE2025_DATE = '2025-06-30';

/** What a field needs to know about the rest of the form and the user. */
export interface OrgFieldContext {
  values: OrgFormValues;
  /** A cooperative user: registration fields go to an officer for approval. */
  needsApproval: (field: OrgField) => boolean;
  /** The legal status the organisation has now (an ended status can only come from an event). */
  currentStatus?: string;
  extra?: ReactNode;
}

/** The field of activity the VSIC code gives, or null. */
export function derivedField(vsic: unknown): string | null {
  return typeof vsic === 'string' && isVsicLevel4(vsic) ? fieldFromVsic(vsic) : null;
}

/** A Form.Item with the label of `orgField.<field>`, the widget, and the approval hint when it applies. */
export function OrgFormField({ field, ctx }: { field: OrgField; ctx: OrgFieldContext }) {
  const { t } = useTranslation();
  const { label, options } = useCoded();
  const widget = ORG_WIDGETS[field];
  const testId = testIdOf(field);
  const kind = ctx.values.kind ?? 'HTX';
  const approval = ctx.needsApproval(field);
  const title = (
    <span>
      {t(`orgField.${field}`)}
      {approval && (
        <Tooltip title={t('orgForm.approvalHint')}>
          <AuditOutlined
            style={{ marginInlineStart: 6, color: '#d48806' }}
            aria-label={t('orgForm.approvalHint')}
          />
        </Tooltip>
      )}
    </span>
  );
  const help = t(`orgFieldHelp.${field}`, { defaultValue: '' });
  let extra: ReactNode = ctx.extra ?? (help || undefined);
  let input: ReactNode;

  switch (widget.type) {
    case 'text':
      input = <Input maxLength={widget.max} autoComplete="off" data-testid={testId} />;
      break;
    case 'code':
      input = (
        <Input
          maxLength={16}
          inputMode="numeric"
          autoComplete="off"
          placeholder="0101234567"
          style={{ fontFamily: 'monospace' }}
          data-testid={testId}
        />
      );
      break;
    case 'date':
      input = (
        <DatePicker
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          data-testid={testId}
        />
      );
      break;
    case 'money':
      input = (
        <InputNumber<string>
          stringMode
          min="0"
          precision={0}
          style={{ width: '100%' }}
          formatter={integerFormatter}
          parser={integerParser}
          suffix={t('common.dong')}
          data-testid={testId}
        />
      );
      break;
    case 'switch':
      return (
        <Form.Item name={field} label={title} valuePropName="checked" extra={extra}>
          <Switch data-testid={testId} />
        </Form.Item>
      );
    case 'commune':
      input = (
        <UnitPicker
          level={3}
          date={widget.era === 'pre2025' ? PRE2025_DATE : undefined}
          placeholder={t(
            widget.era === 'pre2025' ? 'orgForm.pre2025Placeholder' : 'orgForm.communePlaceholder',
          )}
          data-testid={testId}
        />
      );
      break;
    case 'vsic': {
      const derived = derivedField(ctx.values.vsicCode);
      if (derived) {
        extra = (
          <Typography.Text type="success" data-testid="org-form-derived-field">
            {t('orgForm.derivedField', { field: label(FIELDS, derived), code: ctx.values.vsicCode })}
          </Typography.Text>
        );
      }
      input = (
        <Input
          maxLength={4}
          inputMode="numeric"
          placeholder="0111"
          style={{ fontFamily: 'monospace', maxWidth: 160 }}
          data-testid={testId}
        />
      );
      break;
    }
    case 'coded': {
      let opts = options(widget.list);
      if (field === 'legalStatus') {
        opts = options(LEGAL_STATUSES, (s) => statusAllowedFor(kind, s.value)).map((o) => ({
          ...o,
          // Dissolution and termination are recorded as lifecycle events, never typed in (server rule).
          disabled: ENDED_STATUSES.includes(o.value as never) && o.value !== ctx.currentStatus,
        }));
      }
      const derived = field === 'field' ? derivedField(ctx.values.vsicCode) : null;
      input = (
        <Select
          allowClear={field !== 'kind' && field !== 'legalStatus'}
          options={opts}
          popupMatchSelectWidth={false}
          placeholder={derived ? t('orgForm.fieldFromVsic', { field: label(FIELDS, derived) }) : undefined}
          data-testid={testId}
        />
      );
      break;
    }
  }

  return (
    <Form.Item name={field} label={title} extra={extra} required={REQUIRED_FIELDS.has(field)}>
      {input}
    </Form.Item>
  );
}
