/** The yearly report form, generated from REPORT_FIELDS: groups, value conversions, what changed. */
import type { Dayjs } from 'dayjs';
import { REPORT_FIELDS, type ReportField, type ReportFigures } from '../../../core/registry/report-fields';
import type { ReportComment } from '../api/registry-types';
import { fromIsoDate, toIsoDate } from './dates';

/** The catalogue's groups in their order of first appearance. */
export const REPORT_GROUPS: ReportField['group'][] = [...new Set(REPORT_FIELDS.map((f) => f.group))];

/** The fields of one group, in catalogue order. */
export function fieldsOf(group: ReportField['group']): ReportField[] {
  return REPORT_FIELDS.filter((f) => f.group === group);
}

/** A form value: numbers for counts, đồng and percentages, booleans, dayjs dates; null = not reported. */
export type ReportFormValue = number | boolean | Dayjs | null | undefined;
/** Form values keyed by field key. */
export type ReportFormValues = Record<string, ReportFormValue>;

/** Form values of a set of figures (every catalogue key present). */
export function reportFormValues(figures: ReportFigures | null | undefined): ReportFormValues {
  const out: ReportFormValues = {};
  for (const f of REPORT_FIELDS) {
    const v = figures?.[f.key] ?? null;
    if (f.type === 'date') out[f.key] = typeof v === 'string' ? (fromIsoDate(v) ?? null) : null;
    else if (f.type === 'bool') out[f.key] = typeof v === 'boolean' ? v : null;
    else out[f.key] = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : null;
  }
  return out;
}

/** Figures of form values, as the API takes them. */
export function figuresOf(values: ReportFormValues): ReportFigures {
  const out: ReportFigures = {};
  for (const f of REPORT_FIELDS) {
    const v = values[f.key];
    if (v === undefined || v === null || (typeof v === 'string' && v === '')) out[f.key] = null;
    else if (f.type === 'date') out[f.key] = toIsoDate(v as Dayjs);
    else if (f.type === 'bool') out[f.key] = !!v;
    else out[f.key] = Number(v);
  }
  return out;
}

/** The keys whose value differs between two sets of figures. */
export function changedFigureKeys(before: ReportFigures, after: ReportFigures): string[] {
  return REPORT_FIELDS.map((f) => f.key).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
}

/**
 * The per-figure comments of the latest return, unless the report was approved or reopened since. The
 * officer's general comment and the comments on single figures are written in the same transaction, so
 * they share (to the second) the latest return's time.
 */
export function latestReturnComments(comments: ReportComment[]): Record<string, ReportComment> {
  const decisions = comments.filter(
    (c) => c.kind === 'return' || c.kind === 'approve' || c.kind === 'reopen',
  );
  if (decisions.length === 0) return {};
  const last = decisions.reduce((a, b) => (Date.parse(b.createdAt) >= Date.parse(a.createdAt) ? b : a));
  if (last.kind !== 'return') return {};
  const returns = decisions.filter((c) => c.kind === 'return');
  const latest = Date.parse(last.createdAt);
  const out: Record<string, ReportComment> = {};
  for (const c of returns) {
    if (c.field && latest - Date.parse(c.createdAt) < 2_000) out[c.field] = c;
  }
  return out;
}
