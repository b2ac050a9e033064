/** Human text for the validity period of an administrative unit. */
import type { TFunction } from 'i18next';
import { formatDate } from '../../../core/format';
import type { Unit } from '../api/types';

/** The calendar day before an ISO date ('2025-07-01' → '2025-06-30'). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * "Từ ngày … đến ngày …", "Từ ngày … đến nay", "Đến ngày …", or "Đang có hiệu lực" when both ends are open.
 * The API's validTo is an exclusive end (a unit merged on 1/7/2025 has validTo '2025-07-01'), so the last
 * day shown is the day before it.
 */
export function validityText(unit: Pick<Unit, 'validFrom' | 'validTo'>, t: TFunction): string {
  const from = formatDate(unit.validFrom);
  const to = unit.validTo ? formatDate(dayBefore(unit.validTo)) : '';
  if (from && to) return t('units.validRange', { from, to });
  if (from) return t('units.validSince', { from });
  if (to) return t('units.validUntil', { to });
  return t('units.validOpen');
}
