import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ImportKind } from './columns.js';
import type { ImportTotals, PossibleDuplicate } from './import-types.js';
import type { RowIssue } from './row-values.js';

/** Where a job lies: the importer's home scope when it was uploaded (the nation: both null). */
export interface JobScope {
  provinceId: number | null;
  communeId: number | null;
}

/** What import_job.report holds: where the file is kept, the job's scope and the outcome of each step. */
export interface JobReport {
  storageKey: string;
  scope: JobScope;
  sheet: { name: string; headerRow: number; ignoredColumns: string[] };
  dryRun: {
    totals: ImportTotals;
    errorCount: number;
    errors: RowIssue[];
    warnings: RowIssue[];
    possibleDuplicates: PossibleDuplicate[];
  };
  commit?: {
    mode: string;
    totals: ImportTotals;
    inserted: number;
    updated: number;
    unchanged: number;
    rejected: number;
  };
}

/** An import job row with its report parsed. */
export interface JobRecord {
  id: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  status: string;
  mode: string | null;
  createdBy: number | null;
  createdAt: Date;
  committedAt: Date | null;
  report: JobReport;
}

function toRecord(r: Record<string, unknown>): JobRecord {
  const report = typeof r.report === 'string' ? JSON.parse(r.report) : r.report;
  return {
    id: Number(r.id),
    kind: r.kind as ImportKind,
    fileName: String(r.file_name),
    sha256: String(r.sha256),
    status: String(r.status),
    mode: (r.mode as string | null) ?? null,
    createdBy: (r.created_by as number | null) ?? null,
    createdAt: new Date(r.created_at as string),
    committedAt: r.committed_at ? new Date(r.committed_at as string) : null,
    report: report as JobReport,
  };
}

/** Inserts a dry-run job; returns its id. */
export async function insertJob(
  db: Kysely<DB>,
  v: {
    kind: ImportKind;
    fileName: string;
    sha256: string;
    totals: ImportTotals;
    provinceId: number | null;
    report: JobReport;
    createdBy: number;
  },
) {
  const r = await db
    .insertInto('import_job')
    .values({
      kind: v.kind,
      file_name: v.fileName,
      sha256: v.sha256,
      status: 'dry_run',
      total_rows: v.totals.rows,
      accepted_rows: v.totals.valid,
      rejected_rows: v.totals.invalid,
      inserted_rows: 0,
      updated_rows: 0,
      unchanged_rows: v.totals.unchanged,
      province_id: v.provinceId,
      report: JSON.stringify(v.report),
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** One job (locked until the end of the transaction when `lock`). */
export async function findJob(db: Kysely<DB>, id: number, lock = false): Promise<JobRecord | null> {
  let q = db.selectFrom('import_job').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r ? toRecord(r as unknown as Record<string, unknown>) : null;
}

/** Marks a job committed with its counts and the commit's part of the report. */
export async function markCommitted(
  db: Kysely<DB>,
  id: number,
  v: { mode: string; totals: ImportTotals; inserted: number; updated: number; report: JobReport },
) {
  await db
    .updateTable('import_job')
    .set({
      status: 'committed',
      mode: v.mode,
      total_rows: v.totals.rows,
      accepted_rows: v.totals.valid,
      rejected_rows: v.totals.invalid,
      inserted_rows: v.inserted,
      updated_rows: v.updated,
      unchanged_rows: v.totals.unchanged,
      report: JSON.stringify(v.report),
      committed_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Recent jobs lying in a scope (province and/or commune filter; none for the nation), newest first. */
export async function listJobs(
  db: Kysely<DB>,
  f: { provinceId?: number | null; communeId?: number | null; limit: number; offset: number },
) {
  let q = db.selectFrom('import_job');
  if (f.provinceId !== undefined) q = q.where('province_id', '=', f.provinceId);
  if (f.communeId !== undefined) q = q.where(sql`(report->'scope'->>'communeId')::int`, '=', f.communeId);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { total: Number(total.n), rows: rows.map((r) => toRecord(r as unknown as Record<string, unknown>)) };
}
