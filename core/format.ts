/** vi-VN formatting shared by the browser, Excel and PDF exports: 1.234.567 and 31/12/2025. */

// signDisplay 'negative': a value that is or rounds to zero shows as 0, never -0 or -0,00.
const integerFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0, signDisplay: 'negative' });
const decimalFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2, signDisplay: 'negative' });

/** Formats a number the Vietnamese way (dot thousands, comma decimals); empty for null. */
export function formatNumber(value: number | string | null | undefined, decimals?: number): string {
  if (value === null || value === undefined || value === '') return '';
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) return '';
  if (decimals !== undefined) {
    return new Intl.NumberFormat('vi-VN', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      signDisplay: 'negative',
    }).format(n);
  }
  return Number.isInteger(n) ? integerFormat.format(n) : decimalFormat.format(n);
}

/** Formats an ISO date ('2025-12-31' or a timestamp) as dd/mm/yyyy; empty for null. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (value instanceof Date && Number.isNaN(value.getTime())) return '';
  const iso = typeof value === 'string' ? value : value.toISOString();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  if (typeof value !== 'string' || value.length > 10) {
    // Timestamps are shown in Vietnam time, not UTC.
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return '';
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('day')}/${get('month')}/${get('year')}`;
  }
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Formats a timestamp as dd/mm/yyyy HH:mm in Vietnam time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}
