/** The input of one reported figure, chosen by its catalogue type; Vietnamese number formats as typed. */
import { CloseCircleOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, InputNumber, Radio, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportField } from '../../../core/registry/report-fields';
import { MAX_COUNT, MAX_MONEY, SIGNED_MONEY_KEYS } from '../../../core/registry/report-input';
import { DATE_FORMAT } from '../lib/dates';
import { decimalFormatter, decimalParser, integerFormatter, integerParser } from '../lib/number-input';
import type { ReportFormValue } from '../lib/report-form';

/** Props as Form.Item passes them, plus the field. */
export interface ReportFieldInputProps {
  field: ReportField;
  value?: ReportFormValue;
  onChange?: (v: ReportFormValue) => void;
  disabled?: boolean;
  /** Locked report: numbers stay dark and selectable instead of greyed out. */
  readOnly?: boolean;
}

/** Có / Không buttons with a clear button: an unanswered question is not "Không". */
function YesNo(props: {
  value?: ReportFormValue;
  onChange?: (v: boolean | null) => void;
  disabled?: boolean;
  readOnly?: boolean;
  testId: string;
}) {
  const { value, onChange, disabled, readOnly, testId } = props;
  const { t } = useTranslation();
  const v = value === true ? 'yes' : value === false ? 'no' : undefined;
  if (readOnly) {
    return (
      <Typography.Text
        strong={v !== undefined}
        type={v === undefined ? 'secondary' : undefined}
        data-testid={testId}
      >
        {v === 'yes' ? t('common.yes') : v === 'no' ? t('common.no') : '—'}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={4} align="center">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        value={v}
        disabled={disabled}
        onChange={(e) => onChange?.(e.target.value === 'yes')}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        data-testid={testId}
      />
      {v !== undefined && !disabled && (
        <Tooltip title={t('report.clearAnswer')}>
          <Button
            type="text"
            size="small"
            icon={<CloseCircleOutlined />}
            onClick={() => onChange?.(null)}
            aria-label={t('report.clearAnswer')}
          />
        </Tooltip>
      )}
    </Flex>
  );
}

/** InputNumber for counts, đồng (1.234.567) and percentages (12,5), DatePicker for dates, Có/Không for booleans. */
export function ReportFieldInput({ field, value, onChange, disabled, readOnly }: ReportFieldInputProps) {
  const { t } = useTranslation();
  const testId = `report-field-${field.key}`;
  const common = {
    disabled,
    readOnly,
    variant: readOnly ? ('filled' as const) : undefined,
    style: { width: '100%' },
    'data-testid': testId,
    id: `report-${field.key}`,
  };
  switch (field.type) {
    case 'bool':
      return (
        <YesNo value={value} onChange={onChange} disabled={disabled} readOnly={readOnly} testId={testId} />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          disabled={disabled || readOnly}
          format={DATE_FORMAT}
          placeholder={t('common.datePlaceholder')}
          value={dayjs.isDayjs(value) ? value : null}
          onChange={(d) => onChange?.(d ?? null)}
        />
      );
    case 'percent':
      return (
        <InputNumber<number>
          {...common}
          min={0}
          max={100}
          precision={2}
          step={0.5}
          suffix="%"
          formatter={(v, info) => (info.userTyping ? info.input : decimalFormatter(v))}
          // The string result keeps an emptied box empty (null), never 0.
          parser={decimalParser as never}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v ?? null)}
        />
      );
    case 'money': {
      const signed = SIGNED_MONEY_KEYS.includes(field.key);
      return (
        <InputNumber<number>
          {...common}
          min={signed ? -MAX_MONEY : 0}
          max={MAX_MONEY}
          precision={0}
          suffix={t('common.dong')}
          formatter={integerFormatter}
          parser={integerParser as never}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v ?? null)}
        />
      );
    }
    default:
      return (
        <InputNumber<number>
          {...common}
          min={0}
          max={MAX_COUNT}
          precision={0}
          formatter={integerFormatter}
          parser={integerParser as never}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange?.(v ?? null)}
        />
      );
  }
}
