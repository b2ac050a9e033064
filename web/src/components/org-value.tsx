/** Display of one organisation field's value: coded labels, dates, money, yes/no, unit names. */
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../core/format';
import { unitDetailQuery } from '../api/units';
import { useCoded } from '../lib/coded';
import { ORG_WIDGETS, type OrgField } from '../lib/org-form';

/** The full name of a unit by id (fetched once, cached). */
export function UnitName({ id }: { id: number }) {
  const unit = useQuery(unitDetailQuery(id));
  return <>{unit.data?.unit.fullName ?? `#${id}`}</>;
}

/** A value as the officer reads it; "—" when empty. */
export function OrgValue({ field, value }: { field: OrgField; value: unknown }) {
  const { t } = useTranslation();
  const { label } = useCoded();
  const widget = ORG_WIDGETS[field];
  if (value === null || value === undefined || value === '') {
    if (widget.type === 'switch') return <>{t('common.no')}</>;
    return <Typography.Text type="secondary">—</Typography.Text>;
  }
  switch (widget.type) {
    case 'coded':
      return <>{label(widget.list, String(value))}</>;
    case 'date':
      return <>{formatDate(String(value))}</>;
    case 'money':
      return <>{`${formatNumber(String(value))} ${t('common.dong')}`}</>;
    case 'switch':
      return <>{value ? t('common.yes') : t('common.no')}</>;
    case 'commune':
      if (typeof value === 'number') return <UnitName id={value} />;
      return <>{String(value)}</>;
    default:
      return <>{String(value)}</>;
  }
}
