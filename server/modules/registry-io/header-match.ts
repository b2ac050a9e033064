import { AppError } from '../../http/problem.js';
import { type ColumnSpec, headerIndex, headerKey } from './columns.js';
import { type RawCell, toRawCell } from './raw-cell.js';

/** How many rows from the top are searched for the header row (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 10;

/** The columns of a sheet: which file column (1-based) holds which spec, and what was left out. */
export interface HeaderMap {
  row: number;
  /** File column → spec. */
  columns: Map<number, ColumnSpec>;
  /** Header text as written in the file, by file column. */
  texts: Map<number, string>;
  /** Headers that match no column (ignored), and repeated columns (the first one wins). */
  ignored: string[];
}

function cellText(v: RawCell): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Maps one row's cells to columns by header; the key column must be among them. */
export function mapHeaderRow(
  row: number,
  cells: readonly unknown[],
  specs: readonly ColumnSpec[],
): HeaderMap {
  const index = headerIndex(specs);
  const columns = new Map<number, ColumnSpec>();
  const texts = new Map<number, string>();
  const ignored: string[] = [];
  const used = new Set<string>();
  cells.forEach((value, col) => {
    const text = cellText(toRawCell(value)).replace(/\s+/g, ' ').trim();
    if (!text) return;
    texts.set(col, text);
    const spec = index.get(headerKey(text));
    if (!spec || used.has(spec.key)) {
      ignored.push(text);
      return;
    }
    used.add(spec.key);
    columns.set(col, spec);
  });
  return { row, columns, texts, ignored };
}

/**
 * Picks the header row among the first rows of a sheet: the row matching the most known headers, with
 * at least two of them and the key column (registration code) among them. Null when no row qualifies.
 */
export function detectHeader(
  rows: readonly { row: number; cells: readonly unknown[] }[],
  specs: readonly ColumnSpec[],
  keyColumn = 'regCode',
): HeaderMap | null {
  let best: HeaderMap | null = null;
  for (const r of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const m = mapHeaderRow(r.row, r.cells, specs);
    const hasKey = [...m.columns.values()].some((c) => c.key === keyColumn);
    if (hasKey && m.columns.size >= 2 && (!best || m.columns.size > best.columns.size)) best = m;
  }
  return best;
}

/** The error when no sheet has a header row we recognise. */
export function headerNotFound(specs: readonly ColumnSpec[]): AppError {
  const key = specs[0].header;
  return new AppError(
    400,
    'import.header_not_found',
    `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu của trang tính: cần có cột "${key}" và ít nhất một cột khác của mẫu (ví dụ "${specs[1].header}"). Hãy dùng tệp mẫu tải từ hệ thống.`,
  );
}
