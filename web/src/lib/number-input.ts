/** Formatters of antd InputNumber for Vietnamese numbers: 1.234.567 and 12,5 as the user types. */

/** Groups the digits of an integer string with dots ("-1234567" → "-1.234.567"). */
export function groupDigits(value: string): string {
  const negative = value.startsWith('-');
  const digits = value.replace(/\D/g, '');
  if (!digits) return negative ? '-' : '';
  const grouped = digits.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative ? `-${grouped}` : grouped;
}

/** InputNumber formatter of whole numbers (counts, đồng). */
export function integerFormatter(value: string | number | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  return groupDigits(String(value));
}

/** InputNumber parser of whole numbers: dots, spaces and "đ" are dropped, a leading minus kept. */
export function integerParser(text: string | undefined): string {
  if (!text) return '';
  const negative = text.trim().startsWith('-');
  const digits = text.replace(/\D/g, '');
  return negative && digits ? `-${digits}` : digits;
}

/** InputNumber formatter of a decimal with a comma (12.5 → "12,5"). */
export function decimalFormatter(value: string | number | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  const [int, frac] = String(value).split('.');
  return frac !== undefined ? `${groupDigits(int)},${frac}` : groupDigits(int);
}

/** InputNumber parser of a decimal typed with a comma (or a dot right before 1–2 final digits). */
export function decimalParser(text: string | undefined): string {
  if (!text) return '';
  const t = text.trim().replace(/\s/g, '');
  const comma = t.lastIndexOf(',');
  if (comma >= 0) return `${t.slice(0, comma).replace(/\./g, '')}.${t.slice(comma + 1).replace(/\D/g, '')}`;
  // "12.5" in a percentage field is a decimal point, "1.234" a thousands separator.
  if (/^-?\d+\.\d{1,2}$/.test(t)) return t;
  return t.replace(/\./g, '');
}
