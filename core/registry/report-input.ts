/**
 * Validation and mapping of yearly figures, driven entirely by the REPORT_FIELDS catalogue: a field
 * added there is accepted by the API, stored in its column and returned without touching this file.
 */
import { z } from 'zod';
import { REPORT_FIELDS, type ReportField, type ReportFigures } from './report-fields.js';

/** Largest money amount accepted (15 digits: exact as a JavaScript number, far above any cooperative). */
export const MAX_MONEY = 999_999_999_999_999;
/** Largest count accepted (the int column's range). */
export const MAX_COUNT = 2_147_483_647;

/** Money fields that may be negative (a loss). Every other amount is ≥ 0. */
export const SIGNED_MONEY_KEYS: readonly string[] = ['profitBeforeTax'];

const label = (f: ReportField) => `"${f.vi}"`;

function isoDateOk(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && s <= '2100-12-31'
  );
}

function moneySchema(f: ReportField) {
  const signed = SIGNED_MONEY_KEYS.includes(f.key);
  const msg = signed
    ? `${label(f)} phải là số nguyên (đồng), có thể âm.`
    : `${label(f)} phải là số nguyên không âm (đồng).`;
  return z
    .union(
      [z.number({ error: msg }), z.string({ error: msg }).regex(signed ? /^-?\d{1,15}$/ : /^\d{1,15}$/, msg)],
      { error: msg },
    )
    .transform((v) => Number(v))
    .superRefine((n, ctx) => {
      if (!Number.isInteger(n) || (!signed && n < 0)) ctx.addIssue({ code: 'custom', message: msg });
      else if (Math.abs(n) > MAX_MONEY)
        ctx.addIssue({ code: 'custom', message: `${label(f)} vượt quá giới hạn cho phép.` });
    });
}

function fieldSchema(f: ReportField): z.ZodType<number | boolean | string> {
  switch (f.type) {
    case 'int': {
      const msg = `${label(f)} phải là số nguyên không âm.`;
      return z
        .number({ error: msg })
        .int(msg)
        .min(0, msg)
        .max(MAX_COUNT, `${label(f)} quá lớn.`);
    }
    case 'money':
      return moneySchema(f);
    case 'percent': {
      const msg = `${label(f)} phải là tỷ lệ phần trăm từ 0 đến 100.`;
      return z
        .number({ error: msg })
        .min(0, msg)
        .max(100, msg)
        .refine((n) => Math.round(n * 100) / 100 === n, `${label(f)} chỉ được có tối đa 2 chữ số thập phân.`);
    }
    case 'bool':
      return z.boolean({ error: `${label(f)} phải là có (true) hoặc không (false).` });
    case 'date': {
      const msg = `${label(f)} phải là ngày hợp lệ dạng YYYY-MM-DD.`;
      return z
        .string({ error: msg })
        .regex(/^\d{4}-\d{2}-\d{2}$/, msg)
        .refine(isoDateOk, msg);
    }
  }
}

/**
 * A partial set of figures keyed by REPORT_FIELDS keys: a key left out is unchanged, null clears the
 * figure. Unknown keys are refused (strict) so that a misspelt figure is never silently dropped.
 */
export const ZReportFigures = z.strictObject(
  Object.fromEntries(REPORT_FIELDS.map((f) => [f.key, fieldSchema(f).nullable().optional()])) as Record<
    string,
    z.ZodOptional<z.ZodNullable<z.ZodType<number | boolean | string>>>
  >,
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `Chỉ tiêu không có trong danh mục báo cáo: ${iss.keys.join(', ')}.`
        : undefined,
  },
);

/** Parsed figures: values as numbers (money and percent included), booleans or ISO date strings. */
export type TReportFigures = Partial<ReportFigures>;

/** Database values of a set of figures: money and percentages as exact decimal strings for numeric columns. */
export function figuresToColumns(figures: TReportFigures): Record<string, number | boolean | string | null> {
  const out: Record<string, number | boolean | string | null> = {};
  for (const f of REPORT_FIELDS) {
    if (!(f.key in figures)) continue;
    const v = figures[f.key];
    if (v === undefined) continue;
    out[f.column] = v === null ? null : f.type === 'money' || f.type === 'percent' ? String(v) : v;
  }
  return out;
}

/** Figures of a database row: every catalogue key present, null when not reported. */
export function rowToFigures(row: Record<string, unknown>): ReportFigures {
  const out: ReportFigures = {};
  for (const f of REPORT_FIELDS) {
    const v = row[f.column];
    if (v === null || v === undefined) out[f.key] = null;
    else if (f.type === 'money' || f.type === 'percent' || f.type === 'int') out[f.key] = Number(v);
    else if (f.type === 'bool') out[f.key] = Boolean(v);
    else out[f.key] = String(v);
  }
  return out;
}
