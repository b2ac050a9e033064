/** Queries of rubric versions and their items (no rules). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type RubricVersionRow = Awaited<ReturnType<typeof findRubricVersion>> & object;
export type RubricItemRow = Awaited<ReturnType<typeof listRubricItems>>[number];

/** Every rubric version, newest first within shipped-then-other order, optionally by status. */
export async function listRubricVersions(db: Kysely<DB>, status?: string) {
  let q = db.selectFrom('rubric_version').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('shipped', 'desc').orderBy('id', 'asc').execute();
}

/** One rubric version, optionally locked for update. */
export async function findRubricVersion(db: Kysely<DB>, id: number, lock = false) {
  let q = db.selectFrom('rubric_version').selectAll().where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** A rubric version by its code. */
export async function findRubricVersionByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('rubric_version').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The items of versions, in tree order. */
export async function listRubricItems(db: Kysely<DB>, versionIds: number[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('rubric_item')
    .selectAll()
    .where('rubric_version_id', 'in', versionIds)
    .orderBy('rubric_version_id')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Ids among `ids` used by a campaign or an assessment result (such versions are immutable). */
export async function versionsInUse(db: Kysely<DB>, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const [a, b] = await Promise.all([
    db
      .selectFrom('assessment_campaign')
      .select('rubric_version_id as id')
      .distinct()
      .where('rubric_version_id', 'in', ids)
      .execute(),
    db
      .selectFrom('assessment_result')
      .select('rubric_version_id as id')
      .distinct()
      .where('rubric_version_id', 'in', ids)
      .execute(),
  ]);
  return new Set([...a, ...b].map((r) => r.id));
}

/** The values of a rubric_version row a write sets. */
export interface RubricVersionValues {
  code: string;
  name: string;
  document_number: string;
  issuer: string;
  signed_on: string | null;
  effective_from: string | null;
  expires_on: string | null;
  repealed_by: string | null;
  source_note: string | null;
  applies_kinds: string[];
  applies_fields: string[] | null;
  max_total: string;
  bands: string;
  overrides: string;
  exclusions: string;
  deadlines: string;
}

/** Inserts a draft version; returns its id. */
export async function insertRubricVersion(
  db: Kysely<DB>,
  v: RubricVersionValues & {
    owner_province_id: number | null;
    derived_from_id: number | null;
    created_by: number | null;
  },
) {
  const r = await db
    .insertInto('rubric_version')
    .values({ ...v, status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a version when its version number still matches; false on a concurrent change. */
export async function updateRubricVersion(
  db: Kysely<DB>,
  id: number,
  version: number,
  set: Partial<RubricVersionValues> & { status?: string; activated_at?: Date },
) {
  const r = await db
    .updateTable('rubric_version')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** An item row to write. */
export interface RubricItemValues {
  code: string;
  parent_code: string | null;
  level: string;
  label: string;
  max_points: string | null;
  sort_order: number;
  note: string | null;
  needs_appendix: boolean;
  scoring: string | null;
}

/** Replaces a version's items in one delete and one insert. */
export async function replaceRubricItems(db: Kysely<DB>, versionId: number, items: RubricItemValues[]) {
  await db.deleteFrom('rubric_item').where('rubric_version_id', '=', versionId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('rubric_item')
    .values(items.map((i) => ({ ...i, rubric_version_id: versionId })))
    .execute();
}

/** Codes of versions starting with a prefix (to name copies). */
export async function codesLike(db: Kysely<DB>, prefix: string) {
  const rows = await db
    .selectFrom('rubric_version')
    .select('code')
    .where('code', 'like', `${prefix.replace(/[%_\\]/g, '\\$&')}%`)
    .execute();
  return new Set(rows.map((r) => r.code));
}
