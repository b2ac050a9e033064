import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { orgDb } from './organisation.db.js';

/** Columns of an organisation with the names of its commune and province of today. */
function base(db: Kysely<DB>) {
  return orgDb(db)
    .selectFrom('organisation as o')
    .innerJoin('admin_unit as c', 'c.id', 'o.commune_id')
    .innerJoin('admin_unit as p', 'p.id', 'o.province_id')
    .selectAll('o')
    .select(['c.full_name as commune_name', 'p.full_name as province_name']);
}

/** An organisation row with its commune and province names. */
export type OrganisationRecord = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** One organisation by id. */
export async function findOrganisation(db: Kysely<DB>, id: number) {
  return base(db).where('o.id', '=', id).executeTakeFirst();
}

/** Locks the organisation row for the rest of the transaction, so that concurrent edits queue up. */
export async function lockOrganisation(db: Kysely<DB>, id: number): Promise<boolean> {
  const r = await orgDb(db)
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r !== undefined;
}

/** Writable columns of an organisation. */
export type OrganisationValues = {
  kind: string;
  credit_fund: boolean;
  reg_code: string;
  name: string;
  name_key: string;
  name_sort: string;
  short_name: string | null;
  commune_id: number;
  province_id: number;
  pre2025_commune_id: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  founded_on: string | null;
  registered_on: string | null;
  registering_authority: string | null;
  charter_capital: string | null;
  legal_rep_name: string | null;
  legal_rep_title: string | null;
  vsic_code: string | null;
  field: string | null;
  agri_subtype: string | null;
  new_model: string | null;
  governance: string | null;
  legal_status: string;
  status_changed_on: string | null;
  ended_on: string | null;
  paper_only: boolean;
};

/** Inserts an organisation and returns its id. */
export async function insertOrganisation(db: Kysely<DB>, values: OrganisationValues): Promise<number> {
  const r = await orgDb(db)
    .insertInto('organisation')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Updates an organisation and bumps its version; with `expectedVersion`, only if the version still matches
 * (returns false on a concurrent change).
 */
export async function updateOrganisation(
  db: Kysely<DB>,
  id: number,
  set: Partial<OrganisationValues>,
  expectedVersion?: number,
) {
  let q = orgDb(db)
    .updateTable('organisation')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whether a registration code is held now, or was ever given up, by an organisation other than `excludeId`. */
export async function regCodeTaken(db: Kysely<DB>, code: string, excludeId: number | null): Promise<boolean> {
  const d = orgDb(db);
  const held = await d
    .selectFrom('organisation')
    .select('id')
    .where('reg_code', '=', code)
    .$if(excludeId !== null, (q) => q.where('id', '<>', excludeId!))
    .executeTakeFirst();
  if (held) return true;
  const retired = await d
    .selectFrom('organisation_retired_code')
    .select('organisation_id')
    .where('reg_code', '=', code)
    .$if(excludeId !== null, (q) => q.where('organisation_id', '<>', excludeId!))
    .executeTakeFirst();
  return retired !== undefined;
}

/** Keeps a code an organisation gave up, so that it is never given to another. */
export async function retireRegCode(db: Kysely<DB>, code: string, organisationId: number) {
  await orgDb(db)
    .insertInto('organisation_retired_code')
    .values({ reg_code: code, organisation_id: organisationId })
    .onConflict((oc) => oc.column('reg_code').doNothing())
    .execute();
}

/**
 * Another organisation, not ended, bearing the same name key among HTX and LHHTX nationally (`communeId`
 * null) or among THT of one commune.
 */
export async function findNameHolder(
  db: Kysely<DB>,
  o: {
    nameKey: string;
    kinds: string[];
    communeId: number | null;
    endedStatuses: readonly string[];
    excludeId: number | null;
  },
) {
  return orgDb(db)
    .selectFrom('organisation')
    .select(['id', 'name', 'kind', 'commune_id', 'province_id'])
    .where('name_key', '=', o.nameKey)
    .where('kind', 'in', o.kinds)
    .where('legal_status', 'not in', [...o.endedStatuses])
    .$if(o.communeId !== null, (q) => q.where('commune_id', '=', o.communeId!))
    .$if(o.excludeId !== null, (q) => q.where('id', '<>', o.excludeId!))
    .executeTakeFirst();
}

/** Serialises writers of the same name key until the transaction ends (name uniqueness is checked, not constrained). */
export async function lockNameKey(db: Kysely<DB>, nameKey: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`organisation.name:${nameKey}`}))`.execute(db);
}

/** A commune of either era with its province of today. */
export async function findUnit(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'era', 'level', 'province_id', 'parent_id', 'full_name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** True when the old commune is among the communes (of any earlier generation) that became the new one. */
export async function isPredecessorCommune(db: Kysely<DB>, preId: number, postId: number): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`
    with recursive back(id) as (
      select old_unit_id from admin_unit_lineage where new_unit_id = ${postId}
      union
      select l.old_unit_id from admin_unit_lineage l join back b on l.new_unit_id = b.id
    )
    select exists (select 1 from back where id = ${preId}) as ok`.execute(db);
  return r.rows[0]?.ok === true;
}

/** Audit rows of one organisation, newest first. */
export async function listHistory(db: Kysely<DB>, id: number, limit: number, offset: number) {
  const q = db
    .selectFrom('audit_log')
    .where('entity_type', '=', 'organisation')
    .where('entity_id', '=', String(id));
  const [rows, total] = await Promise.all([
    q
      .select(['id', 'at', 'actor_name', 'action', 'before', 'after', 'request_id'])
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Before/after snapshots of the changes to an organisation that produced versions after `version`. */
export async function changesAfterVersion(db: Kysely<DB>, id: number, version: number) {
  return db
    .selectFrom('audit_log')
    .select(['before', 'after'])
    .where('entity_type', '=', 'organisation')
    .where('entity_id', '=', String(id))
    .where(sql<boolean>`(after ->> 'version') ~ '^[0-9]+$' and (after ->> 'version')::int > ${version}`)
    .orderBy('id')
    .execute();
}
