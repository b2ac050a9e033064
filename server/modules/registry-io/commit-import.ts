import { createHash } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { AppError, conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { forgetDryRun, keptDryRun, memoUserKey } from './dry-run-memo.js';
import { importHandler } from './handlers.js';
import { type JobRecord, markCommitted } from './import-job.repo.js';
import { loadJobInScope } from './import-job-access.js';
import { type ImportTotals, totalsOf } from './import-types.js';
import { readSheet } from './read-sheet.js';

/** How a commit treats invalid rows: refuse the whole file, or write the valid rows only. */
export type CommitMode = 'all' | 'valid_only';

/** The answer of a commit. */
export interface CommitResult {
  jobId: number;
  status: 'committed';
  mode: CommitMode;
  totals: ImportTotals;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** The stored file of a job, checked against the SHA-256 recorded at upload. */
export async function readJobFile(ctx: Ctx, job: JobRecord): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await ctx.storage.get(job.report.storageKey);
  } catch {
    throw new AppError(
      409,
      'import.file_missing',
      'Không còn tệp đã tải lên của lượt nhập này; hãy tải tệp lên lại.',
    );
  }
  if (createHash('sha256').update(bytes).digest('hex') !== job.sha256) {
    throw new AppError(
      409,
      'import.file_changed',
      'Tệp lưu trữ không khớp mã kiểm tra SHA-256 của lần tải lên; hãy tải tệp lên lại.',
    );
  }
  return bytes;
}

const alreadyCommitted = () =>
  conflict(
    'import.already_committed',
    'Lượt nhập này đã được ghi vào hệ thống; hãy tải tệp lên lại nếu muốn nhập lần nữa.',
  );

/**
 * Commits a dry-run job in ONE transaction: re-reads the stored file (SHA-256 checked), validates every row
 * again (with the committer's scope and the registry as it is at commit: the rows read are locked and checked
 * unchanged, else validated again inside the transaction), then inserts new codes,
 * updates changed ones, leaves unchanged rows untouched, writes one audit row and marks the job committed.
 * When this process kept the job's dry run (same bytes, same user and scope; dry-run-memo.ts), its rows and
 * classification stand in for parsing and validating again: the classification still only while the
 * fingerprint of the registry rows it read, taken inside the transaction, equals the dry run's.
 * A failure or a crash anywhere leaves none of the rows. Mode 'all' refuses a file with any invalid row.
 * `onPhase` receives the duration of each phase (file read and parse, row preparation, the transaction).
 */
export async function commitImport(
  ctx: Ctx,
  id: number,
  mode: CommitMode,
  onPhase?: (phase: 'read' | 'prepare' | 'database', ms: number) => void,
): Promise<CommitResult> {
  let t = performance.now();
  const lap = (phase: 'read' | 'prepare' | 'database') => {
    const now = performance.now();
    onPhase?.(phase, now - t);
    t = now;
  };
  const job = await loadJobInScope(ctx, ctx.db, id);
  if (job.status !== 'dry_run') {
    forgetDryRun(ctx.db, id);
    throw alreadyCommitted();
  }
  const handler = importHandler(job.kind);
  const bytes = await readJobFile(ctx, job);
  // The dry run of this job in this process, from the same bytes for the same user and scope: its rows and
  // classification are reused (the classification only if the registry rows it read are unchanged, below).
  const memo = handler.stamp ? keptDryRun(ctx.db, id, job.sha256, memoUserKey(requireUser(ctx))) : null;
  let prepared: unknown;
  let before: string | null;
  let early: Awaited<ReturnType<typeof handler.classify>> | null;
  if (memo) {
    lap('read');
    ({ prepared, stamp: before, classified: early } = memo);
  } else {
    const sheet = await readSheet(bytes, handler.columns);
    lap('read');
    prepared = await handler.prepare(ctx, sheet);
    // Validate before the transaction (it holds PGlite's only connection): the fingerprint taken first tells,
    // inside the transaction, whether the rows read since have changed; only then is the file classified again.
    before = handler.stamp ? await handler.stamp(ctx.db, prepared, false) : null;
    early = before !== null ? await handler.classify(ctx.db, ctx, prepared, false) : null;
  }
  lap('prepare');
  const result = await ctx.db.transaction().execute(async (trx) => {
    const locked = await loadJobInScope(ctx, trx, id, true);
    if (locked.status !== 'dry_run') throw alreadyCommitted();
    const unchanged = early && handler.stamp && (await handler.stamp(trx, prepared, true)) === before;
    const classified = unchanged && early ? early : await handler.classify(trx, ctx, prepared, true);
    const totals = totalsOf(classified.outcomes);
    if (mode === 'all' && totals.invalid > 0) {
      throw new AppError(
        400,
        'import.has_errors',
        `Tệp còn ${totals.invalid} dòng không hợp lệ nên chưa ghi dòng nào. Hãy sửa các dòng lỗi (tải "các dòng bị từ chối"), hoặc chọn chỉ ghi các dòng hợp lệ.`,
        undefined,
        { totals },
      );
    }
    const { inserted, updated } = await handler.write(trx, ctx, classified);
    const commit = { mode, totals, inserted, updated, unchanged: totals.unchanged, rejected: totals.invalid };
    await markCommitted(trx, id, { mode, totals, inserted, updated, report: { ...locked.report, commit } });
    await recordAudit(trx, ctx, {
      action: 'registry.import.commit',
      entityType: 'import_job',
      entityId: id,
      after: {
        jobId: id,
        kind: job.kind,
        fileName: job.fileName,
        sha256: job.sha256,
        rows: totals.rows,
        ...commit,
      },
      provinceId: job.report.scope.provinceId,
    });
    return { jobId: id, status: 'committed' as const, ...commit };
  });
  forgetDryRun(ctx.db, id);
  lap('database');
  return result;
}
