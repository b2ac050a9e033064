/**
 * Helpers for the registry-io tests and access-matrix cases: workbooks built cell by cell with exceljs,
 * multipart uploads through the test client, binary downloads.
 */
import ExcelJS from 'exceljs';
import type { Harness, TestClient } from '../../test/harness.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { openXlsx } from './xlsx-open.js';
import { assertSafeXlsx } from './zip-guard.js';

/** Builds an .xlsx whose first sheet has the given rows (arrays of cell values) with optional title rows above. */
export async function workbookOf(
  header: string[],
  rows: unknown[][],
  opts: { titles?: string[]; sheet?: string } = {},
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? 'Danh sách');
  for (const t of opts.titles ?? []) ws.addRow([t]);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** An organisation row keyed by column key, written in the template's header order. */
export type OrgCells = Partial<Record<(typeof ORGANISATION_COLUMNS)[number]['key'], unknown>>;

/** A workbook in the template layout from rows keyed by column key. */
export function organisationWorkbook(rows: OrgCells[]): Promise<Uint8Array> {
  return workbookOf(
    ORGANISATION_COLUMNS.map((c) => c.header),
    rows.map((r) => ORGANISATION_COLUMNS.map((c) => r[c.key] ?? null)),
  );
}

/** Multipart body of an import upload, with an explicit Content-Length as a browser sends it. */
export async function importForm(kind: string, bytes: Uint8Array, fileName = 'nhap.xlsx') {
  const form = new FormData();
  form.set('kind', kind);
  form.set(
    'file',
    new File([new Uint8Array(bytes)], fileName, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const encoded = new Response(form);
  const raw = new Uint8Array(await encoded.arrayBuffer());
  return {
    raw,
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(raw.byteLength),
    },
  };
}

/** Uploads a file for a dry run. */
export async function dryRun(client: TestClient, kind: string, bytes: Uint8Array, fileName?: string) {
  return client.req('POST', '/api/registry/imports', undefined, await importForm(kind, bytes, fileName));
}

/** Downloads a binary response. */
export async function download(h: Harness, client: TestClient, path: string) {
  const res = await h.app.request(`http://localhost${path}`, {
    headers: { host: 'localhost', cookie: client.cookie ?? '' },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** A cell of a read-back sheet, as exceljs gives it. */
export interface ReadCell {
  value: unknown;
  type: number;
  formula?: string;
  numFmt?: string;
}

/**
 * The rows of a workbook's first (or named) sheet as arrays of cells (index 0 = column A), read with the
 * import's own reader (openXlsx): exceljs' full loader expands every data-validation range cell by cell.
 */
export async function sheetCells(bytes: Uint8Array, sheet?: string): Promise<ReadCell[][]> {
  const book = await openXlsx(bytes);
  const ws = sheet ? book.sheets.find((s) => s.name === sheet) : book.sheets[0];
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out: ReadCell[][] = [];
  for await (const raw of ws.rows) {
    const row = raw as {
      number: number;
      eachCell(o: { includeEmpty: boolean }, cb: (c: ReadCell, col: number) => void): void;
    };
    const cells: ReadCell[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      cells[col - 1] = c;
    });
    out[row.number - 1] = cells;
  }
  return out;
}

/** The values of a sheet's rows (index 0 = column A), empty cells as null. */
export async function sheetRows(bytes: Uint8Array, sheet?: string): Promise<unknown[][]> {
  const rows = await sheetCells(bytes, sheet);
  return Array.from(rows, (r) => Array.from(r ?? [], (c) => c?.value ?? null));
}

/** The XML of a workbook part (for checks on what exceljs does not read back, such as data validations). */
export function partXml(bytes: Uint8Array, name: string): string {
  const part = assertSafeXlsx(bytes, (n) => n === name).get(name);
  if (!part) throw new Error(`no part ${name}`);
  return part.toString('utf8');
}
