/**
 * The trademark rows (migration 0012) stay equal to a recount from organisation_product and organisation after any
 * sequence of product inserts (one and many per statement), updates, deletes and organisation changes; and the
 * trademark indicator read from them equals the count of distinct organisations computed from the base tables.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInIndicator } from '../../../core/indicator/catalogue.js';
import { organisationNameKey } from '../../../core/text.js';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';
import { evaluateSpec } from './evaluate-indicator.js';
import { resolveTerritory } from './territory.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let preCommune: number;
let codes = 0;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  preCommune = (
    await sql<{
      id: number;
    }>`select id from admin_unit where era = 'pre2025' and level = 3 order by id limit 1`.execute(
      h.database.db,
    )
  ).rows[0].id;
});
afterAll(() => h.close());

/** The rows as stored, as sorted JSON. */
async function stored() {
  const r = await sql`select organisation_id, year::int, province_id, commune_id, pre_commune_id, kind, field,
      has_model, paper_only, legal_status from plan_trademark_year order by 1, 2`.execute(h.database.db);
  return JSON.stringify(r.rows.map((x) => Object.values(x as object)));
}

/** The same recomputed from the base tables, the province found through admin_unit (the commune's parent). */
async function recount() {
  const r = await sql`select distinct p.organisation_id, p.year::int,
      (select case when pu.level = 1 then pu.id else 0 end from admin_unit c join admin_unit pu on pu.id = c.parent_id
        where c.id = o.commune_id) as province_id,
      o.commune_id, coalesce(o.pre2025_commune_id, 0) as pre_commune_id, o.kind, coalesce(o.field, '') as field,
      o.new_model is not null as has_model, o.paper_only, o.legal_status
    from organisation_product p join organisation o on o.id = p.organisation_id
    where p.kind = 'trademark' and p.year is not null order by 1, 2`.execute(h.database.db);
  return JSON.stringify(r.rows.map((x) => Object.values(x as object)));
}

type Op =
  | { t: 'org'; kind: 'THT' | 'HTX'; pre: boolean }
  | { t: 'product'; i: number; kind: 'trademark' | 'ocop'; year: number | null }
  | { t: 'products'; i: number; n: number; year: number }
  | { t: 'reyear'; i: number; year: number | null; kind: 'trademark' | 'ocop' }
  | { t: 'shift'; i: number }
  | { t: 'unproduct'; i: number }
  | { t: 'move'; i: number; commune: number; model: boolean; paper: boolean; field: string }
  | { t: 'end'; i: number }
  | { t: 'drop'; i: number };

const year = fc.integer({ min: 2019, max: 2024 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('org' as const),
    kind: fc.constantFrom('THT' as const, 'HTX' as const),
    pre: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('product' as const),
    i: fc.nat(),
    kind: fc.constantFrom('trademark' as const, 'ocop' as const),
    year: fc.option(year, { nil: null }),
  }),
  fc.record({ t: fc.constant('products' as const), i: fc.nat(), n: fc.integer({ min: 1, max: 4 }), year }),
  fc.record({
    t: fc.constant('reyear' as const),
    i: fc.nat(),
    year: fc.option(year, { nil: null }),
    kind: fc.constantFrom('trademark' as const, 'ocop' as const),
  }),
  fc.record({ t: fc.constant('shift' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('unproduct' as const), i: fc.nat() }),
  fc.record({
    t: fc.constant('move' as const),
    i: fc.nat(),
    commune: fc.nat(),
    model: fc.boolean(),
    paper: fc.boolean(),
    field: fc.constantFrom('agriculture', 'trade_service'),
  }),
  fc.record({ t: fc.constant('end' as const), i: fc.nat() }),
  fc.record({ t: fc.constant('drop' as const), i: fc.nat() }),
);

async function apply(o: Op) {
  const db = h.database.db;
  const ids = async (q: string) =>
    (await sql<{ id: number }>`${sql.raw(q)}`.execute(db)).rows.map((r) => r.id);
  const orgs = await ids(`select id from organisation order by id`);
  const products = await ids(`select id from organisation_product order by id`);
  const pick = (i: number, xs: number[]) => xs[i % xs.length];
  const communes = [u.dongDang, u.sibling, u.otherCommune];
  const province = (c: number) => (c === u.otherCommune ? u.ninhBinh : u.langSon);
  switch (o.t) {
    case 'org': {
      const name = `Tổ chức thương hiệu ${++codes}`;
      await sql`insert into organisation (kind, reg_code, name, name_key, commune_id, province_id, pre2025_commune_id,
          founded_on, field)
        values (${o.kind}, ${`79${String(process.pid % 1000).padStart(3, '0')}${String(codes).padStart(5, '0')}`},
          ${name}, ${organisationNameKey(name)}, ${u.dongDang}, ${u.langSon}, ${o.pre ? preCommune : null}::int,
          '2020-01-01', 'agriculture')`.execute(db);
      return;
    }
    case 'product':
      await sql`insert into organisation_product (organisation_id, kind, name, year)
        values (${pick(o.i, orgs)}, ${o.kind}, 'Sản phẩm', ${o.year}::smallint)`.execute(db);
      return;
    case 'products': {
      // One statement, several organisations, repeated keys (two trademarks of one organisation in one year).
      const who = Array.from({ length: o.n }, (_, k) => pick(o.i + (k >> 1), orgs));
      await sql`insert into organisation_product (organisation_id, kind, name, year)
        select x, 'trademark', 'Nhãn hiệu', ${o.year}::smallint from unnest(${who}::int[]) x`.execute(db);
      return;
    }
    case 'reyear':
      if (products.length)
        await sql`update organisation_product set year = ${o.year}::smallint, kind = ${o.kind}
          where id = ${pick(o.i, products)}`.execute(db);
      return;
    case 'shift':
      // Every product of one organisation one year on, in one statement (keys both lost and gained).
      await sql`update organisation_product set year = year + 1 where organisation_id = ${pick(o.i, orgs)}`.execute(
        db,
      );
      return;
    case 'unproduct':
      if (products.length)
        await sql`delete from organisation_product where id = ${pick(o.i, products)}`.execute(db);
      return;
    case 'move': {
      const c = pick(o.commune, communes);
      await sql`update organisation set commune_id = ${c}, province_id = ${province(c)},
          new_model = ${o.model ? 'A_a' : null}, paper_only = ${o.paper}, field = ${o.field}
        where id = ${pick(o.i, orgs)}`.execute(db);
      return;
    }
    case 'end':
      await sql`update organisation set legal_status = 'dissolved', ended_on = '2024-06-30'
        where id = ${pick(o.i, orgs)}`.execute(db);
      return;
    case 'drop': {
      // An organisation's products removed, then the organisation itself (the order the foreign key demands).
      const id = pick(o.i, orgs);
      if (
        orgs.length < 5 ||
        (await sql`select 1 from app_user where organisation_id = ${id}`.execute(db)).rows.length
      )
        return;
      await sql`delete from organisation_product where organisation_id = ${id}`.execute(db);
      await sql`delete from organisation where id = ${id}`.execute(db).catch(() => undefined);
    }
  }
}

/** The trademark indicator's yearly counts, computed directly from the base tables. */
async function directCounts(communeIds: number[] | null, from: number, to: number) {
  const r = await sql<{
    year: number;
    v: number;
  }>`select p.year::int as year, count(distinct p.organisation_id)::int as v
    from organisation_product p join organisation o on o.id = p.organisation_id
    where p.kind = 'trademark' and p.year between ${from} and ${to} and o.kind = 'HTX'
      and (${communeIds === null} or o.commune_id = any(${communeIds ?? []}::int[]))
    group by 1`.execute(h.database.db);
  return new Map(r.rows.map((x) => [x.year, x.v]));
}

describe('trademark rows', () => {
  it('stay equal to a recount after any sequence of product and organisation writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          expect(await stored(), JSON.stringify(o)).toBe(await recount());
        }
      }),
      { numRuns: 15 },
    );
    expect(
      (await sql`select count(*)::int as n from plan_trademark_year`.execute(h.database.db)).rows,
    ).not.toEqual([{ n: 0 }]);
  });

  it('give the trademark indicator the distinct organisations of the base tables, by year and over a window', async () => {
    const def = builtInIndicator('htx_trademark_count');
    if (!def) throw new Error('htx_trademark_count is not in the catalogue');
    const db = h.database.db;
    const orgs = (
      await sql<{ id: number }>`select id from organisation where kind = 'HTX' order by id limit 3`.execute(
        db,
      )
    ).rows;
    for (const [i, o] of orgs.entries())
      await sql`insert into organisation_product (organisation_id, kind, name, year)
        values (${o.id}, 'trademark', 'A', 2023), (${o.id}, 'trademark', 'B', ${2023 + (i % 2)})`.execute(db);
    for (const unit of [null, u.langSon, u.dongDang]) {
      const t = await resolveTerritory(db, unit);
      const ev = await evaluateSpec(db, def.spec, t, {
        date: '2024-12-31',
        seriesFrom: 2019,
        seriesTo: 2024,
      });
      const direct = await directCounts(unit === null ? null : t.postCommuneIds, 2019, 2024);
      expect(ev.series, `${t.label}`).toEqual(
        [2019, 2020, 2021, 2022, 2023, 2024].map((y) => ({ year: y, value: direct.get(y) ?? 0 })),
      );
      expect(ev.value).toBe(direct.get(2024) ?? 0);
      // A window over two years counts an organisation with trademarks in both once.
      const w = await evaluateSpec(db, def.spec, t, {
        date: '2024-12-31',
        from: '2023-01-01',
        to: '2024-12-31',
        seriesFrom: 2024,
        seriesTo: 2024,
      });
      const once = await sql<{ v: number }>`select count(distinct p.organisation_id)::int as v
        from organisation_product p join organisation o on o.id = p.organisation_id
        where p.kind = 'trademark' and p.year between 2023 and 2024 and o.kind = 'HTX'
          and (${unit === null} or o.commune_id = any(${t.postCommuneIds}::int[]))`.execute(db);
      expect(w.value).toBe(once.rows[0].v);
    }
    const nation = await evaluateSpec(db, def.spec, await resolveTerritory(db, null), {
      date: '2024-12-31',
      seriesFrom: 2023,
      seriesTo: 2024,
    });
    expect(nation.series.find((s) => s.year === 2023)?.value).toBeGreaterThanOrEqual(orgs.length);
  });
});
