import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegistry } from '../../seed/demo-registry.js';
import { seedDemoUsers } from '../../seed/demo-users.js';
import { seedPlans } from '../../seed/seed-plans.js';
import { createHarness, type Harness, type TestClient } from '../../test/harness.js';

let h: Harness;
let national: TestClient;

beforeAll(async () => {
  h = await createHarness();
  await seedDemoUsers(h.database.db);
  await seedDemoRegistry(h.database.db);
  await seedPlans(h.database.db);
  await h.createUser({ username: 'national', role: 'national' });
  national = await h.login('national');
});
afterAll(() => h.close());

describe('the shipped plans on the demo data', () => {
  it('keeps the aggregates equal to a recount from the base tables after the bulk seeding (every write path)', async () => {
    const agg = await sql<{
      year: number;
      reports: number;
      members: number;
    }>`select year, sum(reports)::int as reports, sum(members_sum)::int as members
      from plan_report_year group by year order by year`.execute(h.database.db);
    const base = await sql<{
      year: number;
      reports: number;
      members: number;
    }>`select year, count(*)::int as reports, coalesce(sum(members_total), 0)::int as members
      from annual_report where status = 'approved' and period = 'year' group by year order by year`.execute(
      h.database.db,
    );
    expect(agg.rows).toEqual(base.rows);
    const stock = await sql<{
      n: number;
    }>`select coalesce(sum(founded - ended), 0)::int as n from plan_org_year`.execute(h.database.db);
    const live = await sql<{
      n: number;
    }>`select count(*)::int as n from organisation o where plan_org_end(o) is null`.execute(h.database.db);
    expect(stock.rows[0].n).toBe(live.rows[0].n);
  });

  it('gives every plan actual values and statuses', async () => {
    const list = await national.get('/api/plans?pageSize=50');
    expect(list.body.items).toHaveLength(7);
    for (const p of list.body.items) {
      const page = await national.get(`/api/plans/${p.id}`);
      expect(page.status, page.text).toBe(200);
      const known = page.body.targets.filter(
        (t: { evaluation: { actual: number | null } }) => t.evaluation.actual !== null,
      );
      expect(known.length, p.code).toBeGreaterThan(0);
      expect(
        page.body.targets.filter((t: { evaluation: { status: string } }) => t.evaluation.status !== 'no_data')
          .length,
        p.code,
      ).toBeGreaterThan(0);
      for (const t of known) expect(t.evaluation.trend.length, `${t.code}`).toBeGreaterThan(0);
    }
  });
});
