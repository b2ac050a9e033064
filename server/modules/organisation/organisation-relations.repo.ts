import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { orgDb } from './organisation.db.js';

/** Lifecycle events of an organisation in the order they happened. */
export async function listEvents(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('organisation_event as e')
    .leftJoin('app_user as u', 'u.id', 'e.created_by')
    .select([
      'e.id',
      'e.kind',
      'e.occurred_on',
      'e.note',
      'e.detail',
      'e.created_at',
      'u.full_name as created_by_name',
    ])
    .where('e.organisation_id', '=', organisationId)
    .orderBy('e.occurred_on')
    .orderBy('e.id')
    .execute();
}

/** True when the organisation already has an event of that kind. */
export async function hasEvent(db: Kysely<DB>, organisationId: number, kind: string): Promise<boolean> {
  const r = await db
    .selectFrom('organisation_event')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r !== undefined;
}

/** Inserts a lifecycle event and returns its id. */
export async function insertEvent(
  db: Kysely<DB>,
  e: {
    organisationId: number;
    kind: string;
    occurredOn: string;
    note: string | null;
    detail: unknown;
    createdBy: number | null;
  },
) {
  const r = await db
    .insertInto('organisation_event')
    .values({
      organisation_id: e.organisationId,
      kind: e.kind,
      occurred_on: e.occurredOn,
      note: e.note,
      detail: e.detail === null ? null : JSON.stringify(e.detail),
      created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Products and recognitions of an organisation. */
export async function listProducts(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('organisation_product')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

/** One product of an organisation. */
export async function findProduct(db: Kysely<DB>, organisationId: number, productId: number) {
  return db
    .selectFrom('organisation_product')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', productId)
    .executeTakeFirst();
}

/** Inserts a product and returns the row. */
export async function insertProduct(
  db: Kysely<DB>,
  p: {
    organisationId: number;
    kind: string;
    name: string;
    stars: number | null;
    year: number | null;
    note: string | null;
  },
) {
  return db
    .insertInto('organisation_product')
    .values({
      organisation_id: p.organisationId,
      kind: p.kind,
      name: p.name,
      stars: p.stars,
      year: p.year,
      note: p.note,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a product. */
export async function deleteProduct(db: Kysely<DB>, productId: number) {
  await db.deleteFrom('organisation_product').where('id', '=', productId).execute();
}

/** Current links of a union to its member HTX (`side` 'members') or of an HTX to its unions ('unions'). */
export async function listUnionLinks(db: Kysely<DB>, organisationId: number, side: 'members' | 'unions') {
  const [self, other] =
    side === 'members' ? (['l.union_id', 'l.member_id'] as const) : (['l.member_id', 'l.union_id'] as const);
  return orgDb(db)
    .selectFrom('organisation_union_member as l')
    .innerJoin('organisation as o', 'o.id', other)
    .innerJoin('admin_unit as c', 'c.id', 'o.commune_id')
    .select([
      'o.id',
      'o.kind',
      'o.reg_code',
      'o.name',
      'o.legal_status',
      'c.full_name as commune_name',
      'l.joined_on',
    ])
    .where(self, '=', organisationId)
    .where('l.left_on', 'is', null)
    .orderBy('o.name_sort')
    .orderBy('o.id')
    .execute();
}

/** The link between a union and a member, current or past. */
export async function findUnionLink(db: Kysely<DB>, unionId: number, memberId: number) {
  return db
    .selectFrom('organisation_union_member')
    .selectAll()
    .where('union_id', '=', unionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
}

/** Records that a member (re)joined a union. */
export async function upsertUnionLink(
  db: Kysely<DB>,
  unionId: number,
  memberId: number,
  joinedOn: string | null,
) {
  await db
    .insertInto('organisation_union_member')
    .values({ union_id: unionId, member_id: memberId, joined_on: joinedOn, left_on: null })
    .onConflict((oc) =>
      oc.columns(['union_id', 'member_id']).doUpdateSet({ joined_on: joinedOn, left_on: null }),
    )
    .execute();
}

/** Ends the current links of an organisation, as union or as member, on a date; returns how many. */
export async function closeUnionLinks(
  db: Kysely<DB>,
  o: { unionId?: number; memberId?: number; either?: number; on: string },
) {
  let q = db.updateTable('organisation_union_member').set({ left_on: o.on }).where('left_on', 'is', null);
  if (o.unionId !== undefined) q = q.where('union_id', '=', o.unionId);
  if (o.memberId !== undefined) q = q.where('member_id', '=', o.memberId);
  if (o.either !== undefined)
    q = q.where((eb) => eb.or([eb('union_id', '=', o.either!), eb('member_id', '=', o.either!)]));
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Counts of current links as union and as member. */
export async function countOpenLinks(db: Kysely<DB>, organisationId: number) {
  const r = await db
    .selectFrom('organisation_union_member')
    .where('left_on', 'is', null)
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('union_id', '=', organisationId).as('as_union'),
      eb.fn.countAll<number>().filterWhere('member_id', '=', organisationId).as('as_member'),
    ])
    .executeTakeFirstOrThrow();
  return { asUnion: Number(r.as_union), asMember: Number(r.as_member) };
}

const CHANGE_REQUEST_COLUMNS = [
  'r.id',
  'r.organisation_id',
  'r.requested_by',
  'r.changes',
  'r.status',
  'r.reviewer_id',
  'r.reviewed_at',
  'r.comment',
  'r.created_at',
  'rq.full_name as requested_by_name',
  'rv.full_name as reviewer_name',
] as const;

function changeRequests(db: Kysely<DB>) {
  return db
    .selectFrom('registration_change_request as r')
    .innerJoin('app_user as rq', 'rq.id', 'r.requested_by')
    .leftJoin('app_user as rv', 'rv.id', 'r.reviewer_id')
    .select([...CHANGE_REQUEST_COLUMNS]);
}

/** A registration change request row with the requester's and reviewer's names. */
export type ChangeRequestRecord = NonNullable<Awaited<ReturnType<typeof findChangeRequest>>>;

/** One change request. */
export async function findChangeRequest(db: Kysely<DB>, id: number) {
  return changeRequests(db).where('r.id', '=', id).executeTakeFirst();
}

/** Change requests of an organisation, newest first. */
export async function listChangeRequests(db: Kysely<DB>, organisationId: number) {
  return changeRequests(db).where('r.organisation_id', '=', organisationId).orderBy('r.id', 'desc').execute();
}

/** Number of change requests still waiting for an officer. */
export async function countPendingChangeRequests(db: Kysely<DB>, organisationId: number): Promise<number> {
  const r = await db
    .selectFrom('registration_change_request')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Inserts a pending change request and returns its id. */
export async function insertChangeRequest(
  db: Kysely<DB>,
  organisationId: number,
  requestedBy: number,
  changes: unknown,
) {
  const r = await db
    .insertInto('registration_change_request')
    .values({ organisation_id: organisationId, requested_by: requestedBy, changes: JSON.stringify(changes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Decides a pending change request; returns false when it was no longer pending. */
export async function decideChangeRequest(
  db: Kysely<DB>,
  id: number,
  status: 'approved' | 'rejected',
  reviewerId: number,
  comment: string | null,
) {
  const r = await db
    .updateTable('registration_change_request')
    .set({ status, reviewer_id: reviewerId, reviewed_at: new Date(), comment })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The latest yearly (not half-year) report of an organisation, if any. */
export async function latestYearlyReport(db: Kysely<DB>, organisationId: number) {
  return db
    .selectFrom('annual_report')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('period', '=', 'year')
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The old commune with its district, for the profile. */
export async function findPre2025Commune(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('admin_unit as c')
    .leftJoin('admin_unit as d', 'd.id', 'c.parent_id')
    .select(['c.id', 'c.full_name as name', 'd.full_name as district_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
