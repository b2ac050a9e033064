/** Queries of assessment results and their per-item scores (no rules). */
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { AssessmentResultTable } from '../../db/tables/assessment.js';

/** A stored assessment result. */
export type ResultRow = NonNullable<Awaited<ReturnType<typeof findResult>>>;
/** A stored per-item score. */
export type ScoreRow = Awaited<ReturnType<typeof listScores>>[number];

/** The result of an organisation and year, optionally locked. */
export async function findResult(db: Kysely<DB>, organisationId: number, year: number, lock = false) {
  let q = db
    .selectFrom('assessment_result')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A result by id. */
export async function findResultById(db: Kysely<DB>, id: number) {
  return db.selectFrom('assessment_result').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The per-item scores of a result. */
export async function listScores(db: Kysely<DB>, assessmentId: number) {
  return db
    .selectFrom('assessment_score')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('item_code')
    .execute();
}

type Writable = Omit<Updateable<AssessmentResultTable>, 'id' | 'version' | 'created_at' | 'updated_at'>;

/** Inserts a result; returns the row. */
export async function insertResult(db: Kysely<DB>, v: Insertable<AssessmentResultTable>) {
  return db.insertInto('assessment_result').values(v).returningAll().executeTakeFirstOrThrow();
}

/** Updates a result, bumping its version; when `version` is given it must still match (false otherwise). */
export async function updateResult(db: Kysely<DB>, id: number, set: Writable, version?: number) {
  let q = db
    .updateTable('assessment_result')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id);
  if (version !== undefined) q = q.where('version', '=', version);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One side of the per-item scores to write. */
export interface ScoreColumns {
  code: string;
  score?: number | null;
  note?: string | null;
  comment?: string | null;
}

/** Upserts the self (or officer) score and note of items in one statement; other columns stay. */
export async function upsertScores(
  db: Kysely<DB>,
  assessmentId: number,
  side: 'self' | 'officer',
  rows: ScoreColumns[],
) {
  if (rows.length === 0) return;
  const score = sql.ref(`${side}_score`);
  const note = sql.ref(`${side}_note`);
  await sql`insert into assessment_score (assessment_id, item_code, ${score}, ${note})
    select ${assessmentId}, * from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.score ?? null)}::numeric[],
      ${rows.map((r) => r.note ?? null)}::text[])
    on conflict on constraint assessment_score_pk do update set ${score} = excluded.${score}, ${note} = excluded.${note}`.execute(
    db,
  );
}

/** Replaces the return comments of a result's items (null for the items not commented). */
export async function setReturnComments(
  db: Kysely<DB>,
  assessmentId: number,
  rows: { code: string; comment: string }[],
) {
  await db
    .updateTable('assessment_score')
    .set({ return_comment: null })
    .where('assessment_id', '=', assessmentId)
    .execute();
  if (rows.length === 0) return;
  await sql`insert into assessment_score (assessment_id, item_code, return_comment)
    select ${assessmentId}, * from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.comment)}::text[])
    on conflict on constraint assessment_score_pk do update set return_comment = excluded.return_comment`.execute(
    db,
  );
}

/** Replaces every per-item score of a result with imported self scores. */
export async function replaceImportedScores(
  db: Kysely<DB>,
  assessmentId: number,
  rows: { code: string; score: number }[],
) {
  await db.deleteFrom('assessment_score').where('assessment_id', '=', assessmentId).execute();
  if (rows.length === 0) return;
  await sql`insert into assessment_score (assessment_id, item_code, self_score)
    select ${assessmentId}, * from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.score)}::numeric[])`.execute(
    db,
  );
}

/** The results of an organisation over the years, oldest first, with the rubric code. */
export async function listHistory(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('assessment_result as a')
    .innerJoin('rubric_version as r', 'r.id', 'a.rubric_version_id')
    .select([
      'a.id',
      'a.year',
      'a.status',
      'a.self_total',
      'a.final_total',
      'a.band',
      'a.not_classified_reason',
      'a.imported',
      'a.override_applied',
      'r.code as rubric_code',
      'r.max_total',
    ])
    .where('a.organisation_id', '=', organisationId)
    .orderBy('a.year')
    .execute();
}
