import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  padmin = await h.login('padmin');
});
afterAll(() => h.close());

const target = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  indicatorKey: 'htx_count',
  unit: 'HTX',
  comparator: 'at_least',
  value: 10,
  targetYear: 2030,
  wording: `Có ít nhất 10 hợp tác xã (${code})`,
  ...extra,
});

async function auditCount(action: string) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_log where action = ${action}`.execute(h.database.db);
  return r.rows[0].n;
}

async function newPlan(kind = 'ke_hoach') {
  const r = await padmin.post('/api/plans', {
    kind,
    title: 'Kế hoạch để xoá chỉ tiêu',
    issuer: 'UBND tỉnh Lạng Sơn',
    unitId: u.langSon,
    startYear: 2024,
    endYear: 2030,
  });
  expect(r.status, r.text).toBe(201);
  return r.body.id as number;
}

describe('deleteTarget', () => {
  it('refuses a target with parts, then deletes the part and the target with one audit row each', async () => {
    const id = await newPlan();
    const parent = await padmin.post(`/api/plans/${id}/targets`, target('D-01'));
    const part = await padmin.post(
      `/api/plans/${id}/targets`,
      target('D-02', { parentId: parent.body.id, relation: 'of_which' }),
    );
    const refused = await padmin.req('DELETE', `/api/plans/${id}/targets/${parent.body.id}`);
    expect([refused.status, refused.body.code]).toEqual([409, 'plan.target_has_children']);
    expect(refused.body.detail).toContain('D-02');
    const before = await auditCount('plan.target_delete');
    expect((await padmin.req('DELETE', `/api/plans/${id}/targets/${part.body.id}`)).status).toBe(200);
    expect((await padmin.req('DELETE', `/api/plans/${id}/targets/${parent.body.id}`)).status).toBe(200);
    expect(await auditCount('plan.target_delete')).toBe(before + 2);
    const page = await padmin.get(`/api/plans/${id}`);
    expect(page.body.targets).toEqual([]);
    expect((await padmin.req('DELETE', `/api/plans/${id}/targets/${parent.body.id}`)).status).toBe(404);
  });
});

describe('deleteTask', () => {
  it('deletes a task of the plan with one audit row and answers 404 for a task of another plan', async () => {
    const id = await newPlan();
    const other = await newPlan();
    const task = await padmin.post(`/api/plans/${id}/tasks`, { agency: 'Sở Tài chính', task: 'Báo cáo năm' });
    expect((await padmin.req('DELETE', `/api/plans/${other}/tasks/${task.body.id}`)).status).toBe(404);
    const before = await auditCount('plan.task_delete');
    expect((await padmin.req('DELETE', `/api/plans/${id}/tasks/${task.body.id}`)).status).toBe(200);
    expect(await auditCount('plan.task_delete')).toBe(before + 1);
    expect((await padmin.get(`/api/plans/${id}`)).body.tasks).toEqual([]);
  });
});

describe('listPlans', () => {
  it('filters by kind, finds plans through their current province and gives each its status counts', async () => {
    const resolution = await newPlan('nghi_quyet');
    const r = await padmin.get(`/api/plans?kind=nghi_quyet&unitId=${u.langSon}&pageSize=100`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.map((p: { id: number }) => p.id)).toContain(resolution);
    expect(r.body.items.every((p: { kind: string }) => p.kind === 'nghi_quyet')).toBe(true);
    const row = r.body.items.find((p: { id: number }) => p.id === resolution);
    expect(Object.keys(row.statusCounts).sort()).toEqual([
      'achieved',
      'at_risk',
      'no_data',
      'not_achieved',
      'on_track',
    ]);
  });
});
