/** The demo registry: deterministic, realistic, on real post-2025 communes with lineage, usable by the demo accounts. */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRegistrationCode } from '../../core/registry/registration-code.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { createTestDatabase } from '../test/db.js';
import { createHarness, type Harness } from '../test/harness.js';
import { buildDemoRegistry, DEMO_COOP_NAME } from './demo-build.js';
import { DEMO_COOP_USERNAME, type DemoRegistrySummary, seedDemoRegistry } from './demo-registry.js';
import { loadDemoGeography, NEW_TAX_PREFIX, TERRITORIES } from './demo-territory.js';
import { DEMO_PASSWORD, seedDemoUsers } from './demo-users.js';

let h: Harness;
let other: Database;
let first: DemoRegistrySummary;
let db: Kysely<DB>;

beforeAll(async () => {
  h = await createHarness();
  db = h.database.db;
  await seedDemoUsers(db);
  first = await seedDemoRegistry(db);
  other = await createTestDatabase();
  await seedDemoRegistry(other.db, { seed: 20250701 });
});
afterAll(async () => {
  await other?.close();
  await h?.close();
});

const rows = async <T>(q: RawBuilder<T>, on: Kysely<DB> = db) => (await q.execute(on)).rows;
const one = async <T>(q: RawBuilder<T>, on: Kysely<DB> = db) => (await rows(q, on))[0];

/** Everything that the seed decides, hashed table by table (ids and timestamps of insertion excluded). */
const fingerprint = (on: Kysely<DB>) =>
  one<Record<string, string | number>>(
    sql`select
  (select count(*)::int from organisation) as organisations,
  (select md5(string_agg(concat_ws('|', kind, reg_code, name, short_name, commune_id, pre2025_commune_id, address, founded_on,
    legal_rep_name, charter_capital, vsic_code, field, new_model, governance, legal_status, ended_on, paper_only), ',' order by reg_code)) from organisation) as orgs,
  (select md5(string_agg(concat_ws('|', o.reg_code, r.year, r.status, r.members_total, r.revenue_total, r.profit_before_tax,
    r.value_chain, r.manager_university, r.submitted_at), ',' order by o.reg_code, r.year))
    from annual_report r join organisation o on o.id = r.organisation_id) as reports,
  (select md5(string_agg(concat_ws('|', o.reg_code, e.kind, e.occurred_on, e.detail::text), ',' order by o.reg_code, e.kind, e.occurred_on))
    from organisation_event e join organisation o on o.id = e.organisation_id) as events,
  (select md5(string_agg(concat_ws('|', m.full_name, m.id_number, m.birth_date, m.capital_pledged), ',' order by m.id_number, m.full_name)) from member m) as members,
  (select md5(string_agg(concat_ws('|', p.kind, p.name, p.stars, p.year), ',' order by p.kind, p.name, p.year)) from organisation_product p) as products,
  (select count(*)::int from organisation_union_member) as union_links`,
    on,
  );

describe('seedDemoRegistry', () => {
  it('gives identical data on two fresh databases from the same seed, and other data from another seed', async () => {
    const a = await fingerprint(db);
    expect(a.organisations).toBeGreaterThan(0);
    expect(await fingerprint(other.db)).toEqual(a);
    const geo = await loadDemoGeography(db);
    const codes = (seed: number) =>
      buildDemoRegistry(geo, seed)
        .orgs.map((b) => b.row.reg_code)
        .join(',');
    expect(codes(7)).not.toBe(codes(20250701));
  });

  it('seeds only an empty registry, once, with one audit row, everything flagged as demo data', async () => {
    const again = await seedDemoRegistry(db);
    expect(again.created).toBe(false);
    const n = await one<{ n: number; demo: number }>(
      sql`select count(*)::int as n, sum(demo::int)::int as demo from organisation`,
    );
    expect(n).toEqual({ n: first.organisations, demo: first.organisations });
    const audit = await rows<{ after: { organisations: number } }>(
      sql`select after from audit_log where action = 'seed.demo_registry'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after.organisations).toBe(first.organisations);
  });

  it('has realistic sizes: 2,500–4,000 organisations, Lạng Sơn ~420 HTX and ~700 THT, ~400 HTX in the former Hải Phòng', async () => {
    expect(first.organisations).toBeGreaterThanOrEqual(2500);
    expect(first.organisations).toBeLessThanOrEqual(4000);
    const byProvince = await rows<{
      code: string;
      kind: string;
      n: number;
    }>(sql`select p.code, o.kind, count(*)::int as n
      from organisation o join admin_unit p on p.id = o.province_id group by 1, 2`);
    const count = (code: string, kind: string) =>
      byProvince.find((r) => r.code === code && r.kind === kind)?.n ?? 0;
    expect(count('20', 'HTX')).toBe(420);
    expect(count('20', 'THT')).toBe(700);
    expect(count('20', 'LHHTX')).toBe(3);
    const oldHp = await one<{
      n: number;
    }>(sql`select count(*)::int as n from organisation o join admin_unit c on c.id = o.pre2025_commune_id
      join admin_unit d on d.id = c.parent_id join admin_unit p on p.id = d.parent_id
      where p.code = '31' and o.kind = 'HTX' and o.legal_status = 'active' and not o.paper_only`);
    expect(oldHp.n).toBeGreaterThan(370);
    expect(oldHp.n).toBeLessThan(440);
    const funds = await rows<{ field: string; vsic_code: string; kind: string }>(
      sql`select distinct field, vsic_code, kind from organisation where credit_fund`,
    );
    expect(funds).toEqual([{ field: 'finance', vsic_code: '6419', kind: 'HTX' }]);
    const ocop = await rows<{ stars: number }>(
      sql`select distinct stars from organisation_product where kind = 'ocop' order by stars`,
    );
    expect(ocop.map((p) => p.stars)).toEqual([3, 4, 5]);
  });

  it('is about two thirds agricultural, with a mean 2024 HTX revenue near 2.8 bn đồng', async () => {
    const agri = await one<{ share: number }>(
      sql`select avg((field = 'agriculture')::int)::float8 as share from organisation`,
    );
    expect(agri.share).toBeGreaterThan(0.55);
    expect(agri.share).toBeLessThan(0.75);
    const fin = await one<{
      revenue: number;
      charter: number;
      losses: number;
      median: number;
      max: number;
    }>(sql`select
      avg(r.revenue_total)::float8 as revenue, avg(r.charter_capital)::float8 as charter,
      avg((r.profit_before_tax < 0)::int)::float8 as losses,
      percentile_cont(0.5) within group (order by r.members_official)::float8 as median, max(r.members_official) as max
      from annual_report r join organisation o on o.id = r.organisation_id where o.kind = 'HTX' and r.year = 2024`);
    expect(fin.revenue).toBeGreaterThan(2.2e9);
    expect(fin.revenue).toBeLessThan(3.4e9);
    expect(fin.charter).toBeGreaterThan(1.5e9);
    expect(fin.charter).toBeLessThan(2.5e9);
    expect(fin.losses).toBeGreaterThan(0);
    expect(fin.median).toBeGreaterThanOrEqual(12);
    expect(fin.median).toBeLessThanOrEqual(30);
    expect(fin.max).toBeGreaterThan(1000);
  });

  it("places every organisation in a post-2025 commune of its province, and its pre-2025 commune among that commune's predecessors", async () => {
    const bad = await one<{ commune: number; lineage: number; missing: number; late: number }>(sql`select
      count(*) filter (where c.era <> 'post2025' or c.level <> 3 or c.parent_id <> o.province_id or p.code not in ('20', '37', '31', '51', '68'))::int as commune,
      count(*) filter (where o.pre2025_commune_id is not null and not exists (select 1 from admin_unit_lineage l join admin_unit x on x.id = l.old_unit_id
        where l.old_unit_id = o.pre2025_commune_id and l.new_unit_id = o.commune_id and x.era = 'pre2025' and x.level = 3))::int as lineage,
      count(*) filter (where o.pre2025_commune_id is null and o.founded_on < '2025-07-01')::int as missing,
      count(*) filter (where o.pre2025_commune_id is not null and o.founded_on >= '2025-07-01')::int as late
      from organisation o join admin_unit c on c.id = o.commune_id join admin_unit p on p.id = o.province_id`);
    expect(bad).toEqual({ commune: 0, lineage: 0, missing: 0, late: 0 });
    const baoLoc = await one<{
      n: number;
    }>(sql`select count(*)::int as n from organisation o join admin_unit c on c.id = o.pre2025_commune_id
      join admin_unit d on d.id = c.parent_id where d.code = '673' and o.kind = 'HTX'`);
    expect(baoLoc.n).toBeGreaterThanOrEqual(40);
    const konTum = await one<{
      models: number;
    }>(sql`select count(distinct o.new_model)::int as models from organisation o
      join admin_unit c on c.id = o.pre2025_commune_id join admin_unit d on d.id = c.parent_id join admin_unit p on p.id = d.parent_id where p.code = '62'`);
    expect(konTum.models).toBe(12);
  });

  it('never repeats an HTX name nationally nor a THT name in a commune, and gives unique, well-formed codes', async () => {
    const dupes =
      await rows(sql`select name_key from organisation where kind <> 'THT' group by name_key having count(*) > 1
      union all select name_key from organisation where kind = 'THT' group by commune_id, name_key having count(*) > 1`);
    expect(dupes).toEqual([]);
    const orgs = await rows<{ reg_code: string; name: string }>(sql`select reg_code, name from organisation`);
    const prefixes = new Set([...TERRITORIES.map((t) => t.taxPrefix), ...Object.values(NEW_TAX_PREFIX)]);
    expect(
      orgs.filter(
        (o) =>
          !isRegistrationCode(o.reg_code) ||
          o.reg_code.length !== 10 ||
          !prefixes.has(o.reg_code.slice(0, 2)),
      ),
    ).toEqual([]);
    expect(new Set(orgs.map((o) => o.reg_code)).size).toBe(orgs.length);
    expect(
      orgs.filter(
        (o) => !/^(Hợp tác xã|HTX|Tổ hợp tác|Liên hiệp Hợp tác xã|Quỹ tín dụng nhân dân) \S/.test(o.name),
      ),
    ).toEqual([]);
  });

  it('reports 2019–2025 from the founding year, approved up to 2024 and a review queue for 2025; paper-only HTX stopped reporting', async () => {
    const r = await one<{ early: number; late: number; unapproved: number; paper: number }>(sql`select
      count(*) filter (where r.year < greatest(2019, extract(year from o.founded_on)))::int as early,
      count(*) filter (where o.ended_on is not null and r.year >= extract(year from o.ended_on))::int as late,
      count(*) filter (where r.year < 2025 and r.status <> 'approved')::int as unapproved,
      count(*) filter (where o.paper_only and r.year >= 2024)::int as paper
      from annual_report r join organisation o on o.id = r.organisation_id`);
    expect(r).toEqual({ early: 0, late: 0, unapproved: 0, paper: 0 });
    const statuses = await rows<{ status: string }>(
      sql`select distinct status from annual_report where year = 2025 order by status`,
    );
    expect(statuses.map((s) => s.status)).toEqual(['approved', 'draft', 'returned', 'submitted']);
    const life = await rows<{ kind: string }>(
      sql`select distinct kind from organisation_event order by kind`,
    );
    expect(life.map((e) => e.kind)).toEqual(['converted', 'dissolved', 'founded', 'resumed', 'suspended']);
    const paperOnly = await one<{ n: number }>(
      sql`select count(*)::int as n from organisation where paper_only`,
    );
    expect(paperOnly.n).toBeGreaterThan(0);
  });

  it('keeps union membership and member registers consistent with the yearly figures', async () => {
    const unions = await rows<{
      n: number;
      reported: number;
    }>(sql`select count(*)::int as n, max(r.member_cooperatives) as reported
      from organisation_union_member m join annual_report r on r.organisation_id = m.union_id and r.year = 2025 group by m.union_id`);
    expect(unions.length).toBeGreaterThanOrEqual(8);
    for (const u of unions) {
      expect(u.n).toBeGreaterThanOrEqual(3);
      expect(u.n).toBeLessThanOrEqual(8);
      expect(u.reported).toBe(u.n);
    }
    const registers = await rows<{
      n: number;
      total: number;
      women: number;
      reported_women: number;
      bad_ids: number;
    }>(sql`select
      count(*)::int as n, max(r.members_total) as total, sum((m.gender = 'female')::int)::int as women, max(r.member_women) as reported_women,
      count(*) filter (where m.org_code is null and m.id_number !~ '^0[0-9]{11}$')::int as bad_ids
      from member m join annual_report r on r.organisation_id = m.organisation_id and r.year = 2025 group by m.organisation_id`);
    expect(registers.length).toBeGreaterThanOrEqual(8);
    for (const g of registers) {
      expect(g.n).toBe(g.total);
      expect(g.n).toBeGreaterThanOrEqual(20);
      expect(g.n).toBeLessThanOrEqual(60);
      expect(g.women).toBe(g.reported_women);
      expect(g.bad_ids).toBe(0);
    }
  });
});

describe('the demo cooperative account', () => {
  it(`'${DEMO_COOP_USERNAME}' logs in and sees its own organisation, in Xã Đồng Đăng, with a 2025 report in draft`, async () => {
    const org = await db
      .selectFrom('organisation')
      .select(['id', 'commune_id'])
      .where('name', '=', DEMO_COOP_NAME)
      .executeTakeFirstOrThrow();
    const c = await h.login(DEMO_COOP_USERNAME, DEMO_PASSWORD);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.scope).toMatchObject({
      type: 'organisation',
      organisationId: org.id,
      unitId: org.commune_id,
    });
    expect(me.body.scope.label).toContain('Xã Đồng Đăng');
    const profile = await c.get(`/api/organisations/${org.id}`);
    expect(profile.status, profile.text).toBe(200);
    expect(profile.body.organisation.name).toBe(DEMO_COOP_NAME);
    const list = await c.get('/api/organisations');
    expect(list.status, list.text).toBe(200);
    expect(list.body.items.map((i: { id: number }) => i.id)).toEqual([org.id]);
    const sibling = await db
      .selectFrom('organisation')
      .select('id')
      .where('id', '<>', org.id)
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await c.get(`/api/organisations/${sibling.id}`)).status).toBe(404);
    const report = await db
      .selectFrom('annual_report')
      .select('status')
      .where('organisation_id', '=', org.id)
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(report.status).toBe('draft');
  });
});
