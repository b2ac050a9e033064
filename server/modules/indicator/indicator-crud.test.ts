import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;
let pofficer: TestClient;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  padmin = await h.login('padmin');
  pofficer = await h.login('pofficer');
});
afterAll(() => h.close());

const audits = async (prefix: string) =>
  Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where action like ${`${prefix}%`}`.execute(h.database.db)
    ).rows[0].n,
  );

const spec = {
  source: 'organisations',
  filter: { kinds: ['HTX'], fields: ['agriculture'] },
  measure: { type: 'count' },
};
const body = {
  name: { vi: 'Số HTX nông nghiệp của tỉnh', en: 'Agricultural cooperatives' },
  definition: { vi: 'Đếm HTX nông nghiệp', en: 'Counts agricultural cooperatives' },
  unit: 'HTX',
  spec,
};

describe('officer-defined indicators', () => {
  it('validates, previews, saves, changes and deletes an indicator, one audit row each', async () => {
    const a = await audits('indicator.');
    const preview = await padmin.post('/api/indicators/preview', {
      spec,
      unitId: u.langSon,
      date: '2024-12-31',
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.evaluation.value).toBe(2); // the two standard organisations of Lạng Sơn
    expect(preview.body.organisations.total).toBe(2);
    const created = await padmin.post('/api/indicators/custom', body);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ builtIn: false, provinceId: u.langSon });
    const value = await pofficer.get(
      `/api/indicators/${created.body.key}/value?unitId=${u.dongDang}&date=2024-12-31`,
    );
    expect(value.body.evaluation.value).toBe(1);
    const stale = await padmin.req('PATCH', `/api/indicators/custom/${created.body.id}`, {
      ...body,
      version: 99,
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'indicator.version']);
    const updated = await padmin.req('PATCH', `/api/indicators/custom/${created.body.id}`, {
      ...body,
      unit: 'hợp tác xã',
      version: 1,
    });
    expect(updated.body).toMatchObject({ unit: 'hợp tác xã', version: 2 });
    expect((await padmin.req('DELETE', `/api/indicators/custom/${created.body.id}`)).status).toBe(200);
    expect(await audits('indicator.')).toBe(a + 3);
  });

  it('refuses a spec the evaluator cannot compute, with the reasons', async () => {
    const sum = await padmin.post('/api/indicators/preview', {
      spec: { source: 'organisations', filter: {}, measure: { type: 'sum', column: 'members' } },
    });
    expect([sum.status, sum.body.code]).toEqual([400, 'indicator.spec_invalid']);
    const shape = await padmin.post('/api/indicators/custom', { ...body, spec: { source: 'nowhere' } });
    expect([shape.status, shape.body.code]).toEqual([400, 'indicator.spec_invalid']);
    expect(shape.body.detail).toMatch(/không hợp lệ/);
  });

  it('keeps an indicator a plan target uses', async () => {
    const created = await padmin.post('/api/indicators/custom', body);
    const plan = await padmin.post('/api/plans', {
      kind: 'ke_hoach',
      title: 'KH',
      issuer: 'UBND',
      unitId: u.langSon,
      startYear: 2025,
      endYear: 2026,
    });
    const t = await padmin.post(`/api/plans/${plan.body.id}/targets`, {
      code: 'C-01',
      indicatorKey: created.body.key,
      unit: 'HTX',
      comparator: 'at_least',
      value: 1,
      targetYear: 2026,
      wording: 'ít nhất 1',
    });
    expect(t.status, t.text).toBe(201);
    const del = await padmin.req('DELETE', `/api/indicators/custom/${created.body.id}`);
    expect([del.status, del.body.code]).toEqual([409, 'indicator.in_use']);
  });
});

describe('manual figures', () => {
  it('enters, refuses a duplicate, corrects and deletes a figure with its source; one audit row each', async () => {
    const a = await audits('indicator.manual');
    const v = {
      indicatorKey: 'manual_grdp_share',
      unitId: u.langSon,
      year: 2024,
      value: 0.61,
      source: 'Cục Thống kê tỉnh Lạng Sơn, niên giám 2024',
    };
    const created = await pofficer.post('/api/indicator-values', v);
    expect(created.status, created.text).toBe(201);
    const dup = await pofficer.post('/api/indicator-values', v);
    expect([dup.status, dup.body.code]).toEqual([409, 'indicator.manual_duplicate']);
    const computed = await pofficer.post('/api/indicator-values', { ...v, indicatorKey: 'htx_count' });
    expect([computed.status, computed.body.code]).toEqual([400, 'indicator.not_manual']);
    const upd = await pofficer.req('PATCH', `/api/indicator-values/${created.body.id}`, {
      value: 0.67,
      version: 1,
    });
    expect(upd.body).toMatchObject({ value: 0.67, version: 2 });
    const ev = await pofficer.get(
      `/api/indicators/manual_grdp_share/value?unitId=${u.langSon}&date=2025-03-01`,
    );
    expect(ev.body.evaluation).toMatchObject({ value: 0.67, figuresYear: 2024, source: v.source });
    const nb = await h.login('padmin.nb');
    expect((await nb.req('DELETE', `/api/indicator-values/${created.body.id}`)).status).toBe(404);
    expect((await pofficer.req('DELETE', `/api/indicator-values/${created.body.id}`)).status).toBe(200);
    expect(await audits('indicator.manual')).toBe(a + 3);
  });

  it("lets only national users enter the nation's figures", async () => {
    const v = {
      indicatorKey: 'manual_population_share',
      unitId: null,
      year: 2024,
      value: 8,
      source: 'Tổng cục Thống kê',
    };
    expect((await pofficer.post('/api/indicator-values', v)).status).toBe(404);
    expect((await (await h.login('national')).post('/api/indicator-values', v)).status).toBe(201);
  });
});
