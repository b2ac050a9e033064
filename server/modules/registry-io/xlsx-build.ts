import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCell } from './excel-safe.js';

/** A column of a written sheet. */
export interface OutColumn {
  header: string;
  width: number;
  /** Number format of the column ('@' keeps typed codes as text, '#,##0' shows 1.234.567 in Vietnamese Excel). */
  numFmt?: string;
  /** List validation: a range formula such as 'Danh mục xã'!$A$2:$A$100. */
  list?: { formula: string; strict: boolean };
}

/** A sheet to write: a header row (bold, frozen) then rows of values. */
export interface OutSheet {
  name: string;
  columns: OutColumn[];
  rows: Iterable<unknown[]>;
  /** Rows covered by list validations (the template leaves room for the rows officials will type). */
  validationRows?: number;
  hidden?: boolean;
  /** Plain text lines above the header (instructions); the header then follows them. */
  preamble?: string[];
}

type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, v: unknown): void } };

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: OutSheet) {
  const ws = wb.addWorksheet(spec.name, {
    state: spec.hidden ? 'hidden' : 'visible',
    views: [{ state: 'frozen', ySplit: (spec.preamble?.length ?? 0) + 1 }],
  }) as WithValidations;
  ws.columns = spec.columns.map((c) => ({ width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  for (const line of spec.preamble ?? []) ws.addRow([line]).commit();
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.commit();
  const headerRow = (spec.preamble?.length ?? 0) + 1;
  const last = headerRow + Math.max(spec.validationRows ?? 0, 1);
  spec.columns.forEach((c, i) => {
    if (!c.list) return;
    const col = columnLetter(i + 1);
    ws.dataValidations.add(`${col}${headerRow + 1}:${col}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [c.list.formula],
      showErrorMessage: true,
      errorStyle: c.list.strict ? 'stop' : 'warning',
      errorTitle: 'Giá trị không có trong danh mục',
      error: 'Hãy chọn một giá trị trong danh sách thả xuống.',
    });
  });
  for (const values of spec.rows) {
    const row = ws.addRow(values.map(safeCell));
    spec.columns.forEach((c, i) => {
      if (c.numFmt && values[i] !== null && values[i] !== undefined) row.getCell(i + 1).numFmt = c.numFmt;
    });
    row.commit();
  }
  ws.commit();
}

/**
 * Writes a workbook with exceljs' streaming writer (inline strings, memory stays flat for large exports);
 * every text cell goes through safeCell (formula neutralisation).
 */
export async function buildWorkbook(sheets: OutSheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'HopTac';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  for (const s of sheets) writeSheet(wb, s);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The range formula of a list kept in a sheet column (rows 2..n+1). */
export function listRange(sheet: string, column: number, count: number): string {
  const col = columnLetter(column);
  return `'${sheet.replace(/'/g, "''")}'!$${col}$2:$${col}$${Math.max(count + 1, 2)}`;
}
