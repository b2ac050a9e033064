import { formatDate } from '../../../core/format.js';
import {
  cleanText,
  decimalFromNumber,
  decimalString,
  isoFromSerial,
  type Parsed,
  parseBoolText,
  parseDateText,
  parseDecimalText,
} from './cell-parse.js';
import { matchCoded } from './coded-match.js';
import type { ColumnSpec } from './columns.js';
import type { HeaderMap } from './header-match.js';
import { isCellError, isFormulaWithoutResult, type RawCell } from './raw-cell.js';
import type { SheetRow } from './read-sheet.js';

/** A problem with one cell (or one row), as the dry run lists it: Excel row, Vietnamese column header, message. */
export interface RowIssue {
  row: number;
  /** The template's Vietnamese header of the column. */
  column: string;
  /** The header as written in the uploaded file (null when the column is not in the file). */
  header: string | null;
  message: string;
}

/** A row's values by column key (present only for columns in the file; null = empty cell). */
export interface TypedRow {
  row: number;
  values: Record<string, unknown>;
  issues: RowIssue[];
  warnings: RowIssue[];
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

function shown(v: RawCell): string {
  return v instanceof Date ? formatDate(v.toISOString()) : String(v);
}

function decimalOf(v: RawCell): Parsed<string> {
  if (typeof v === 'number') {
    const d = decimalFromNumber(v);
    return d ? ok(decimalString(d)) : fail(`Số ${v} quá lớn hoặc không hợp lệ.`);
  }
  if (typeof v === 'string') {
    const d = parseDecimalText(v);
    return d
      ? ok(decimalString(d))
      : fail(`Giá trị "${cleanText(v)}" không phải là số; hãy ghi số như 1.234.567 hoặc 1.234,5.`);
  }
  return fail(`Giá trị "${shown(v)}" không phải là số.`);
}

function textOf(v: RawCell): string | null {
  if (typeof v === 'string') return cleanText(v) || null;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (v instanceof Date) return formatDate(v.toISOString());
  return null;
}

/** A cell as text: `cleaned` when it is a text cell (cleaned once by readCell), else its value written out. */
function cellText(v: RawCell, cleaned: string | null): string | null {
  return cleaned !== null ? cleaned || null : textOf(v);
}

/**
 * Reads one cell by its column type; null for an empty cell. (No closure is made per cell: `npm start` runs under
 * tsx, whose keepNames gives every function made at run time a defineProperty call.)
 */
export function readCell(spec: ColumnSpec, v: RawCell, date1904: boolean): Parsed<unknown> {
  // A text cell is cleaned once here: the emptiness check and textOf both need the same cleanText(v).
  const cleaned = typeof v === 'string' ? cleanText(v) : null;
  if (v === null || cleaned === '') return ok(null);
  switch (spec.type) {
    case 'text':
      return ok(cellText(v, cleaned));
    case 'int': {
      const d = decimalOf(v);
      if (!d.ok) return d;
      return /^-?\d+$/.test(d.value) ? ok(Number(d.value)) : fail(`"${shown(v)}" phải là số nguyên.`);
    }
    case 'money':
    case 'signed_money':
      return decimalOf(v);
    case 'percent': {
      const d = decimalOf(v);
      return d.ok ? ok(Number(d.value)) : d;
    }
    case 'date': {
      if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
      if (typeof v === 'number') {
        const iso = isoFromSerial(v, date1904);
        return iso ? ok(iso) : fail(`Số ${v} không phải là ngày hợp lệ.`);
      }
      if (typeof v === 'string') return parseDateText(v);
      return fail(`"${shown(v)}" không phải là ngày.`);
    }
    case 'bool':
      if (typeof v === 'boolean') return ok(v);
      if (v === 1 || v === 0) return ok(v === 1);
      return typeof v === 'string'
        ? parseBoolText(v)
        : fail(`"${shown(v)}" không hợp lệ; hãy ghi "Có" hoặc "Không".`);
    case 'coded':
      return matchCoded(spec.matcher!, cellText(v, cleaned) ?? '');
  }
}

/**
 * Reads every mapped column of a row. A formula saved without its value is treated as empty and reported
 * as a warning (formulas are never evaluated); an Excel error value (#N/A…) makes the row invalid.
 */
export function typeRow(r: SheetRow, header: HeaderMap, date1904: boolean): TypedRow {
  const out: TypedRow = { row: r.row, values: {}, issues: [], warnings: [] };
  for (const [col, spec] of header.columns) {
    if (spec.info) continue;
    const raw = r.cells[col] ?? null;
    if (isFormulaWithoutResult(raw)) {
      out.values[spec.key] = null;
      out.warnings.push(
        issueAt(
          r.row,
          spec,
          header.texts.get(col),
          'Ô chứa công thức chưa có giá trị tính sẵn; hệ thống không tính công thức nên coi ô này là trống. Hãy dán giá trị (Paste Values) nếu cần.',
        ),
      );
      continue;
    }
    if (isCellError(raw)) {
      out.issues.push(
        issueAt(
          r.row,
          spec,
          header.texts.get(col),
          raw.cellError ? `Ô có lỗi ${raw.cellError}.` : 'Ô có lỗi công thức (không có giá trị).',
        ),
      );
      continue;
    }
    const parsed = readCell(spec, raw, date1904);
    if (parsed.ok) out.values[spec.key] = parsed.value;
    else out.issues.push(issueAt(r.row, spec, header.texts.get(col), parsed.message));
  }
  return out;
}

/**
 * A problem with a cell of Excel row `row` in the column of `spec`, headed `written` in the file (made only when
 * there is one).
 */
function issueAt(row: number, spec: ColumnSpec, written: string | undefined, message: string): RowIssue {
  return { row, column: spec.header, header: written ?? null, message };
}
