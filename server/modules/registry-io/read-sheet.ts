import { AppError } from '../../http/problem.js';
import type { ColumnSpec } from './columns.js';
import { detectHeader, HEADER_SEARCH_ROWS, type HeaderMap, headerNotFound } from './header-match.js';
import { isBlank, type RawCell, toRawCell } from './raw-cell.js';
import { type OpenWorkbook, openXlsx } from './xlsx-open.js';

/** Most data rows one import takes (a province's registry fits; the nation imports province by province). */
export const MAX_IMPORT_ROWS = 60_000;

/** One data row: its Excel row number and its cells by file column (1-based, sparse). */
export interface SheetRow {
  row: number;
  cells: RawCell[];
}

/** The data sheet of an upload: its header and its non-empty rows below the header. */
export interface SheetData {
  sheetName: string;
  header: HeaderMap;
  rows: SheetRow[];
  date1904: boolean;
}

interface StreamRow {
  number: number;
  eachCell(cb: (cell: { value: unknown; numFmt?: string }, col: number) => void): void;
}

function rowCells(row: StreamRow): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell((cell, col) => {
    cells[col] = toRawCell(cell.value, cell.numFmt);
  });
  return cells;
}

const blankRow = (cells: RawCell[]) => cells.every(isBlank);

/** A row of column numbers under the header, as official forms have: "(1)", "(2)", … or 1, 2, 3 … */
function numberingRow(cells: RawCell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  return (
    filled.length >= 3 &&
    filled.every(
      (c, i) =>
        String(c)
          .trim()
          .replace(/^\((\d+)\)$/, '$1') === String(i + 1),
    )
  );
}

const unreadable = () =>
  new AppError(
    400,
    'import.file_unreadable',
    'Không đọc được nội dung bảng tính; tệp có thể bị hỏng. Hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi thử lại.',
  );

function tooManyRows(): AppError {
  return new AppError(
    413,
    'import.too_many_rows',
    `Tệp có hơn ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng dữ liệu. Hãy chia thành nhiều tệp (ví dụ theo xã) rồi nhập lần lượt.`,
  );
}

/** Reads one worksheet: finds the header among its first rows, then keeps the non-empty rows below it. */
async function readWorksheet(ws: AsyncIterable<unknown>, specs: readonly ColumnSpec[]) {
  const top: { row: number; cells: RawCell[] }[] = [];
  let header: HeaderMap | null | undefined;
  const rows: SheetRow[] = [];
  const keep = (r: SheetRow) => {
    if (r.row <= (header as HeaderMap).row || blankRow(r.cells)) return;
    if (!rows.length && r.row === (header as HeaderMap).row + 1 && numberingRow(r.cells)) return;
    if (rows.length >= MAX_IMPORT_ROWS) throw tooManyRows();
    rows.push(r);
  };
  for await (const raw of ws) {
    const row = raw as StreamRow;
    if (header === null) break; // not a data sheet
    const cells = rowCells(row);
    if (header === undefined) {
      if (row.number <= HEADER_SEARCH_ROWS) {
        top.push({ row: row.number, cells });
        continue;
      }
      header = detectHeader(top, specs);
      if (header) top.forEach(keep);
      else continue;
    }
    keep({ row: row.number, cells });
  }
  if (header === undefined) {
    header = detectHeader(top, specs);
    if (header) top.forEach(keep);
  }
  return header ? { header, rows } : null;
}

/**
 * Reads the first worksheet that has a recognisable header row, after the zip-bomb guard. Cells arrive as
 * Excel stored them; formulas are never evaluated (their cached result is used).
 */
export async function readSheet(bytes: Uint8Array, specs: readonly ColumnSpec[]): Promise<SheetData> {
  let book: OpenWorkbook;
  try {
    book = await openXlsx(bytes);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreadable();
  }
  for (const ws of book.sheets) {
    let sheet: Awaited<ReturnType<typeof readWorksheet>>;
    try {
      sheet = await readWorksheet(ws.rows, specs);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw unreadable();
    }
    if (sheet) return { sheetName: ws.name, ...sheet, date1904: book.date1904 };
  }
  throw headerNotFound(specs);
}
