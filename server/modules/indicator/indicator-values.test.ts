import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_INDICATORS } from '../../../core/indicator/catalogue.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { buildFixture, EXPECTED } from './indicator-test-fixture.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let ids: Record<string, number>;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  // The standard users' three organisations are not part of the hand count: move them out of the way.
  await h.database.db
    .deleteFrom('organisation')
    .where('id', 'in', [u.orgOwn, u.orgSibling, u.orgOther])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('app_user').select('id').whereRef('app_user.organisation_id', '=', 'organisation.id'),
        ),
      ),
    )
    .execute();
  await h.database.db
    .updateTable('organisation')
    .set({ founded_on: '2024-01-01' })
    .where('id', 'in', [u.orgOwn, u.orgSibling, u.orgOther])
    .execute();
  ids = await buildFixture(h, u);
  national = await h.login('national');
});
afterAll(() => h.close());

const value = async (key: string, q = '') => {
  const r = await national.get(`/api/indicators/${key}/value?unitId=${u.langSon}&date=2022-12-31${q}`);
  expect(r.status, r.text).toBe(200);
  return r.body.evaluation;
};

describe('built-in indicators on a hand-counted fixture (Lạng Sơn, 31/12/2022)', () => {
  const computed = BUILT_IN_INDICATORS.filter((d) => d.spec.source !== 'manual');

  it('has a hand-computed expectation for every computed built-in indicator', () => {
    expect(computed.map((d) => d.key).filter((k) => !(k in EXPECTED))).toEqual([]);
  });

  it.each(computed.map((d) => d.key))('%s', async (key) => {
    const ev = await value(key);
    expect(ev.value, key).toBeCloseTo(EXPECTED[key]!, 2);
  });

  it('evaluates a manual indicator from the figure an officer entered, with its source', async () => {
    for (const d of BUILT_IN_INDICATORS.filter((x) => x.spec.source === 'manual')) {
      const r = await national.post('/api/indicator-values', {
        indicatorKey: d.key,
        unitId: u.langSon,
        year: 2022,
        value: 12.5,
        source: 'Cục Thống kê tỉnh',
      });
      expect(r.status, r.text).toBe(201);
      const ev = await value(d.key);
      expect(ev.value).toBe(12.5);
      expect(ev.source).toBe('Cục Thống kê tỉnh');
      expect(ev.figuresYear).toBe(2022);
    }
  });

  it('counts the stock at the exact date: the HTX dissolved on 30/6/2022 counts on that day only before it', async () => {
    const r = await national.get(`/api/indicators/htx_count/value?unitId=${u.langSon}&date=2022-06-29`);
    expect(r.body.evaluation.value).toBe(4); // o1, o2, o3 and o4 (o3 founded 1/2/2022)
    const after = await national.get(`/api/indicators/htx_count/value?unitId=${u.langSon}&date=2022-06-30`);
    expect(after.body.evaluation.value).toBe(3);
    const before = await national.get(`/api/indicators/htx_count/value?unitId=${u.langSon}&date=2022-01-31`);
    expect(before.body.evaluation.value).toBe(3); // o1, o2, o4
  });

  it('gives the yearly series for the trend', async () => {
    const ev = await value('htx_count');
    const byYear = Object.fromEntries(
      ev.series.map((s: { year: number; value: number }) => [s.year, s.value]),
    );
    expect(byYear).toMatchObject({ 2019: 1, 2020: 2, 2021: 3, 2022: 3 });
  });
});

describe('drill-down to the organisations counted', () => {
  const names = (r: { body: { items: { id: number }[] } }) =>
    r.body.items.map((i) => i.id).sort((a, b) => a - b);

  it('lists exactly the organisations of a count, paginated', async () => {
    const page1 = await national.get(
      `/api/indicators/htx_count/organisations?unitId=${u.langSon}&date=2022-12-31&pageSize=2&page=1`,
    );
    expect(page1.status, page1.text).toBe(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await national.get(
      `/api/indicators/htx_count/organisations?unitId=${u.langSon}&date=2022-12-31&pageSize=2&page=2`,
    );
    expect([...names(page1), ...names(page2)].sort((a, b) => a - b)).toEqual(
      [ids.o1, ids.o2, ids.o3].sort((a, b) => a - b),
    );
  });

  it('"of which" (BL-04): the numerator is the good/fair ones in value chains, the denominator all good/fair ones', async () => {
    const num = await national.get(
      `/api/indicators/kttt_good_fair_chain_share/organisations?unitId=${u.langSon}&date=2022-12-31&set=numerator`,
    );
    const den = await national.get(
      `/api/indicators/kttt_good_fair_chain_share/organisations?unitId=${u.langSon}&date=2022-12-31&set=denominator`,
    );
    expect(names(num)).toEqual([ids.o1, ids.o7].sort((a, b) => a - b));
    expect(names(den)).toEqual([ids.o1, ids.o2, ids.o7].sort((a, b) => a - b));
    const ev = await value('kttt_good_fair_chain_share');
    expect([ev.numerator, ev.denominator]).toEqual([2, 3]);
  });

  it('lists report-based subsets from the approved reports of the figures year', async () => {
    const r = await national.get(
      `/api/indicators/htx_tech_share/organisations?unitId=${u.langSon}&date=2022-12-31`,
    );
    expect(names(r)).toEqual([ids.o1, ids.o2].sort((a, b) => a - b));
    expect(r.body.figuresYear).toBe(2022);
  });

  it("never lists organisations outside the caller's own scope", async () => {
    // A commune officer may see the province's total but lists only the organisations of its own commune.
    const cofficer = await h.login('cofficer');
    const own = await cofficer.get(
      `/api/indicators/htx_count/organisations?unitId=${u.langSon}&date=2022-12-31`,
    );
    expect(own.status, own.text).toBe(200);
    expect(names(own)).toEqual([ids.o1, ids.o3].sort((a, b) => a - b));
    const pofficer = await h.login('pofficer');
    const r = await pofficer.get(
      `/api/indicators/htx_count/organisations?unitId=${u.langSon}&date=2022-12-31`,
    );
    expect(r.body.total).toBe(3);
    expect(
      (await pofficer.get(`/api/indicators/htx_count/value?unitId=${u.otherCommune}&date=2022-12-31`)).status,
    ).toBe(404);
  });
});
