import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;
let national: TestClient;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  padmin = await h.login('padmin');
  national = await h.login('national');
});
afterAll(() => h.close());

async function planWith(client: TestClient, unitId: number | null, targets: Record<string, unknown>[]) {
  const plan = await client.post('/api/plans', {
    number: '01/KH-UBND',
    kind: 'ke_hoach',
    title: 'Kế hoạch thử nghiệm',
    issuer: 'UBND tỉnh Lạng Sơn',
    unitId,
    startYear: 2024,
    endYear: 2030,
  });
  expect(plan.status, plan.text).toBe(201);
  const ids: number[] = [];
  for (const t of targets) {
    const r = await client.post(`/api/plans/${plan.body.id}/targets`, t);
    expect(r.status, r.text).toBe(201);
    ids.push(r.body.id);
  }
  return { id: plan.body.id as number, targets: ids };
}
const htxTarget = {
  code: 'T-01',
  indicatorKey: 'htx_count',
  unit: 'HTX',
  comparator: 'more_than',
  value: 2,
  targetYear: 2030,
  wording: 'Có trên 02 hợp tác xã',
};

describe('freshness: the actual changes the moment a write commits', () => {
  it("creating an organisation through the API raises the target's actual at once", async () => {
    const p = await planWith(padmin, u.langSon, [htxTarget]);
    const before = await padmin.get(`/api/plans/${p.id}/targets/${p.targets[0]}/evaluation`);
    expect(before.status, before.text).toBe(200);
    const created = await padmin.post('/api/organisations', {
      kind: 'HTX',
      regCode: '4900099001',
      name: 'Hợp tác xã Tươi Mới',
      communeId: u.dongDang,
      vsicCode: '0111',
      foundedOn: '2024-03-01',
    });
    expect(created.status, created.text).toBe(201);
    const after = await padmin.get(`/api/plans/${p.id}/targets/${p.targets[0]}/evaluation`);
    expect(after.body.evaluation.actual).toBe(before.body.evaluation.actual + 1);
  });

  it('approving a yearly report changes report-based indicators at once; un-approving takes it back', async () => {
    const q = `/api/indicators/htx_value_chain_share/value?unitId=${u.langSon}&date=2024-12-31`;
    const report = await h.database.db
      .insertInto('annual_report')
      .values({ organisation_id: u.orgOwn, year: 2024, status: 'submitted', value_chain: true } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await padmin.get(q)).body.evaluation.value).toBeNull();
    await h.database.db
      .updateTable('annual_report')
      .set({ status: 'approved' })
      .where('id', '=', report.id)
      .execute();
    expect((await padmin.get(q)).body.evaluation).toMatchObject({
      value: 100,
      numerator: 1,
      denominator: 1,
      figuresYear: 2024,
    });
    await h.database.db
      .updateTable('annual_report')
      .set({ status: 'returned' })
      .where('id', '=', report.id)
      .execute();
    expect((await padmin.get(q)).body.evaluation.value).toBeNull();
  });
});

describe('plans and targets', () => {
  it('flags an inconsistent invented case: "khoảng 60 HTX", of which at least 40 and at least 30', async () => {
    const p = await planWith(padmin, u.langSon, [
      { ...htxTarget, code: 'I-01', comparator: 'about', value: 60, wording: 'Có khoảng 60 hợp tác xã' },
    ]);
    for (const [code, value] of [
      ['I-02', 40],
      ['I-03', 30],
    ] as const) {
      const r = await padmin.post(`/api/plans/${p.id}/targets`, {
        ...htxTarget,
        code,
        comparator: 'at_least',
        value,
        parentId: p.targets[0],
        relation: 'of_which',
        wording: `trong đó ít nhất ${value}`,
      });
      expect(r.status, r.text).toBe(201);
    }
    const page = await padmin.get(`/api/plans/${p.id}`);
    expect(page.body.consistency).toHaveLength(1);
    expect(page.body.consistency[0]).toMatchObject({ code: 'I-01', consistent: false, partsSum: { lo: 70 } });
  });

  it('refuses a range without its upper end and a target year outside the plan, with stable codes', async () => {
    const p = await planWith(padmin, u.langSon, []);
    const range = await padmin.post(`/api/plans/${p.id}/targets`, {
      ...htxTarget,
      comparator: 'range',
      value: 60,
    });
    expect([range.status, range.body.code]).toEqual([400, 'plan.target_invalid']);
    const year = await padmin.post(`/api/plans/${p.id}/targets`, { ...htxTarget, targetYear: 2040 });
    expect([year.status, year.body.code]).toEqual([400, 'plan.target_invalid']);
    const unknown = await padmin.post(`/api/plans/${p.id}/targets`, {
      ...htxTarget,
      indicatorKey: 'khong_co',
    });
    expect(unknown.status).toBe(404);
  });

  it('writes exactly one audit row per mutation', async () => {
    const count = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from audit_log where action like 'plan.%'`.execute(h.database.db)
        ).rows[0].n,
      );
    const a = await count();
    const p = await planWith(padmin, u.langSon, [htxTarget]);
    const task = await padmin.post(`/api/plans/${p.id}/tasks`, {
      agency: 'Sở Tài chính',
      task: 'Báo cáo 6 tháng',
      recurrence: 'semiannual',
      deadlineMd: '06-30',
    });
    expect(task.status, task.text).toBe(201);
    await padmin.req('PATCH', `/api/plans/${p.id}/tasks/${task.body.id}`, { status: 'done' });
    expect(await count()).toBe(a + 4);
  });

  it('a national plan is read by province officers, changed only by national users', async () => {
    const p = await planWith(national, null, [htxTarget]);
    expect((await padmin.get(`/api/plans/${p.id}`)).status).toBe(200);
    const patch = await padmin.req('PATCH', `/api/plans/${p.id}`, { summary: 'x', version: 1 });
    expect([patch.status, patch.body.code]).toEqual([403, 'plan.national_read_only']);
    const nb = await h.login('padmin.nb');
    const other = await planWith(nb, u.otherCommune, []);
    expect((await padmin.get(`/api/plans/${other.id}`)).status).toBe(404);
    const list = await padmin.get('/api/plans?pageSize=100');
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(other.id);
    expect(list.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
  });

  it('gives the province overview of the plans in force with their status counts', async () => {
    const r = await padmin.get(`/api/plans/overview?provinceId=${u.langSon}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.plans.length).toBeGreaterThan(0);
    const s = r.body.plans[0].summary;
    expect(Object.keys(s).sort()).toEqual(['achieved', 'at_risk', 'no_data', 'not_achieved', 'on_track']);
    expect((await padmin.get(`/api/plans/overview?provinceId=${u.ninhBinh}`)).status).toBe(404);
  });
});

describe('the original document', () => {
  it('is attached to the plan through the attachments module and listed on the plan page', async () => {
    const p = await planWith(padmin, u.langSon, []);
    const form = new FormData();
    form.set('ownerType', 'plan');
    form.set('ownerId', String(p.id));
    form.set(
      'file',
      new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'ke-hoach-goc.pdf', {
        type: 'application/pdf',
      }),
    );
    const up = await padmin.req('POST', '/api/attachments', undefined, { raw: form });
    expect(up.status, up.text).toBe(201);
    const page = await padmin.get(`/api/plans/${p.id}`);
    expect(page.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['ke-hoach-goc.pdf']);
    const nb = await h.login('padmin.nb');
    const form2 = new FormData();
    form2.set('ownerType', 'plan');
    form2.set('ownerId', String(p.id));
    form2.set(
      'file',
      new File([new TextEncoder().encode('%PDF-1.4\n')], 'x.pdf', { type: 'application/pdf' }),
    );
    expect((await nb.req('POST', '/api/attachments', undefined, { raw: form2 })).status).toBe(404);
  });
});

describe('performance: aggregates are read through indexes', () => {
  it('EXPLAIN of a territory query on the report and organisation aggregates uses their indexes', async () => {
    const plans = await h.database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const out: string[] = [];
      for (const q of [
        sql`explain select sum(reports) from plan_report_year a where (a.pre_commune_id = any(${[1, 2]}::int[]) or (a.pre_commune_id = 0 and a.commune_id = any(${[3, 4]}::int[]))) and a.year between 2020 and 2025`,
        sql`explain select sum(founded - ended) from plan_org_day a where a.commune_id = any(${[3, 4]}::int[]) and a.on_date between '2025-01-01' and '2025-06-30'`,
        sql`explain select sum(n) from plan_assessment_year a where a.commune_id = any(${[3, 4]}::int[]) and a.year = 2024`,
      ]) {
        const r = await q.execute(trx);
        out.push((r.rows as Record<string, string>[]).map((x) => Object.values(x)[0]).join('\n'));
      }
      return out;
    });
    for (const p of plans) expect(p).toMatch(/Index|Bitmap/);
    expect(plans[0]).toMatch(/plan_report_year_(pre_ix|year_ix|pk)/);
    expect(plans[1]).toMatch(/plan_org_day_(pre_ix|date_ix|pk)/);
  });
});
