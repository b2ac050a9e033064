import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { MemberTable } from '../../db/tables/registry.js';

/** A member register row. */
export type MemberRow = Selectable<MemberTable>;
/** Columns a service may write on a member. */
export type MemberSet = Partial<
  Omit<MemberRow, 'id' | 'organisation_id' | 'version' | 'created_at' | 'updated_at'>
>;

/** The organisation facts the register needs: kind, location, charter capital. */
export async function findOrganisation(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'kind', 'name', 'reg_code', 'province_id', 'commune_id', 'charter_capital'])
    .where('id', '=', id)
    .executeTakeFirst();
}
/** Organisation facts as returned by findOrganisation. */
export type MemberOrganisation = NonNullable<Awaited<ReturnType<typeof findOrganisation>>>;

/** A page of an organisation's register in joining order, filtered by a folded name and the member type. */
export async function listMembers(
  db: Kysely<DB>,
  o: { organisationId: number; q?: string; type?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('member').where('organisation_id', '=', o.organisationId);
  if (o.type) q = q.where('member_type', '=', o.type);
  if (o.q) q = q.where(sql<string>`hoptac_fold(full_name)`, 'like', `%${o.q}%`);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id').limit(o.limit).offset(o.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Members still in the organisation on a day (not left, or leaving later). */
export async function countCurrentMembers(db: Kysely<DB>, organisationId: number, day: string) {
  const r = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** One member of an organisation; `lock` takes a row lock inside a transaction. */
export async function findMember(db: Kysely<DB>, organisationId: number, id: number, lock = false) {
  let q = db
    .selectFrom('member')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Another (not erased) member of the organisation with the same ID number, if any. */
export async function findByIdNumber(
  db: Kysely<DB>,
  organisationId: number,
  idNumber: string,
  exceptId: number | null,
) {
  let q = db
    .selectFrom('member')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id_number', '=', idNumber)
    .where('erased_at', 'is', null);
  if (exceptId !== null) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** Inserts a member and returns it. */
export async function insertMember(
  db: Kysely<DB>,
  organisationId: number,
  set: MemberSet & { member_type: string; full_name: string },
) {
  return db
    .insertInto('member')
    .values({ organisation_id: organisationId, ...set } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates a member when its version still matches; returns the new row or undefined on a concurrent change. */
export async function updateMember(db: Kysely<DB>, id: number, version: number, set: MemberSet) {
  return db
    .updateTable('member')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
