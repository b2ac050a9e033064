import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format.js';

/** Groups the digits of a non-negative integer string by three with dots, the Vietnamese way. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
// Vietnam has kept UTC+7 without daylight saving since 13/6/1975.
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const afterUnification = fc.date({
  min: new Date('1976-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('formatNumber', () => {
  it('groups thousands with dots and writes decimals with a comma', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(0.125, 2)).toBe('0,13');
    expect(formatNumber(1234.5, 2)).toBe('1.234,50');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(formatNumber(999)).toBe('999');
  });

  it('accepts numeric strings as PostgreSQL returns numeric columns', () => {
    expect(formatNumber('1234567.89')).toBe('1.234.567,89');
    expect(formatNumber('1500000000')).toBe('1.500.000.000');
  });

  it('gives an empty string for null, empty and non-numbers', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber('')).toBe('');
    expect(formatNumber('abc')).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('never shows a negative zero', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0.001, 2)).toBe('0,00');
  });

  test.prop([fc.maxSafeInteger()])('writes any safe integer as its digits grouped by three', (n) => {
    const digits = String(Math.abs(n));
    expect(formatNumber(n)).toBe(`${n < 0 ? '-' : ''}${groupDigits(digits)}`);
  });

  test.prop([fc.integer({ min: -1e12, max: 1e12 })])(
    'writes an amount in hundredths exactly with two decimals',
    (cents) => {
      const abs = Math.abs(cents);
      const expected = `${cents < 0 ? '-' : ''}${groupDigits(String(Math.floor(abs / 100)))},${pad(abs % 100)}`;
      expect(formatNumber(cents / 100, 2)).toBe(expected);
    },
  );
});

describe('formatDate', () => {
  it('writes a calendar date as dd/mm/yyyy without shifting it', () => {
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
    expect(formatDate('2025-01-01')).toBe('01/01/2025');
  });

  it('shows timestamps on the Vietnamese calendar day', () => {
    expect(formatDate('2025-12-31T16:59:59Z')).toBe('31/12/2025');
    expect(formatDate('2025-12-31T17:00:00Z')).toBe('01/01/2026');
    expect(formatDate(new Date('2025-06-30T17:00:00Z'))).toBe('01/07/2025');
  });

  it('gives an empty string for null, garbage and invalid dates', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('31/12/2025')).toBe('');
    expect(formatDate(new Date('not a date'))).toBe('');
  });

  test.prop([afterUnification])('agrees with the UTC+7 calendar for any instant', (d) => {
    const v = new Date(d.getTime() + VIETNAM_OFFSET_MS);
    expect(formatDate(d)).toBe(`${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`);
  });
});

describe('formatDateTime', () => {
  it('writes dd/mm/yyyy HH:mm in Vietnam time (UTC+7), midnight as 00', () => {
    expect(formatDateTime('2025-12-31T17:05:00Z')).toBe('01/01/2026 00:05');
    expect(formatDateTime('2025-06-30T16:59:59Z')).toBe('30/06/2025 23:59');
    expect(formatDateTime(new Date('2025-07-01T01:30:00Z'))).toBe('01/07/2025 08:30');
  });

  it('gives an empty string for null and invalid input', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('garbage')).toBe('');
  });

  test.prop([afterUnification])('agrees with a UTC+7 clock for any instant', (d) => {
    const v = new Date(d.getTime() + VIETNAM_OFFSET_MS);
    const expected = `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
    expect(formatDateTime(d)).toBe(expected);
    expect(formatDateTime(d.toISOString())).toBe(expected);
  });
});
