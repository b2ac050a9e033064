import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Queries of the plans module: plans, targets, tasks. No rules here. */

/** One plan by id. */
export async function findPlan(db: Kysely<DB>, id: number) {
  return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** Plans matching the filters, newest first. */
export async function listPlans(
  db: Kysely<DB>,
  q: {
    provinceId: number | null;
    unitId?: number;
    year?: number;
    status?: string;
    kind?: string;
    limit: number;
    offset: number;
  },
) {
  let s = db.selectFrom('plan');
  if (q.provinceId !== null) {
    const p = q.provinceId;
    s = s.where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', '=', p)]));
  }
  if (q.unitId !== undefined) {
    // A current province also finds the plans of the former units that now lie in it.
    const u = q.unitId;
    s = s.where((eb) => eb.or([eb('unit_id', '=', u), eb('province_id', '=', u)]));
  }
  if (q.kind) s = s.where('kind', '=', q.kind);
  if (q.year !== undefined) s = s.where('start_year', '<=', q.year).where('end_year', '>=', q.year);
  if (q.status) s = s.where('status', '=', q.status);
  const rows = await s
    .selectAll()
    .orderBy('start_year', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const total = await s.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Targets of a plan in their order. */
export async function listTargets(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}
export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];

/** One target by id within a plan. */
export async function findTarget(db: Kysely<DB>, planId: number, id: number) {
  return db
    .selectFrom('plan_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Tasks of a plan in their order. */
export async function listTasks(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_task')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>[number];

/** Child units of a unit at a level (districts of a pre-2025 province, communes of a district). */
export async function childUnits(db: Kysely<DB>, parentId: number, level: number) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'code'])
    .where('parent_id', '=', parentId)
    .where('level', '=', level)
    .orderBy('code')
    .execute();
}

/** Labels of units by id. */
export async function unitLabels(db: Kysely<DB>, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db.selectFrom('admin_unit').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Units offered by a plan's unit filter: these ids, the children of a unit, or the provinces of today. */
export async function unitChoiceRows(
  db: Kysely<DB>,
  o: { ids?: number[]; parentId?: number; provincesOfToday?: boolean },
) {
  let q = db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.full_name',
      'u.type',
      'u.level',
      'u.parent_id',
      'u.era',
      'u.valid_from',
      'u.valid_to',
      'u.province_id',
      'p.full_name as parent_name',
    ]);
  if (o.ids) {
    if (o.ids.length === 0) return [];
    q = q.where('u.id', 'in', o.ids);
  } else if (o.parentId !== undefined) q = q.where('u.parent_id', '=', o.parentId);
  else if (o.provincesOfToday) q = q.where('u.era', '=', 'post2025').where('u.level', '=', 1);
  else return [];
  return q.execute();
}
