import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { createTestDatabase } from '../../test/db.js';
import { NATIONAL_TARGETS, REGIONS, regionOfOldProvince } from './national-scale.js';
import { loadTiny } from './national-test-support.js';

const FRACTION = 0.01;
let database: Database & { url?: string };

beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.close();
});

// Every loaded table, keyed so that the order is stable; timestamps set by now() are left out.
const TABLES: [string, string][] = [
  ['organisation', 'id'],
  ['organisation_union_member', 'union_id, member_id'],
  ['organisation_event', 'id'],
  ['organisation_product', 'id'],
  ['annual_report', 'id'],
  ['member', 'id'],
  ['assessment_campaign', 'id'],
  ['assessment_result', 'id'],
];

async function checksums(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [t, key] of TABLES) {
    const r = await sql<{
      h: string;
    }>`select md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, '|'
      order by ${sql.raw(key)}), '')) as h from ${sql.table(t)} t`.execute(database.db);
    out[t] = r.rows[0].h;
  }
  return out;
}

/** The aggregate tables as sorted text, rows that count nothing left out. */
async function aggregates(): Promise<string[]> {
  const q = (t: string, nonzero: string) =>
    sql<{
      r: string;
    }>`select t::text as r from ${sql.table(t)} t where ${sql.raw(nonzero)} order by 1`.execute(database.db);
  const parts = await Promise.all([
    q('plan_org_year', 'founded <> 0 or ended <> 0'),
    q('plan_org_day', 'founded <> 0 or ended <> 0'),
    q('plan_report_year', 'reports <> 0'),
    q('plan_assessment_year', 'n <> 0'),
    // The province rollups (migration 0010): rebuilt by aggregate-rebuild.ts, kept by triggers on the fine tables.
    q('plan_org_year_province', 'founded <> 0 or ended <> 0'),
    q('plan_org_day_province', 'founded <> 0 or ended <> 0'),
    q('plan_report_year_province', 'reports <> 0'),
    q('plan_assessment_year_province', 'n <> 0'),
  ]);
  return parts.flatMap((p) => p.rows.map((r) => r.r));
}

describe('loadNationalDataset', () => {
  it('loads identical rows for the same seed and different rows for another', async () => {
    const first = await loadTiny(database, { seed: 7, fraction: FRACTION });
    expect(first.rows.organisation).toBeGreaterThan(1000);
    const a = await checksums();
    await loadTiny(database, { seed: 8, fraction: FRACTION, reset: true });
    const b = await checksums();
    expect(b.organisation).not.toBe(a.organisation);
    expect(b.annual_report).not.toBe(a.annual_report);
    await loadTiny(database, { seed: 7, fraction: FRACTION, reset: true });
    expect(await checksums()).toEqual(a);
  }, 180_000);

  it('refuses to load over existing organisations without --reset, in Vietnamese', async () => {
    await expect(loadTiny(database, { seed: 7, fraction: FRACTION })).rejects.toThrow(
      /đã có .* tổ chức.*--reset/,
    );
  });

  it('keeps the national proportions: kinds, unions and their members, regions, registers', async () => {
    const kinds = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from organisation
      where ended_on is null group by kind`.execute(database.db);
    const n = Object.fromEntries(kinds.rows.map((r) => [r.kind, Number(r.n)]));
    expect(n.HTX / (NATIONAL_TARGETS.htx * FRACTION)).toBeGreaterThan(0.9);
    expect(n.HTX / (NATIONAL_TARGETS.htx * FRACTION)).toBeLessThan(1.1);
    expect(n.THT / n.HTX).toBeGreaterThan(1.6);
    expect(n.THT / n.HTX).toBeLessThan(2.2);
    expect(n.LHHTX).toBe(Math.round(NATIONAL_TARGETS.lhhtx * FRACTION));
    const links = await sql<{ n: number }>`select count(*)::int as n from organisation_union_member`.execute(
      database.db,
    );
    expect(Number(links.rows[0].n)).toBeGreaterThanOrEqual(3 * n.LHHTX);
    // HTX by the region of their commune before 1/7/2025 (regulations.md §10.2 shares).
    const byProvince = await sql<{
      code: string;
      n: number;
    }>`select p.code, count(*)::int as n from organisation o
      join admin_unit c on c.id = o.pre2025_commune_id join admin_unit d on d.id = c.parent_id join admin_unit p on p.id = d.parent_id
      where o.kind = 'HTX' group by p.code`.execute(database.db);
    const total = byProvince.rows.reduce((s, r) => s + Number(r.n), 0);
    for (const region of REGIONS) {
      const share = byProvince.rows
        .filter((r) => regionOfOldProvince(r.code).key === region.key)
        .reduce((s, r) => s + Number(r.n) / total, 0);
      expect(Math.abs(share - region.share)).toBeLessThan(0.05);
    }
    const before = await sql<{ bad: number; post: number }>`select
      count(*) filter (where founded_on < '2025-07-01' and pre2025_commune_id is null)::int as bad,
      count(*) filter (where founded_on >= '2025-07-01' and pre2025_commune_id is null)::int as post
      from organisation`.execute(database.db);
    expect(Number(before.rows[0].bad)).toBe(0);
    const figures = await sql<{
      first: number;
      last: number;
      paper: number;
    }>`select min(year)::int as first, max(year)::int as last,
      (select count(*)::int from organisation where paper_only) as paper from annual_report`.execute(
      database.db,
    );
    expect(figures.rows[0]).toMatchObject({ first: 2015, last: 2025 });
    expect(Number(figures.rows[0].paper)).toBeGreaterThan(0);
    const members = await sql<{ n: number }>`select count(*)::int as n from member`.execute(database.db);
    expect(Number(members.rows[0].n)).toBeGreaterThan(NATIONAL_TARGETS.registeredMembers * FRACTION * 0.5);
  });

  it('leaves aggregates equal to the row-by-row recount of the triggers and to the base tables', async () => {
    const rebuilt = await aggregates();
    expect(rebuilt.length).toBeGreaterThan(100);
    // The triggers' own per-organisation function (migration 0009), from empty tables (the rollups empty with them).
    await sql`truncate plan_org_year, plan_org_day, plan_report_year, plan_assessment_year`.execute(
      database.db,
    );
    await sql`select count(plan_apply_org(id, 1)) from organisation`.execute(database.db);
    expect(await aggregates()).toEqual(rebuilt);
    const stock = await sql<{ agg: number; base: number }>`select
      (select sum(founded - ended)::int from plan_org_year where kind = 'HTX' and year <= 2024) as agg,
      (select count(*)::int from organisation where kind = 'HTX' and founded_on <= '2024-12-31'
        and (ended_on is null or ended_on > '2024-12-31')) as base`.execute(database.db);
    expect(stock.rows[0].agg).toBe(stock.rows[0].base);
    const members = await sql<{ agg: string; base: string }>`select
      (select sum(members_sum)::text from plan_report_year where year = 2024) as agg,
      (select sum(members_total)::text from annual_report where year = 2024 and status = 'approved') as base`.execute(
      database.db,
    );
    expect(members.rows[0].agg).toBe(members.rows[0].base);
    const rated = await sql<{ agg: number; base: number }>`select
      (select sum(n)::int from plan_assessment_year where year = 2024 and band in ('tot', 'kha')) as agg,
      (select count(*)::int from assessment_result where year = 2024 and band in ('tot', 'kha')) as base`.execute(
      database.db,
    );
    expect(rated.rows[0].agg).toBe(rated.rows[0].base);
  }, 120_000);
});
