import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { AppError } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import type { ImportKind } from './columns.js';
import { keepDryRun, memoUserKey } from './dry-run-memo.js';
import { importHandler } from './handlers.js';
import { insertJob, type JobReport } from './import-job.repo.js';
import { jobScopeOf } from './import-job-access.js';
import { type ImportTotals, type PossibleDuplicate, totalsOf } from './import-types.js';
import { readSheet } from './read-sheet.js';
import type { RowIssue } from './row-values.js';
import { XLSX_LIMITS } from './zip-guard.js';

/** Most errors and warnings listed in a dry-run answer; the rejected-rows file has them all. */
export const MAX_LISTED_ISSUES = 1000;

/** The answer of a dry run. */
export interface DryRunResult {
  jobId: number;
  kind: ImportKind;
  fileName: string;
  status: 'dry_run';
  sheet: JobReport['sheet'];
  totals: ImportTotals;
  errorCount: number;
  errors: RowIssue[];
  warnings: RowIssue[];
  possibleDuplicates: PossibleDuplicate[];
}

/** The name the file is kept under, without path or control characters. */
export function safeFileName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced here.
  return name.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200) || 'nhap-lieu.xlsx';
}

/** The phases of a dry run, as `onPhase` reports them. */
export type DryRunPhase = 'read' | 'prepare' | 'classify' | 'duplicates' | 'store';

/**
 * Dry run of an import: checks the upload (size, zip guard), reads and validates every row against the
 * registry, keeps the file for the commit and records the job (status dry_run) with one audit row. Nothing
 * else is written. For kinds with a registry fingerprint, the rows read and their classification are also kept
 * in this process for the commit (dry-run-memo.ts). `onPhase` receives the duration of each phase (file read and
 * parse, row preparation, fingerprint and classification against the registry, duplicate check, storing the job).
 */
export async function createImport(
  ctx: Ctx,
  input: { kind: ImportKind; fileName: string; bytes: Uint8Array },
  onPhase?: (phase: DryRunPhase, ms: number) => void,
): Promise<DryRunResult> {
  let t = performance.now();
  const lap = (phase: DryRunPhase) => {
    const now = performance.now();
    onPhase?.(phase, now - t);
    t = now;
  };
  const user = requireUser(ctx);
  if (input.bytes.byteLength > XLSX_LIMITS.maxFileBytes) {
    throw new AppError(
      413,
      'import.file_too_large',
      `Tệp vượt quá dung lượng cho phép (${XLSX_LIMITS.maxFileBytes / 1048576} MB). Hãy chia tệp thành nhiều phần.`,
    );
  }
  const handler = importHandler(input.kind);
  const sheet = await readSheet(input.bytes, handler.columns);
  lap('read');
  const prepared = await handler.prepare(ctx, sheet);
  // The cells are read into the prepared rows: let the collector have them while the rows are classified.
  const rowCount = sheet.rows.length;
  sheet.rows = [];
  lap('prepare');
  // The duplicate check reads the registry on its own (another connection on PostgreSQL) while the rows are
  // classified; a failure of either fails the dry run.
  const duplicates = handler.duplicates ? handler.duplicates(ctx, prepared) : Promise.resolve([]);
  duplicates.catch(() => {}); // awaited below; only keeps a failure before then from being unhandled
  // The fingerprint of the registry rows the classification reads, taken first: the commit reuses this
  // classification only while it is unchanged (dry-run-memo.ts).
  const stamp = handler.stamp ? await handler.stamp(ctx.db, prepared, false) : null;
  const classified = await handler.classify(ctx.db, ctx, prepared, false);
  lap('classify');
  const possibleDuplicates = await duplicates;
  lap('duplicates');
  const totals = totalsOf(classified.outcomes);
  const allErrors = classified.outcomes.flatMap((o) => o.issues);
  const warnings = classified.outcomes.flatMap((o) => o.warnings).slice(0, MAX_LISTED_ISSUES);
  const fileName = safeFileName(input.fileName);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const storageKey = randomUUID();
  const scope = jobScopeOf(user);
  const report: JobReport = {
    storageKey,
    scope,
    sheet: { name: sheet.sheetName, headerRow: sheet.header.row, ignoredColumns: sheet.header.ignored },
    dryRun: {
      totals,
      errorCount: allErrors.length,
      errors: allErrors.slice(0, MAX_LISTED_ISSUES),
      warnings,
      possibleDuplicates,
    },
  };
  // Bytes first, row second: a crash in between leaves an orphan file, never a job without its file.
  await ctx.storage.put(storageKey, input.bytes);
  try {
    const jobId = await ctx.db.transaction().execute(async (trx) => {
      const id = await insertJob(trx, {
        kind: input.kind,
        fileName,
        sha256,
        totals,
        provinceId: scope.provinceId,
        report,
        createdBy: user.id,
      });
      await recordAudit(trx, ctx, {
        action: 'registry.import.dry_run',
        entityType: 'import_job',
        entityId: id,
        after: { kind: input.kind, fileName, sha256, totals },
        provinceId: scope.provinceId,
      });
      return id;
    });
    if (stamp !== null)
      keepDryRun(ctx.db, jobId, {
        sha256,
        userKey: memoUserKey(user),
        prepared,
        stamp,
        classified,
        rows: rowCount,
      });
    lap('store');
    return { jobId, kind: input.kind, fileName, status: 'dry_run', sheet: report.sheet, ...report.dryRun };
  } catch (err) {
    await ctx.storage.delete(storageKey);
    throw err;
  }
}
