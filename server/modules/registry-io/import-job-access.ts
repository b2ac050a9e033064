import type { Kysely } from 'kysely';
import type { Ctx, SessionUser } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';
import { requireUser } from '../auth/scope.js';
import { findJob, type JobRecord, type JobScope, listJobs } from './import-job.repo.js';

/** The scope a new job belongs to: the importer's home province and commune. */
export function jobScopeOf(user: SessionUser): JobScope {
  return {
    provinceId: user.scope.provinceId,
    communeId: user.scope.type === 'commune' ? user.scope.communeId : null,
  };
}

/**
 * Whether a caller may see a job (route scope rule 'commune'): the nation sees every job, a province role the
 * jobs of its province, a commune officer the jobs of its commune.
 */
export function jobVisibleTo(user: SessionUser, s: JobScope): boolean {
  switch (user.scope.type) {
    case 'nation':
      return true;
    case 'province':
      return s.provinceId !== null && s.provinceId === user.scope.provinceId;
    case 'commune':
      return s.communeId !== null && s.communeId === user.scope.communeId;
    default:
      return false;
  }
}

/** A job the caller may see, or 404 (existence outside one's scope is not disclosed). */
export async function loadJobInScope(ctx: Ctx, db: Kysely<DB>, id: number, lock = false): Promise<JobRecord> {
  const job = await findJob(db, id, lock);
  if (!job || !jobVisibleTo(requireUser(ctx), job.report.scope))
    throw notFound('Không tìm thấy lượt nhập dữ liệu.');
  return job;
}

/** A job as the API returns it. */
export function toJobDto(j: JobRecord) {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    sha256: j.sha256,
    status: j.status,
    mode: j.mode,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    committedAt: j.committedAt ? j.committedAt.toISOString() : null,
    sheet: j.report.sheet,
    totals: j.report.dryRun.totals,
    errorCount: j.report.dryRun.errorCount,
    errors: j.report.dryRun.errors,
    warnings: j.report.dryRun.warnings,
    possibleDuplicates: j.report.dryRun.possibleDuplicates,
    commit: j.report.commit ?? null,
  };
}

/** One job in the caller's scope. */
export async function getImportJob(ctx: Ctx, id: number) {
  return toJobDto(await loadJobInScope(ctx, ctx.db, id));
}

/** Jobs in the caller's scope, newest first. */
export async function listImportJobs(ctx: Ctx, q: { page: number; pageSize: number }) {
  const user = requireUser(ctx);
  if (user.scope.type === 'organisation') return { total: 0, items: [] };
  const f =
    user.scope.type === 'nation'
      ? {}
      : user.scope.type === 'commune'
        ? { communeId: user.scope.communeId }
        : { provinceId: user.scope.provinceId };
  const { total, rows } = await listJobs(ctx.db, {
    ...f,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { total, items: rows.map(toJobDto) };
}
