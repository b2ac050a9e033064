import { normaliseRegistrationCode } from '../../../core/registry/registration-code.js';
import { REPORT_FIELD_BY_KEY } from '../../../core/registry/report-fields.js';
import { type TReportFigures, ZReportFigures } from '../../../core/registry/report-input.js';
import type { Ctx } from '../../context.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import { flagDuplicateKeys } from './import-types.js';
import type { SheetData } from './read-sheet.js';
import { type RowIssue, typeRow } from './row-values.js';

/** One yearly-figures row read from the file. */
export interface ReportDraft {
  row: number;
  regCode: string | null;
  year: number | null;
  /** Parsed figures for the catalogue columns the file has (null = clear the figure). */
  figures: TReportFigures;
  issues: RowIssue[];
  warnings: RowIssue[];
}

/** The rows of a yearly-figures file and the catalogue keys its columns cover. */
export interface ReportPrepared {
  drafts: ReportDraft[];
  keys: string[];
}

const HEADER = new Map(ANNUAL_REPORT_COLUMNS.map((c) => [c.key, c.header]));
/** The template header of a column key. */
export const reportHeader = (key: string) => HEADER.get(key) ?? key;

/**
 * Reads a yearly-figures file: registration code, year, and each figure validated with the shared
 * ZReportFigures (core/registry/report-input.ts). A code and year repeated within the file make all those
 * rows invalid.
 */
export async function prepareReports(_ctx: Ctx, sheet: SheetData): Promise<ReportPrepared> {
  const keys = [...sheet.header.columns.values()]
    .filter((c) => REPORT_FIELD_BY_KEY.has(c.key))
    .map((c) => c.key);
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const drafts = sheet.rows.map((r): ReportDraft => {
    const t = typeRow(r, sheet.header, sheet.date1904);
    const issue = (key: string, message: string) =>
      t.issues.push({ row: r.row, column: reportHeader(key), header: null, message });
    const regCode = typeof t.values.regCode === 'string' ? normaliseRegistrationCode(t.values.regCode) : null;
    if (!regCode) issue('regCode', 'Thiếu mã số HTX/THT.');
    let year = typeof t.values.year === 'number' ? t.values.year : null;
    if (year === null && !t.issues.some((i) => i.column === reportHeader('year')))
      issue('year', 'Thiếu năm báo cáo.');
    else if (year !== null && (year < 1990 || year > thisYear)) {
      issue('year', `Năm báo cáo ${year} không hợp lệ (từ 1990 đến ${thisYear}).`);
      year = null;
    }
    const raw = Object.fromEntries(keys.filter((k) => k in t.values).map((k) => [k, t.values[k]]));
    const parsed = ZReportFigures.safeParse(raw);
    let figures: TReportFigures = {};
    if (parsed.success) figures = parsed.data as TReportFigures;
    else for (const iss of parsed.error.issues) issue(String(iss.path[0] ?? 'regCode'), iss.message);
    return { row: r.row, regCode, year, figures, issues: t.issues, warnings: t.warnings };
  });
  flagDuplicateKeys(
    drafts,
    (d) => (d.regCode && d.year ? `${d.regCode}|${d.year}` : null),
    (d, others) => ({
      column: reportHeader('year'),
      header: null,
      message: `Số liệu năm ${d.year} của tổ chức ${d.regCode} xuất hiện ở nhiều dòng (dòng ${others.join(', ')}).`,
    }),
  );
  return { drafts, keys };
}
