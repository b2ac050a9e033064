/** Opening, editing and closing a province's yearly assessment campaign. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { rubricId } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let admin: TestClient;
const ids: Record<string, number> = {};
let campaignId: number;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  admin = await h.login('padmin');
  const db = h.database.db;
  const add = async (key: string, code: string, kind: 'HTX' | 'LHHTX' | 'THT' = 'HTX') =>
    (ids[key] = await insertOrganisation(h, {
      regCode: code,
      name: `Hợp tác xã Thử ${key}`,
      communeId: fx.sibling,
      kind,
    }));
  await add('fund', '4900000101');
  await db
    .updateTable('organisation')
    .set({ credit_fund: true, field: 'finance' })
    .where('id', '=', ids.fund)
    .execute();
  await add('young', '4900000102');
  await db
    .updateTable('organisation')
    .set({ founded_on: '2024-06-10' })
    .where('id', '=', ids.young)
    .execute();
  await add('stopped', '4900000103');
  await db
    .insertInto('annual_report')
    .values({
      organisation_id: ids.stopped,
      year: 2024,
      period: 'year',
      status: 'approved',
      months_suspended: 5,
    } as never)
    .execute();
  await add('union', '4900000104', 'LHHTX');
  await add('group', '4900000105', 'THT');
  await add('gone', '4900000106');
  await db
    .updateTable('organisation')
    .set({ legal_status: 'dissolved', ended_on: '2023-05-01' })
    .where('id', '=', ids.gone)
    .execute();
  await add('later', '4900000107');
  await db
    .updateTable('organisation')
    .set({ founded_on: '2025-02-01' })
    .where('id', '=', ids.later)
    .execute();
});
afterAll(() => h.close());

describe('POST /api/assessment-campaigns', () => {
  it('opens the year with the rubric defaults (15/12, 18/12, 21/12) and one row per HTX/LHHTX of the year, exclusions recorded', async () => {
    const r = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2024,
      rubricVersionId: await rubricId(h),
    });
    expect(r.status, r.text).toBe(201);
    campaignId = r.body.campaign.id;
    expect(r.body.campaign).toMatchObject({
      year: 2024,
      rubricCode: 'TT01-2020',
      selfDeadline: '2024-12-15',
      communeDeadline: '2024-12-18',
      provinceDeadline: '2024-12-21',
      status: 'open',
    });
    expect(r.body.warnings).toEqual([]);
    const rows = await h.database.db
      .selectFrom('assessment_result')
      .select(['organisation_id', 'status', 'not_classified_reason'])
      .where('campaign_id', '=', campaignId)
      .execute();
    const byOrg = new Map(rows.map((x) => [x.organisation_id, x.not_classified_reason]));
    expect([...byOrg.keys()].sort((a, b) => a - b)).toEqual(
      [fx.orgOwn, fx.orgSibling, ids.fund, ids.young, ids.stopped, ids.union].sort((a, b) => a - b),
    );
    expect([
      byOrg.get(ids.fund),
      byOrg.get(ids.young),
      byOrg.get(ids.stopped),
      byOrg.get(ids.union),
      byOrg.get(fx.orgOwn),
    ]).toEqual(['credit_fund', 'new_lt_12_months', 'stopped_gt_3_months', null, null]);
    expect(r.body.results).toEqual({ created: 6, excluded: 3, skipped: 0 });
    const cls = await h.database.db
      .selectFrom('assessment_classification')
      .select('organisation_id')
      .where('year', '=', 2024)
      .execute();
    expect(cls).toHaveLength(6);
  });

  it('refuses a second campaign for the same year (409 campaign.exists)', async () => {
    const r = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2024,
      rubricVersionId: await rubricId(h),
    });
    expect([r.status, r.body.code]).toEqual([409, 'campaign.exists']);
  });

  it("answers 404 for another province's campaign and 403 without the permission", async () => {
    const nb = await h.login('padmin.nb');
    const r = await nb.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2023,
      rubricVersionId: await rubricId(h),
    });
    expect([r.status, r.body.code]).toEqual([404, 'not_found']);
    expect((await nb.get(`/api/assessment-campaigns/${campaignId}`)).status).toBe(404);
    expect(
      (
        await (
          await h.login('pofficer')
        ).post('/api/assessment-campaigns', { provinceId: fx.langSon, year: 2023, rubricVersionId: 1 })
      ).status,
    ).toBe(403);
  });

  it('warns when the rubric is no longer in force at the deadline (TT 01/2020 repealed from 18/9/2025)', async () => {
    const r = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2025,
      rubricVersionId: await rubricId(h),
    });
    expect(r.status).toBe(201);
    expect(r.body.warnings).toEqual([
      'Văn bản 01/2020/TT-BKHĐT hết hiệu lực từ 2025-09-18, trước hạn tự chấm 2025-12-15.',
    ]);
  });

  it('takes TT 09/2017 deadlines in the following year and records "no_rubric" for non-agricultural cooperatives', async () => {
    await h.database.db
      .updateTable('organisation')
      .set({ field: 'trade_service' })
      .where('id', '=', fx.orgSibling)
      .execute();
    const r = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2023,
      rubricVersionId: await rubricId(h, 'TT09-2017'),
    });
    expect(r.body.campaign).toMatchObject({
      selfDeadline: '2024-04-01',
      communeDeadline: '2024-04-10',
      provinceDeadline: '2024-04-15',
    });
    const row = await h.database.db
      .selectFrom('assessment_result')
      .select('not_classified_reason')
      .where('organisation_id', '=', fx.orgSibling)
      .where('year', '=', 2023)
      .executeTakeFirstOrThrow();
    expect(row.not_classified_reason).toBe('no_rubric');
  });

  it('refuses deadlines out of order (400 campaign.deadlines_order)', async () => {
    const r = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2022,
      rubricVersionId: await rubricId(h),
      selfDeadline: '2022-12-20',
      communeDeadline: '2022-12-18',
    });
    expect([r.status, r.body.code]).toEqual([400, 'campaign.deadlines_order']);
  });
});

describe('PATCH and close', () => {
  it('edits deadlines with the version read', async () => {
    const cur = (await admin.get(`/api/assessment-campaigns/${campaignId}`)).body.campaign;
    expect(cur.counts).toEqual({ byStatus: { draft: 3 }, excluded: 3, total: 6 });
    const r = await admin.patch(`/api/assessment-campaigns/${campaignId}`, {
      selfDeadline: '2024-12-20',
      communeDeadline: '2024-12-24',
      provinceDeadline: '2024-12-28',
      version: cur.version,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.campaign.selfDeadline).toBe('2024-12-20');
  });

  it('closes: who never submitted gets "not_submitted"; the cooperative can no longer save', async () => {
    const coop = await h.login('coop');
    const r = await admin.post(`/api/assessment-campaigns/${campaignId}/close`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.notSubmitted).toBe(3);
    const s = await coop.req('PUT', `/api/organisations/${fx.orgOwn}/assessments/2024`, {
      scores: [{ code: '1a', score: 1 }],
    });
    expect([s.status, s.body.code]).toEqual([409, 'assessment.excluded']);
    const own = (await coop.get(`/api/organisations/${fx.orgOwn}/assessments/2024`)).body.assessment;
    expect(own.notClassifiedLabel).toBe('Không nộp bảng tự chấm điểm');
  });
});
