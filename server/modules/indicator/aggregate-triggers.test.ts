import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationNameKey } from '../../../core/text.js';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let rubric: number;
let preCommune: number;
let codes = 0;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  REFERENCING = (
    await sql<{ t: string; c: string }>`select c.conrelid::regclass::text t, a.attname c from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.confrelid = 'organisation'::regclass and c.contype = 'f'`.execute(h.database.db)
  ).rows.map((r) => [r.t, r.c]);
  rubric = (
    await sql<{ id: number }>`select id from rubric_version order by id limit 1`.execute(h.database.db)
  ).rows[0].id;
  preCommune = (
    await sql<{
      id: number;
    }>`select id from admin_unit where era = 'pre2025' and level = 3 order by id limit 1`.execute(
      h.database.db,
    )
  ).rows[0].id;
});
afterAll(() => h.close());

/** The aggregates recomputed from the base tables, as sorted JSON (only non-zero rows). */
async function recount() {
  const db = h.database.db;
  const key = sql.raw(
    `o.commune_id c, coalesce(o.pre2025_commune_id, 0) p, o.kind k, coalesce(o.field, '') f, o.new_model is not null m`,
  );
  const years =
    await sql`select * from (select ${key}, o.paper_only, o.legal_status, y, sum(fo)::int fo, sum(e)::int e from organisation o
      cross join lateral (values (extract(year from plan_org_start(o))::int, 1, 0), (extract(year from plan_org_end(o))::int, 0, 1)) v(y, fo, e)
      where y is not null group by 1, 2, 3, 4, 5, 6, 7, 8) s order by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const reports =
    await sql`select ${key}, r.year::int y, plan_report_flags(r) fl, count(*)::int n, coalesce(sum(r.members_total), 0)::int ms
      from annual_report r join organisation o on o.id = r.organisation_id where r.status = 'approved' and r.period = 'year'
      group by 1, 2, 3, 4, 5, 6, 7 order by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const assessments = await sql`select ${key}, a.year::int y, coalesce(a.band, '') b, a.status,
      coalesce((select plan_report_flags(r) from annual_report r where r.organisation_id = a.organisation_id and r.year = a.year and r.period = 'year' and r.status = 'approved'), 0) fl,
      count(*)::int n from assessment_result a join organisation o on o.id = a.organisation_id group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(
    db,
  );
  return JSON.stringify(
    [years.rows, reports.rows, assessments.rows].map((rs) => rs.map((r) => Object.values(r as object))),
  );
}

/** The aggregates as stored, in the same shape. */
async function stored() {
  const db = h.database.db;
  const years =
    await sql`select commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, year::int, founded, ended from plan_org_year
      where founded <> 0 or ended <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
  const reports =
    await sql`select commune_id, pre_commune_id, kind, field, has_model, year::int, flags, reports, members_sum::int from plan_report_year
      where reports <> 0 order by 1, 2, 3, 4, 5, 6, 7`.execute(db);
  const assessments =
    await sql`select commune_id, pre_commune_id, kind, field, has_model, year::int, band, status, flags, n from plan_assessment_year
      where n <> 0 order by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(db);
  return JSON.stringify(
    [years.rows, reports.rows, assessments.rows].map((rs) => rs.map((r) => Object.values(r as object))),
  );
}

// The province rollups (migration 0010): each fine table summed per province of today, the province found here
// through admin_unit independently of the migration's view; rows that count nothing left out.
const ROLLUP_CHECKS = [
  ['plan_org_year', 'year, kind, field, has_model, paper_only, legal_status', 'founded, ended'],
  ['plan_org_day', 'on_date, kind, field, has_model, paper_only, legal_status', 'founded, ended'],
  [
    'plan_report_year',
    'year, kind, field, has_model, flags',
    'reports, members_n, members_sum, coops_n, coops_sum, revenue_n, revenue_sum, income_n, income_sum, mgr_total, mgr_university, mgr_intermediate, mgr_trained',
  ],
  ['plan_assessment_year', 'year, kind, field, has_model, band, status, flags', 'n'],
] as const;

/** Each rollup as stored and as recounted from its fine table, as sorted JSON. */
async function rollups() {
  const db = h.database.db;
  const out = { stored: [] as unknown[], recount: [] as unknown[] };
  for (const [fine, key, sums] of ROLLUP_CHECKS) {
    const cols = sums.split(', ');
    const nonzero = sql.raw(cols.map((c) => `${c} <> 0`).join(' or '));
    const nonzeroText = sql.raw(cols.map((c) => `${c} <> '0'`).join(' or '));
    const summed = sql.raw(cols.map((c) => `sum(f.${c})::text ${c}`).join(', '));
    const text = sql.raw(cols.map((c) => `${c}::text`).join(', '));
    const stored =
      await sql`select province_id, ${sql.raw(key)}, ${text} from ${sql.table(`${fine}_province`)}
      where ${nonzero} order by 1, ${sql.raw(key)}`.execute(db);
    const recount = await sql`select * from (select case when p.level = 1 then p.id else 0 end province_id,
        ${sql.raw(key)}, ${summed} from ${sql.table(fine)} f join admin_unit c on c.id = f.commune_id
        join admin_unit p on p.id = c.parent_id group by 1, ${sql.raw(key)}) s
      where ${nonzeroText} order by 1, ${sql.raw(key)}`.execute(db);
    out.stored.push(stored.rows.map((r) => Object.values(r as object)));
    out.recount.push(recount.rows.map((r) => Object.values(r as object)));
    // The nation rollup (migration 0012_plan_nation_rollups): the fine table summed over everything.
    const nation = await sql`select ${sql.raw(key)}, ${text} from ${sql.table(`${fine}_nation`)}
      where ${nonzero} order by ${sql.raw(key)}`.execute(db);
    const whole = await sql`select * from (select ${sql.raw(key)}, ${summed} from ${sql.table(fine)} f
        group by ${sql.raw(key)}) s where ${nonzeroText} order by ${sql.raw(key)}`.execute(db);
    out.stored.push(nation.rows.map((r) => Object.values(r as object)));
    out.recount.push(whole.rows.map((r) => Object.values(r as object)));
  }
  return { stored: JSON.stringify(out.stored), recount: JSON.stringify(out.recount) };
}

type Op =
  | { t: 'import'; n: number; year: number; pre: boolean; members: number }
  | { t: 'org'; kind: 'THT' | 'HTX'; field: string; year: number }
  | { t: 'move'; i: number; toSibling: boolean; model: boolean; paper: boolean }
  | { t: 'end'; i: number; year: number }
  | { t: 'report'; i: number; year: number; status: string; vc: boolean; members: number }
  | { t: 'restatus'; i: number; status: string; digital: boolean }
  | { t: 'unreport'; i: number }
  | { t: 'assess'; i: number; year: number; band: string | null }
  | { t: 'unassess'; i: number }
  | { t: 'bulk'; i: number; n: number; status: string; founded: number | null }
  | { t: 'delete'; i: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    t: fc.constant('import' as const),
    n: fc.integer({ min: 1, max: 4 }),
    year: fc.integer({ min: 2019, max: 2024 }),
    pre: fc.boolean(),
    members: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    t: fc.constant('org' as const),
    kind: fc.constantFrom('THT' as const, 'HTX' as const),
    field: fc.constantFrom('agriculture', 'trade_service'),
    year: fc.integer({ min: 2018, max: 2024 }),
  }),
  fc.record({
    t: fc.constant('move' as const),
    i: fc.nat(),
    toSibling: fc.boolean(),
    model: fc.boolean(),
    paper: fc.boolean(),
  }),
  fc.record({ t: fc.constant('end' as const), i: fc.nat(), year: fc.integer({ min: 2024, max: 2025 }) }),
  fc.record({
    t: fc.constant('report' as const),
    i: fc.nat(),
    year: fc.integer({ min: 2021, max: 2024 }),
    status: fc.constantFrom('approved', 'submitted'),
    vc: fc.boolean(),
    members: fc.integer({ min: 0, max: 50 }),
  }),
  fc.record({
    t: fc.constant('restatus' as const),
    i: fc.nat(),
    status: fc.constantFrom('approved', 'returned'),
    digital: fc.boolean(),
  }),
  fc.record({ t: fc.constant('unreport' as const), i: fc.nat() }),
  fc.record({
    t: fc.constant('assess' as const),
    i: fc.nat(),
    year: fc.integer({ min: 2021, max: 2024 }),
    band: fc.constantFrom('tot', 'kha', 'yeu', null),
  }),
  fc.record({ t: fc.constant('unassess' as const), i: fc.nat() }),
  fc.record({
    t: fc.constant('bulk' as const),
    i: fc.nat(),
    n: fc.integer({ min: 1, max: 6 }),
    status: fc.constantFrom('active', 'suspended', 'dissolved'),
    founded: fc.option(fc.integer({ min: 2015, max: 2024 })),
  }),
  fc.record({ t: fc.constant('delete' as const), i: fc.nat() }),
);

async function apply(o: Op) {
  const db = h.database.db;
  const orgs = (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((r) => r.id);
  const pick = (i: number, xs: number[]) => xs[i % xs.length];
  switch (o.t) {
    case 'import':
      return importBatch(o);
    case 'org': {
      const name = `Tổ chức ngẫu nhiên ${++codes}`;
      await db
        .insertInto('organisation')
        .values({
          kind: o.kind,
          reg_code: `77${String(process.pid % 1000).padStart(3, '0')}${String(codes).padStart(5, '0')}`,
          name,
          name_key: organisationNameKey(name),
          commune_id: u.dongDang,
          province_id: u.langSon,
          founded_on: `${o.year}-03-01`,
          field: o.field,
        } as never)
        .execute();
      return;
    }
    case 'move':
      await db
        .updateTable('organisation')
        .set({
          commune_id: o.toSibling ? u.sibling : u.dongDang,
          new_model: o.model ? 'A_a' : null,
          paper_only: o.paper,
        })
        .where('id', '=', pick(o.i, orgs))
        .execute();
      return;
    case 'end':
      await db
        .updateTable('organisation')
        .set({ legal_status: 'dissolved', ended_on: `${o.year}-06-30` })
        .where('id', '=', pick(o.i, orgs))
        .execute();
      return;
    case 'report':
      await sql`insert into annual_report (organisation_id, year, status, value_chain, members_total) values (${pick(o.i, orgs)}, ${o.year}, ${o.status}, ${o.vc}, ${o.members})
        on conflict (organisation_id, year, period) do update set status = excluded.status, value_chain = excluded.value_chain, members_total = excluded.members_total`.execute(
        db,
      );
      return;
    case 'restatus': {
      const reports = (await db.selectFrom('annual_report').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      if (reports.length)
        await db
          .updateTable('annual_report')
          .set({ status: o.status, digital_transformation: o.digital })
          .where('id', '=', pick(o.i, reports))
          .execute();
      return;
    }
    case 'unreport': {
      const reports = (await db.selectFrom('annual_report').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      if (reports.length) await db.deleteFrom('annual_report').where('id', '=', pick(o.i, reports)).execute();
      return;
    }
    case 'assess':
      await sql`insert into assessment_result (organisation_id, year, rubric_version_id, status, band, not_classified_reason)
        values (${pick(o.i, orgs)}, ${o.year}, ${rubric}, 'confirmed', ${o.band}, ${o.band ? null : 'not_submitted'})
        on conflict (organisation_id, year) do update set band = excluded.band, not_classified_reason = excluded.not_classified_reason`.execute(
        db,
      );
      return;
    case 'unassess': {
      const rows = (
        await sql<{ id: number }>`select id from assessment_result order by id`.execute(db)
      ).rows.map((r) => r.id);
      if (rows.length) await sql`delete from assessment_result where id = ${pick(o.i, rows)}`.execute(db);
      return;
    }
    case 'bulk': {
      // One statement over several organisations: every other one changes status (and founding date), the rest
      // only their address, which moves nothing.
      const ids = Array.from({ length: o.n }, (_, k) => pick(o.i + k, orgs));
      await sql`update organisation set
          legal_status = case when id % 2 = 0 then ${o.status} else legal_status end,
          founded_on = case when id % 2 = 0 then coalesce(${o.founded === null ? null : `${o.founded}-02-01`}::date, founded_on) else founded_on end,
          address = coalesce(address, '') || '.'
        where id = any(${ids}::int[])`.execute(db);
      return;
    }
    case 'delete': {
      // Only an organisation nothing refers to can go (every foreign key to organisation is NO ACTION).
      const free = (
        await sql<{ id: number }>`select o.id from organisation o where ${sql.join(
          REFERENCING.map(
            ([table, column]) =>
              sql`not exists (select 1 from ${sql.table(table)} x where x.${sql.ref(column)} = o.id)`,
          ),
          sql` and `,
        )} order by o.id`.execute(db)
      ).rows.map((r) => r.id);
      if (free.length) await sql`delete from organisation where id = ${pick(o.i, free)}`.execute(db);
    }
  }
}

/** The columns that refer to organisation (read from the catalogue). */
let REFERENCING: [string, string][] = [];

/**
 * An import: organisations in several communes of two provinces inserted by one statement, their reports upserted
 * by one statement, then moved on to the next commune (across provinces) by one bulk update.
 */
async function importBatch(o: Extract<Op, { t: 'import' }>) {
  const db = h.database.db;
  const communes = [u.dongDang, u.sibling, u.otherCommune];
  const rows = Array.from({ length: o.n }, (_, i) => {
    const name = `Tổ chức nhập ${++codes}`;
    const code = `78${String(process.pid % 1000).padStart(3, '0')}${String(codes).padStart(5, '0')}`;
    return { name, code, commune: communes[(codes + i) % 3] };
  });
  const province = (c: number) => (c === u.otherCommune ? u.ninhBinh : u.langSon);
  const ids = (
    await sql<{
      id: number;
    }>`insert into organisation (kind, reg_code, name, name_key, commune_id, province_id,
      pre2025_commune_id, founded_on, field)
    select 'HTX', x.code, x.name, x.name_key, x.commune, x.province, ${o.pre ? preCommune : null}::int,
      ${`${o.year}-05-01`}::date, 'agriculture'
    from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[],
      ${rows.map((r) => organisationNameKey(r.name))}::text[], ${rows.map((r) => r.commune)}::int[],
      ${rows.map((r) => province(r.commune))}::int[]) x(code, name, name_key, commune, province)
    returning id`.execute(db)
  ).rows.map((r) => r.id);
  await sql`insert into annual_report (organisation_id, year, status, value_chain, members_total)
    select id, ${o.year}, 'approved', id % 2 = 0, ${o.members} from unnest(${ids}::int[]) as x(id)
    on conflict (organisation_id, year, period) do update set members_total = excluded.members_total`.execute(
    db,
  );
  const next = rows.map((r) => communes[(communes.indexOf(r.commune) + 1) % 3]);
  await sql`update organisation t set commune_id = v.c, province_id = v.p
    from unnest(${ids}::int[], ${next}::int[], ${next.map(province)}::int[]) as v(id, c, p) where t.id = v.id`.execute(
    db,
  );
}

// Upserts matter: an INSERT … ON CONFLICT DO UPDATE fires BEFORE INSERT row triggers even when it updates.
describe('aggregate triggers', () => {
  it('keep the aggregates and their province and nation rollups equal to a recount after any sequence of inserts, updates, upserts, deletes and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          expect(await stored(), JSON.stringify(o)).toBe(await recount());
          const r = await rollups();
          expect(r.stored, `rollups after ${JSON.stringify(o)}`).toBe(r.recount);
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);

  it('rely on every foreign key to organisation refusing to delete an organisation still referred to', async () => {
    // Migration 0015's delete trigger subtracts an organisation's founding and end only: its reports, assessment
    // results and products must be gone first. A cascading key would delete them after the organisation, when
    // their own triggers no longer find it.
    const rules = await sql<{
      name: string;
      rule: string;
    }>`select conname name, confdeltype rule from pg_constraint
      where confrelid = 'organisation'::regclass and contype = 'f' order by 1`.execute(h.database.db);
    expect(rules.rows.length).toBeGreaterThanOrEqual(5);
    expect(rules.rows.filter((r) => r.rule !== 'a' && r.rule !== 'r')).toEqual([]);
  });
});
