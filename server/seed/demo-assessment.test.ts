/** The demo assessments: a realistic spread of bands, exclusions with reasons, a 2025 campaign in progress. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';
import { type DemoAssessmentSummary, seedDemoAssessments } from './demo-assessment.js';
import { seedDemoRegistry } from './demo-registry.js';
import { seedDemoUsers } from './demo-users.js';

let h: Harness;
let first: DemoAssessmentSummary;

// The whole demo registry is seeded first, and every result insert runs the plan aggregate triggers: allow minutes.
beforeAll(async () => {
  h = await createHarness();
  await seedDemoUsers(h.database.db);
  await seedDemoRegistry(h.database.db);
  first = await seedDemoAssessments(h.database.db);
}, 900_000);
afterAll(() => h?.close());

const shares = async (where = sql`true`) => {
  const r = await sql<{ band: string; n: number }>`select band, count(*)::int as n from assessment_result
    where band is not null and ${where} group by band`.execute(h.database.db);
  const total = r.rows.reduce((s, x) => s + x.n, 0);
  return Object.fromEntries(r.rows.map((x) => [x.band, (100 * x.n) / total]));
};

describe('seedDemoAssessments', () => {
  it('creates campaigns 2020–2025 for every demo province and results with scores, once, with one audit row', async () => {
    expect(first.created).toBe(true);
    expect(first.campaigns).toBe(5 * 6);
    expect(first.results).toBeGreaterThan(8000);
    expect(await seedDemoAssessments(h.database.db)).toMatchObject({ created: false });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'seed.demo_assessment')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('spreads the bands like a real province (Tốt 15–25%, Khá 35–45%, Trung bình 20–30%, Yếu 10–15%)', async () => {
    const s = await shares(sql`year < 2025`);
    expect(s.tot).toBeGreaterThanOrEqual(15);
    expect(s.tot).toBeLessThanOrEqual(25);
    expect(s.kha).toBeGreaterThanOrEqual(35);
    expect(s.kha).toBeLessThanOrEqual(45);
    expect(s.trung_binh).toBeGreaterThanOrEqual(20);
    expect(s.trung_binh).toBeLessThanOrEqual(30);
    expect(s.yeu).toBeGreaterThanOrEqual(10);
    expect(s.yeu).toBeLessThanOrEqual(15);
  });

  it('records every band consistently with the final total and the item scores', async () => {
    const bad = await sql<{
      n: number;
    }>`select count(*)::int as n from assessment_result a where a.band is not null and (
        a.band <> case when a.final_total >= 80 then 'tot' when a.final_total >= 65 then 'kha' when a.final_total >= 50 then 'trung_binh' else 'yeu' end
        or a.final_total <> (select sum(coalesce(s.officer_score, s.self_score)) from assessment_score s where s.assessment_id = a.id))`.execute(
      h.database.db,
    );
    expect(bad.rows[0].n).toBe(0);
  });

  it('leaves some organisations unclassified with their reasons, credit funds among them', async () => {
    const r = await sql<{
      reason: string;
      n: number;
    }>`select not_classified_reason as reason, count(*)::int as n from assessment_result
      where not_classified_reason is not null group by 1`.execute(h.database.db);
    const by = Object.fromEntries(r.rows.map((x) => [x.reason, x.n]));
    expect(by.credit_fund).toBeGreaterThan(0);
    expect(by.new_lt_12_months).toBeGreaterThan(0);
    expect(by.not_submitted).toBeGreaterThan(0);
    const fund = await sql<{
      n: number;
    }>`select count(*)::int as n from assessment_result a join organisation o on o.id = a.organisation_id
      where o.credit_fund and a.band is not null`.execute(h.database.db);
    expect(fund.rows[0].n).toBe(0);
  });

  it('keeps 2025 in progress: every workflow status present, bands only once confirmed', async () => {
    const r = await sql<{
      status: string;
      banded: number;
    }>`select status, count(band)::int as banded from assessment_result
      where year = 2025 and not_classified_reason is null group by status`.execute(h.database.db);
    const by = Object.fromEntries(r.rows.map((x) => [x.status, x.banded]));
    expect(Object.keys(by).sort()).toEqual([
      'commune_reviewed',
      'confirmed',
      'draft',
      'published',
      'returned',
      'self_submitted',
    ]);
    expect([by.draft, by.self_submitted, by.returned, by.commune_reviewed]).toEqual([0, 0, 0, 0]);
    expect(by.published).toBeGreaterThan(0);
  });
});
