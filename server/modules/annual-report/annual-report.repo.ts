import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AnnualReportTable } from '../../db/tables/registry.js';

/** A yearly report row. */
export type ReportRow = Selectable<AnnualReportTable>;
/** Columns a service may write on a report. */
export type ReportSet = Partial<Record<string, unknown>>;

/** The organisation facts the report rules need: kind, location, founding date, province code. */
export async function findOrganisationFacts(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('organisation as o')
    .innerJoin('admin_unit as p', 'p.id', 'o.province_id')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.reg_code',
      'o.province_id',
      'o.commune_id',
      'o.founded_on',
      'p.code as province_code',
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
}
/** Organisation facts as returned by findOrganisationFacts. */
export type OrganisationFacts = NonNullable<Awaited<ReturnType<typeof findOrganisationFacts>>>;

/** One organisation's report of a year and period; `lock` takes a row lock inside a transaction. */
export async function findReport(
  db: Kysely<DB>,
  organisationId: number,
  year: number,
  period: string,
  lock = false,
) {
  let q = db
    .selectFrom('annual_report')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('period', '=', period);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** One report by id. */
export async function findReportById(db: Kysely<DB>, id: number) {
  return db.selectFrom('annual_report').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every report of an organisation, newest year first, with the number of open quality flags. */
export async function listReportsOfOrganisation(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('annual_report as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('data_quality_flag as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.report_id', '=', 'r.id')
        .where('f.status', '=', 'open')
        .as('open_flags'),
    )
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.year', 'desc')
    .orderBy('r.period', 'desc')
    .execute();
}

/** Inserts a report and returns it. */
export async function insertReport(db: Kysely<DB>, values: Record<string, unknown>) {
  return db
    .insertInto('annual_report')
    .values(values as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Updates a report when its version (and, for a transition, its status) still match; bumps the version.
 * Returns the new row, or undefined when someone changed it first.
 */
export async function updateReport(
  db: Kysely<DB>,
  id: number,
  expect: { version?: number; status?: string },
  set: ReportSet,
) {
  let q = db
    .updateTable('annual_report')
    .set((eb) => ({ ...(set as object), updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expect.version !== undefined) q = q.where('version', '=', expect.version);
  if (expect.status !== undefined) q = q.where('status', '=', expect.status);
  return q.returningAll().executeTakeFirst();
}

/** The comment trail of a report, oldest first, with author names. */
export async function listComments(db: Kysely<DB>, reportId: number) {
  return db
    .selectFrom('report_comment as c')
    .leftJoin('app_user as u', 'u.id', 'c.author_id')
    .select([
      'c.id',
      'c.kind',
      'c.field',
      'c.flag_id',
      'c.body',
      'c.author_id',
      'u.full_name as author_name',
      'c.created_at',
    ])
    .where('c.report_id', '=', reportId)
    .orderBy('c.id')
    .execute();
}

/** A comment to insert. */
export interface NewComment {
  reportId: number;
  authorId: number | null;
  kind: 'submit' | 'return' | 'approve' | 'reopen' | 'quality' | 'note';
  body: string;
  field?: string | null;
  flagId?: number | null;
}

/** Inserts comments in one statement; returns their ids in order. */
export async function insertComments(db: Kysely<DB>, rows: NewComment[]) {
  if (rows.length === 0) return [];
  const r = await db
    .insertInto('report_comment')
    .values(
      rows.map((c) => ({
        report_id: c.reportId,
        author_id: c.authorId,
        kind: c.kind,
        body: c.body,
        field: c.field ?? null,
        flag_id: c.flagId ?? null,
      })),
    )
    .returning('id')
    .execute();
  return r.map((x) => x.id);
}

/** The quality flags of a report in rule order of insertion. */
export async function listFlags(db: Kysely<DB>, reportId: number) {
  return db
    .selectFrom('data_quality_flag')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

/** Inserts a flag. */
export async function insertFlag(db: Kysely<DB>, reportId: number, rule: string, message: string) {
  await db.insertInto('data_quality_flag').values({ report_id: reportId, rule, message }).execute();
}

/** Updates a flag's message and status. */
export async function updateFlag(db: Kysely<DB>, id: number, set: { message?: string; status?: string }) {
  await db.updateTable('data_quality_flag').set(set).where('id', '=', id).execute();
}

/** Deletes flags whose rule no longer fires. */
export async function deleteFlags(db: Kysely<DB>, ids: number[]) {
  if (ids.length > 0) await db.deleteFrom('data_quality_flag').where('id', 'in', ids).execute();
}

/** One flag of a report. */
export async function findFlag(db: Kysely<DB>, reportId: number, flagId: number) {
  return db
    .selectFrom('data_quality_flag')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', flagId)
    .executeTakeFirst();
}

/** Filters of the review queue; scope columns come from orgScopeFilter. */
export interface QueueFilter {
  provinceId?: number;
  communeId?: number;
  organisationId?: number;
  year?: number;
  period?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** Reports of organisations in a scope with organisation and commune names and open flag counts. */
export async function listQueue(db: Kysely<DB>, f: QueueFilter) {
  let q = db
    .selectFrom('annual_report as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .innerJoin('admin_unit as c', 'c.id', 'o.commune_id');
  if (f.provinceId !== undefined) q = q.where('o.province_id', '=', f.provinceId);
  if (f.communeId !== undefined) q = q.where('o.commune_id', '=', f.communeId);
  if (f.organisationId !== undefined) q = q.where('o.id', '=', f.organisationId);
  if (f.year !== undefined) q = q.where('r.year', '=', f.year);
  if (f.period !== undefined) q = q.where('r.period', '=', f.period);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .select([
        'r.id',
        'r.organisation_id',
        'r.year',
        'r.period',
        'r.status',
        'r.submitted_at',
        'r.reviewed_at',
        'r.members_total',
        'o.name as organisation_name',
        'o.reg_code',
        'o.kind',
        'o.commune_id',
        'c.full_name as commune_name',
      ])
      .select((eb) =>
        eb
          .selectFrom('data_quality_flag as f')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('f.report_id', '=', 'r.id')
          .where('f.status', '=', 'open')
          .as('open_flags'),
      )
      .orderBy(sql`r.submitted_at desc nulls last`)
      .orderBy('r.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The member totals of an organisation's latest yearly report (any status), or undefined. */
export async function findLatestYearlyMembers(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('annual_report')
    .select(['year', 'members_total', 'members_official', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('period', '=', 'year')
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}
