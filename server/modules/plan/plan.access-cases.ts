/**
 * Access-matrix cases of the plan routes (shape in server/test/access-cases.ts). Targets: own = a plan of the
 * commune Đồng Đăng, sibling = a plan of another commune of Lạng Sơn, other = a plan of Ninh Bình. A national plan
 * (no unit) is readable by every officer and changed only by national users, which the 'province' rule cannot
 * express: reads and changes of an existing plan skip the 'nation' target (plan-access.test.ts covers it).
 */
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';

interface PlanFixture {
  plan: number;
  target: number;
  task: number;
}
const fixtures = new WeakMap<Harness, Promise<Record<'own' | 'sibling' | 'other', PlanFixture>>>();
let seq = 0;

async function makePlan(h: Harness, unitId: number, provinceId: number): Promise<PlanFixture> {
  const db = h.database.db;
  const plan = await db
    .insertInto('plan')
    .values({
      number: `M-${unitId}/KH`,
      kind: 'ke_hoach',
      title: 'Kế hoạch ma trận quyền',
      issuer: 'UBND',
      signer: null,
      issued_on: null,
      unit_id: unitId,
      province_id: provinceId,
      start_year: 2024,
      end_year: 2026,
      legal_bases: '[]',
      summary: null,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const target = await db
    .insertInto('plan_target')
    .values({
      plan_id: plan.id,
      code: 'M-01',
      indicator_key: 'htx_count',
      unit_label: 'HTX',
      comparator: 'at_least',
      value: '1',
      value_max: null,
      tolerance: null,
      target_year: 2026,
      period_start: null,
      baseline_value: null,
      baseline_date: null,
      wording: 'Có ít nhất 1 HTX',
      note: null,
      allocation_level: null,
      parent_id: null,
      relation: null,
      objective: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const task = await db
    .insertInto('plan_task')
    .values({
      plan_id: plan.id,
      agency: 'UBND xã',
      task: 'Báo cáo',
      due_on: null,
      recurrence: null,
      deadline_md: null,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { plan: plan.id, target: target.id, task: task.id };
}

function plansOf(h: Harness, fx: MatrixFixtures) {
  let p = fixtures.get(h);
  if (!p) {
    p = (async () => ({
      own: await makePlan(h, fx.dongDang, fx.langSon),
      sibling: await makePlan(h, fx.sibling, fx.langSon),
      other: await makePlan(h, fx.otherCommune, fx.ninhBinh),
    }))();
    fixtures.set(h, p);
  }
  return p;
}

/** The plan fixture of a target, or null for the nation (skipped: see the file comment). */
async function planOf(t: MatrixTarget, fx: MatrixFixtures, h: Harness): Promise<PlanFixture | null> {
  if (t === 'nation') return null;
  return (await plansOf(h, fx))[t];
}
const unitOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.dongDang : t === 'sibling' ? fx.sibling : t === 'other' ? fx.otherCommune : null;
const provinceOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'other' ? fx.ninhBinh : t === 'nation' ? null : fx.langSon;

const targetBody = () => ({
  code: `MT-${++seq}`,
  indicatorKey: 'htx_founded',
  unit: 'HTX',
  comparator: 'at_least',
  value: 2,
  targetYear: 2025,
  wording: 'Thành lập mới ít nhất 2 HTX',
});

const on =
  (build: (p: PlanFixture) => { method: string; path: string; body?: unknown }) =>
  async (t: MatrixTarget, fx: MatrixFixtures, h: Harness) => {
    const p = await planOf(t, fx, h);
    return p ? build(p) : null;
  };

/** A fresh target or task of the plan, so every allowed caller deletes something that exists. */
async function freshRow(h: Harness, planId: number, table: 'plan_target' | 'plan_task') {
  const db = h.database.db;
  if (table === 'plan_task') {
    const r = await db
      .insertInto('plan_task')
      .values({ plan_id: planId, agency: 'UBND xã', task: `Xoá ${++seq}`, due_on: null, recurrence: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }
  const r = await db
    .insertInto('plan_target')
    .values({
      plan_id: planId,
      code: `MD-${++seq}`,
      indicator_key: 'htx_count',
      unit_label: 'HTX',
      comparator: 'at_least',
      value: '1',
      target_year: 2026,
      wording: 'Chỉ tiêu để xoá',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const planCases: MatrixCases = {
  'plans.list': () => ({ method: 'GET', path: '/api/plans?year=2025' }),
  'plans.overview': (t, fx) =>
    t === 'nation'
      ? null
      : { method: 'GET', path: `/api/plans/overview?provinceId=${provinceOf(t, fx)}&date=2025-06-30` },
  'plans.create': (t, fx) => ({
    method: 'POST',
    path: '/api/plans',
    body: {
      kind: 'ke_hoach',
      title: 'Kế hoạch thử',
      issuer: 'UBND',
      unitId: unitOf(t, fx),
      startYear: 2025,
      endYear: 2026,
      legalBases: [],
    },
  }),
  'plans.get': on((p) => ({ method: 'GET', path: `/api/plans/${p.plan}?date=2025-06-30` })),
  'plans.update': async (t, fx, h) => {
    const p = await planOf(t, fx, h);
    if (!p) return null;
    const { version } = await h.database.db
      .selectFrom('plan')
      .select('version')
      .where('id', '=', p.plan)
      .executeTakeFirstOrThrow();
    return { method: 'PATCH', path: `/api/plans/${p.plan}`, body: { summary: `Ghi chú ${++seq}`, version } };
  },
  'plans.targets.create': on((p) => ({
    method: 'POST',
    path: `/api/plans/${p.plan}/targets`,
    body: targetBody(),
  })),
  'plans.targets.update': on((p) => ({
    method: 'PATCH',
    path: `/api/plans/${p.plan}/targets/${p.target}`,
    body: {
      code: 'M-01',
      indicatorKey: 'htx_count',
      unit: 'HTX',
      comparator: 'at_least',
      value: 1,
      targetYear: 2026,
      wording: 'Có ít nhất 1 HTX',
    },
  })),
  'plans.targets.evaluate': on((p) => ({
    method: 'GET',
    path: `/api/plans/${p.plan}/targets/${p.target}/evaluation?date=2025-06-30`,
  })),
  'plans.targets.organisations': on((p) => ({
    method: 'GET',
    path: `/api/plans/${p.plan}/targets/${p.target}/organisations?page=1&pageSize=5`,
  })),
  'plans.tasks.create': on((p) => ({
    method: 'POST',
    path: `/api/plans/${p.plan}/tasks`,
    body: { agency: 'UBND xã', task: `Việc ${++seq}` },
  })),
  'plans.tasks.update': on((p) => ({
    method: 'PATCH',
    path: `/api/plans/${p.plan}/tasks/${p.task}`,
    body: { status: 'in_progress' },
  })),
  'plans.targets.delete': async (t, fx, h) => {
    const p = await planOf(t, fx, h);
    if (!p) return null;
    const id = await freshRow(h, p.plan, 'plan_target');
    return { method: 'DELETE', path: `/api/plans/${p.plan}/targets/${id}` };
  },
  'plans.tasks.delete': async (t, fx, h) => {
    const p = await planOf(t, fx, h);
    if (!p) return null;
    const id = await freshRow(h, p.plan, 'plan_task');
    return { method: 'DELETE', path: `/api/plans/${p.plan}/tasks/${id}` };
  },
  'plans.export.xlsx': on((p) => ({
    method: 'GET',
    path: `/api/plans/${p.plan}/export.xlsx?date=2025-06-30`,
  })),
  'plans.export.pdf': on((p) => ({ method: 'GET', path: `/api/plans/${p.plan}/export.pdf?date=2025-06-30` })),
};
