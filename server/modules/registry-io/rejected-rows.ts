import type { Ctx } from '../../context.js';
import { readJobFile } from './commit-import.js';
import { importHandler } from './handlers.js';
import { loadJobInScope } from './import-job-access.js';
import { isCellError, isFormulaWithoutResult, type RawCell } from './raw-cell.js';
import { readSheet } from './read-sheet.js';
import { buildWorkbook, type OutColumn } from './xlsx-build.js';

/** Header of the error column added to the rejected rows. */
export const ERROR_COLUMN = 'Lỗi';

function original(v: RawCell | undefined): unknown {
  if (v === undefined || v === null || isFormulaWithoutResult(v)) return null;
  if (isCellError(v)) return v.cellError;
  return v;
}

/**
 * The invalid rows of a job as .xlsx: the file's own header and columns, in their original order, plus a
 * "Lỗi" column with every problem of the row, so the official can fix them and upload this file again.
 * Rows are checked again now (scope of the caller, registry as it is).
 */
export async function rejectedRows(
  ctx: Ctx,
  id: number,
): Promise<{ bytes: Buffer; fileName: string; count: number }> {
  const job = await loadJobInScope(ctx, ctx.db, id);
  const handler = importHandler(job.kind);
  const sheet = await readSheet(await readJobFile(ctx, job), handler.columns);
  const prepared = await handler.prepare(ctx, sheet);
  const classified = await handler.classify(ctx.db, ctx, prepared, false);
  const rejected = new Map(classified.outcomes.filter((o) => o.issues.length).map((o) => [o.row, o.issues]));
  const width = Math.max(0, ...sheet.header.texts.keys(), ...sheet.rows.map((r) => r.cells.length - 1));
  const columns: OutColumn[] = Array.from({ length: width }, (_, i) => {
    const spec = sheet.header.columns.get(i + 1);
    return {
      header: sheet.header.texts.get(i + 1) ?? '',
      width: spec?.width ?? 14,
      numFmt: spec?.type === 'date' ? 'dd/mm/yyyy' : undefined,
    };
  });
  columns.push({ header: ERROR_COLUMN, width: 80 });
  const rows = sheet.rows
    .filter((r) => rejected.has(r.row))
    .map((r) => [
      ...Array.from({ length: width }, (_, i) => original(r.cells[i + 1])),
      rejected
        .get(r.row)!
        .map((e) => `[${e.column}] ${e.message}`)
        .join('\n'),
    ]);
  const base = job.fileName.replace(/\.xlsx$/i, '');
  const bytes = await buildWorkbook([{ name: sheet.sheetName || 'Dòng bị từ chối', columns, rows }]);
  return { bytes, fileName: `${base}-dong-bi-tu-choi.xlsx`, count: rows.length };
}
