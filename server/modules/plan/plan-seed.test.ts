import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInIndicator } from '../../../core/indicator/catalogue.js';
import { SEED_PLANS, seedPlans } from '../../seed/seed-plans.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';

// The five source plans and their index of targets, kept in the repository (docs/sources/seeds) so the
// encoded targets are checked against the documents on any checkout.
const SEEDS = resolve(import.meta.dirname, '../../../docs/sources/seeds');
const INDEX = readFileSync(`${SEEDS}/INDEX.md`, 'utf8');
const FILES: Record<string, string> = {
  NB: '000_2882ad5062648117.txt',
  KT: '001_3ecd8446185e6165.txt',
  BL: '002_975302bcecadba5d.txt',
  HP: '003_c79919e897aefbed.txt',
  LS: '004_e906f448f3062d8c.txt',
};
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

let h: Harness;
let national: TestClient;

beforeAll(async () => {
  h = await createHarness();
  await standardUsers(h);
  national = await h.login('national');
});
afterAll(() => h.close());

describe('seedPlans', () => {
  it('loads the five local plans and the two national ones once (a second run creates nothing)', async () => {
    expect(await seedPlans(h.database.db)).toEqual({ created: 7 });
    expect(await seedPlans(h.database.db)).toEqual({ created: 0 });
    const plans = await h.database.db.selectFrom('plan').select(['code', 'unit_id', 'province_id']).execute();
    expect(plans.filter((p) => p.code?.startsWith('seed:'))).toHaveLength(7);
    // Local plans lie in the province their unit became part of; national ones in none.
    expect(plans.filter((p) => p.unit_id === null).map((p) => p.province_id)).toEqual([null, null]);
    expect(plans.filter((p) => p.unit_id !== null).every((p) => p.province_id !== null)).toBe(true);
  });

  it.each(Object.keys(FILES))(
    'encodes exactly the %s targets of INDEX.md, each ID once or in parts',
    async (prefix) => {
      const ids = [
        ...new Set([...INDEX.matchAll(new RegExp(`\\b(${prefix}-\\d{2})\\b`, 'g'))].map((m) => m[1])),
      ].sort();
      const plan = SEED_PLANS.find((p) => p.targets.some((t) => t.code.startsWith(`${prefix}-`)))!;
      const codes = [...new Set(plan.targets.map((t) => t.code))].sort();
      expect(codes).toEqual(ids);
      const stored = await h.database.db
        .selectFrom('plan_target')
        .innerJoin('plan', 'plan.id', 'plan_target.plan_id')
        .select((eb) => eb.fn.count<number>('plan_target.code').distinct().as('n'))
        .where('plan.code', '=', plan.code)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(ids.length);
    },
  );

  it.each(Object.entries(FILES))('quotes every %s target in the words of its document', (prefix, file) => {
    const text = squash(readFileSync(`${SEEDS}/${file}`, 'utf8'));
    const plan = SEED_PLANS.find((p) => p.targets.some((t) => t.code.startsWith(`${prefix}-`)))!;
    for (const t of plan.targets) expect(text, `${t.code}${t.part ?? ''}`).toContain(squash(t.wording));
  });

  it('picks the comparator the wording says and uses only known indicators', () => {
    for (const p of SEED_PLANS) {
      for (const t of p.targets) {
        const w = t.wording.toLowerCase();
        expect(builtInIndicator(t.indicator), t.indicator).toBeDefined();
        if (w.includes('100%')) {
          expect(t.comparator, t.code).toBe('all'); // "100% … đạt từ 80 điểm trở lên": the figure is 100%
          continue;
        }
        if (/\btrên\b|\bhơn\b/.test(w) && !w.includes('trên danh nghĩa') && !w.includes('trên địa bàn'))
          expect(t.comparator, t.code).toBe('more_than');
        if (/ít nhất|tối thiểu|trở lên/.test(w) && !/từ 0\d đến/.test(w))
          expect(t.comparator, t.code).toBe('at_least');
        if (/từ \d+%? ?(-|đến)/.test(w)) expect(t.comparator, t.code).toBe('range');
      }
    }
  });

  it('keeps HP-07 ambiguous: value 100 with the note that it may mean 100%', () => {
    const hp07 = SEED_PLANS.flatMap((p) => p.targets).find((t) => t.code === 'HP-07')!;
    expect(hp07.value).toBe(100);
    expect(hp07.note).toContain('có thể là 100%');
  });

  it('shows the plans through the API with a status for every target; Kon Tum has its three', async () => {
    const list = await national.get('/api/plans?pageSize=50');
    expect(list.status, list.text).toBe(200);
    const byNumber = Object.fromEntries(
      list.body.items.map((p: { number: string | null; code: string; id: number }) => [p.code, p.id]),
    );
    const kt = await national.get(`/api/plans/${byNumber['seed:KT-1185-KH-UBND-2021']}?date=2025-12-31`);
    expect(kt.status, kt.text).toBe(200);
    expect(kt.body.targets.map((t: { code: string }) => t.code)).toEqual(['KT-01', 'KT-02', 'KT-03']);
    expect(kt.body.territory.label).toContain('Kon Tum');
    expect(kt.body.tasks.map((t: { deadlineMd: string | null }) => t.deadlineMd)).toEqual(
      expect.arrayContaining(['06-30', '12-20']),
    );
    for (const id of Object.values(byNumber)) {
      const page = await national.get(`/api/plans/${id}?date=2024-12-31`);
      for (const t of page.body.targets)
        expect(['achieved', 'on_track', 'at_risk', 'not_achieved', 'no_data']).toContain(t.evaluation.status);
    }
  });

  it('checks HP-02..04 and HP-05 for consistency with comparators (310 + 150 fits "trên 400")', async () => {
    const hp = (await national.get('/api/plans?pageSize=50')).body.items.find(
      (p: { code: string }) => p.code === 'seed:HP-215-KH-UBND-2021',
    );
    const page = await national.get(`/api/plans/${hp.id}`);
    const hp02 = page.body.consistency.find((c: { code: string }) => c.code === 'HP-02');
    expect(hp02).toMatchObject({ consistent: true, partsSum: { lo: 460 } });
    expect(hp02.partIds).toHaveLength(2);
    expect(
      page.body.consistency.find((c: { code: string; part: string }) => c.code === 'HP-05' && c.part === 'a'),
    ).toMatchObject({ consistent: true });
    const ls = (await national.get('/api/plans?pageSize=50')).body.items.find(
      (p: { code: string }) => p.code === 'seed:LS-115-KH-UBND-2023',
    );
    const lsPage = await national.get(`/api/plans/${ls.id}?date=2024-06-30`);
    const ls05 = lsPage.body.targets.find(
      (t: { code: string; part: string }) => t.code === 'LS-05' && t.part === 'a',
    );
    expect(ls05.children.length).toBeGreaterThanOrEqual(10); // the districts of the former Lạng Sơn province
    expect(
      lsPage.body.consistency.find(
        (c: { code: string; part: string }) => c.code === 'LS-05' && c.part === 'b',
      ),
    ).toMatchObject({ consistent: true });
  });
});
