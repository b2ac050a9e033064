import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

const UNIT_COLUMNS = [
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
] as const;

/** A unit row with its parent's full name. */
export type UnitRecord = Awaited<ReturnType<typeof findUnitById>> & object;

function base(db: Kysely<DB>) {
  return db
    .selectFrom('admin_unit as u')
    .leftJoin('admin_unit as p', 'p.id', 'u.parent_id')
    .select([...UNIT_COLUMNS, 'p.full_name as parent_name']);
}

function validAt(date: string) {
  return sql<boolean>`(u.valid_from is null or u.valid_from <= ${date}::date) and (u.valid_to is null or u.valid_to > ${date}::date)`;
}

/** One unit by id. */
export async function findUnitById(db: Kysely<DB>, id: number) {
  return base(db).where('u.id', '=', id).executeTakeFirst();
}

/** Units with a given code and level (a code may be reused across eras). */
export async function findUnitsByCode(db: Kysely<DB>, code: string, level?: number) {
  let q = base(db).where('u.code', '=', code);
  if (level) q = q.where('u.level', '=', level);
  return q.orderBy('u.valid_from').execute();
}

/** Children of a unit (or the provinces when parentId is null) in force at a date. */
export async function listUnitsAt(
  db: Kysely<DB>,
  o: { date: string; parentId: number | null; provinceId: number | null },
) {
  let q = base(db).where(validAt(o.date));
  q = o.parentId === null ? q.where('u.level', '=', 1) : q.where('u.parent_id', '=', o.parentId);
  if (o.provinceId !== null) q = q.where('u.province_id', '=', o.provinceId);
  return q.execute();
}

/** Searches folded names (trigram index) and code prefixes among units in force at a date. */
export async function searchUnits(
  db: Kysely<DB>,
  o: { key: string; date: string; level?: number; provinceId: number | null; limit: number },
) {
  let q = base(db).where(validAt(o.date));
  if (/^\d+$/.test(o.key)) q = q.where('u.code', 'like', `${o.key}%`);
  else q = q.where('u.name_key', 'like', `%${o.key}%`);
  if (o.level) q = q.where('u.level', '=', o.level);
  if (o.provinceId !== null) q = q.where('u.province_id', '=', o.provinceId);
  return q
    .orderBy(sql`(u.name_key = ${o.key} or u.name_key like ${`% ${o.key}`})`, 'desc')
    .orderBy('u.level')
    .orderBy(sql`length(u.name_key)`)
    .limit(o.limit)
    .execute();
}

/** Direct predecessors (old units that became this one) or successors (what this one became). */
export async function listLineage(db: Kysely<DB>, unitId: number, direction: 'predecessors' | 'successors') {
  const [self, other] =
    direction === 'predecessors'
      ? (['new_unit_id', 'old_unit_id'] as const)
      : (['old_unit_id', 'new_unit_id'] as const);
  return base(db)
    .innerJoin('admin_unit_lineage as l', `l.${other}`, 'u.id')
    .select(['l.partial', 'l.effective_date'])
    .where(`l.${self}`, '=', unitId)
    .orderBy('u.level')
    .orderBy('u.code')
    .execute();
}

/** Follows lineage transitively to the units in force today (post-2025) or to the earliest recorded ones. */
export async function resolveLineage(db: Kysely<DB>, unitId: number, direction: 'forward' | 'backward') {
  const [from, to] =
    direction === 'forward' ? ['old_unit_id', 'new_unit_id'] : ['new_unit_id', 'old_unit_id'];
  const rows = await sql<{ id: number; partial: boolean }>`
    with recursive chain(id, partial, depth) as (
      select ${sql.ref(`l.${to}`)}, l.partial, 1 from admin_unit_lineage l where ${sql.ref(`l.${from}`)} = ${unitId}
      union
      select ${sql.ref(`l.${to}`)}, c.partial or l.partial, c.depth + 1
      from admin_unit_lineage l join chain c on ${sql.ref(`l.${from}`)} = c.id where c.depth < 5
    )
    select id, bool_or(partial) as partial from chain
    where not exists (select 1 from admin_unit_lineage l2 where ${sql.ref(`l2.${from}`)} = chain.id)
    group by id`.execute(db);
  if (rows.rows.length === 0) return [];
  const units = await base(db)
    .where(
      'u.id',
      'in',
      rows.rows.map((r) => r.id),
    )
    .orderBy('u.code')
    .execute();
  const partial = new Map(rows.rows.map((r) => [r.id, r.partial]));
  return units.map((u) => ({ ...u, partial: partial.get(u.id) ?? false }));
}

/** Counts of units per era and level. */
export async function countUnits(db: Kysely<DB>, provinceId: number | null) {
  let q = db
    .selectFrom('admin_unit as u')
    .select(['u.era', 'u.level', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`(u.era = 'post2025' or (${validAt('2025-06-30')}))`);
  if (provinceId !== null) q = q.where('u.province_id', '=', provinceId);
  return q.groupBy(['u.era', 'u.level']).execute();
}

/** A unit's era and level, or undefined when it does not exist. */
export async function findUnitEra(db: Kysely<DB>, id: number) {
  return db.selectFrom('admin_unit').select(['id', 'era', 'level']).where('id', '=', id).executeTakeFirst();
}

/** The query of the communes (level 3) of a unit's subtree in its own era, one `id` per row: itself for a commune. */
export function subtreeCommunesSql(unitId: number) {
  return sql<{ id: number }>`
    with recursive sub(id, level) as (
      select id, level from admin_unit where id = ${unitId}
      union all
      select a.id, a.level from admin_unit a join sub s on a.parent_id = s.id where s.level < 3
    )
    select id from sub where level = 3`;
}

/** The communes (level 3) of a unit's subtree in its own era: itself for a commune. */
export async function subtreeCommunes(db: Kysely<DB>, unitId: number): Promise<number[]> {
  const r = await subtreeCommunesSql(unitId).execute(db);
  return r.rows.map((x) => x.id);
}

/**
 * The communes reached from `ids` through commune-to-commune lineage, to any depth ('backward' = what they
 * came from, 'forward' = what they became), with `ids` themselves; districts and provinces are not followed.
 */
export async function communeLineageClosure(
  db: Kysely<DB>,
  ids: number[],
  direction: 'backward' | 'forward',
) {
  if (ids.length === 0) return [];
  const [from, to] =
    direction === 'backward' ? ['new_unit_id', 'old_unit_id'] : ['old_unit_id', 'new_unit_id'];
  type Row = { id: number; era: 'pre2025' | 'post2025' };
  const found = new Map<number, Row['era']>();
  const start = await sql<Row>`select u.id, u.era from admin_unit u where u.id = any(${ids}::int[])`.execute(
    db,
  );
  for (const r of start.rows) found.set(r.id, r.era);
  // One step per lineage level, in the application: a recursive CTE here is estimated so high that PostgreSQL
  // JIT-compiles it (≈ 0.3–0.5 s), and the join form hashes every commune of the country per call (20–25 ms on
  // the national dataset, paid once per target of a plan). Each step below is index lookups (≈ 1 ms).
  let frontier = [...found.keys()];
  while (frontier.length) {
    const step = await sql<Row>`
      select n.id, n.era from admin_unit_lineage l
      join lateral (select n.id, n.era from admin_unit n where n.id = ${sql.ref(`l.${to}`)} and n.level = 3 offset 0) n on true
      where ${sql.ref(`l.${from}`)} = any(${frontier}::int[])`.execute(db);
    frontier = [];
    for (const r of step.rows)
      if (!found.has(r.id)) {
        found.set(r.id, r.era);
        frontier.push(r.id);
      }
  }
  return [...found].map(([id, era]) => ({ id, era }));
}

/**
 * Those of `ids` with a direct commune-level lineage link ('predecessors' or 'successors') to a commune
 * outside `inside`: communes whose territory is only partly covered by `inside`.
 */
export async function communesLinkedOutside(
  db: Kysely<DB>,
  ids: number[],
  inside: number[],
  link: 'predecessors' | 'successors',
) {
  if (ids.length === 0) return [];
  const [self, other] =
    link === 'predecessors' ? ['new_unit_id', 'old_unit_id'] : ['old_unit_id', 'new_unit_id'];
  // The level check as a lookup per link, not a join: a join hashes every commune of the country (see above).
  const r = await sql<{ id: number }>`
    select distinct ${sql.ref(`l.${self}`)} as id from admin_unit_lineage l
    where ${sql.ref(`l.${self}`)} = any(${ids}::int[]) and not (${sql.ref(`l.${other}`)} = any(${inside}::int[]))
      and (select o.level from admin_unit o where o.id = ${sql.ref(`l.${other}`)}) = 3`.execute(db);
  return r.rows.map((x) => x.id);
}
