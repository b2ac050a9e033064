import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationNameKey } from '../../../core/text.js';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let rubric: number;
let codes = 0;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  rubric = (
    await sql<{ id: number }>`select id from rubric_version order by id limit 1`.execute(h.database.db)
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

type Op =
  | { t: 'org'; kind: 'THT' | 'HTX'; field: string; year: number }
  | { t: 'move'; i: number; toSibling: boolean; model: boolean; paper: boolean }
  | { t: 'end'; i: number; year: number }
  | { t: 'report'; i: number; year: number; status: string; vc: boolean; members: number }
  | { t: 'restatus'; i: number; status: string; digital: boolean }
  | { t: 'unreport'; i: number }
  | { t: 'assess'; i: number; year: number; band: string | null }
  | { t: 'unassess'; i: number };

const op: fc.Arbitrary<Op> = fc.oneof(
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
);

async function apply(o: Op) {
  const db = h.database.db;
  const orgs = (await db.selectFrom('organisation').select('id').orderBy('id').execute()).map((r) => r.id);
  const pick = (i: number, xs: number[]) => xs[i % xs.length];
  switch (o.t) {
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
    }
  }
}

// Upserts matter: an INSERT … ON CONFLICT DO UPDATE fires BEFORE INSERT row triggers even when it updates.
describe('aggregate triggers', () => {
  it('keep the aggregates equal to a recount after any sequence of inserts, updates, upserts and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        for (const o of ops) {
          await apply(o);
          expect(await stored(), JSON.stringify(o)).toBe(await recount());
        }
      }),
      { numRuns: 15 },
    );
  });
});
