/** The yearly self-assessment through the API: self-scoring, submission rules, review, confirmation, publication. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { ensureCampaign, HALF_SHEET, resetAssessment, rubricId } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let coop: TestClient;
let cofficer: TestClient;
let pofficer: TestClient;
const Y = 2024;
const url = (org: number, suffix = '') => `/api/organisations/${org}/assessments/${Y}${suffix}`;
const sheet = (over: Record<string, number | null> = {}) =>
  Object.entries({ ...HALF_SHEET, ...over }).map(([code, score]) => ({ code, score }));
const audits = async (id: number) =>
  (
    await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'assessment')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  await ensureCampaign(h, fx.langSon, Y);
  [coop, cofficer, pofficer] = await Promise.all([h.login('coop'), h.login('cofficer'), h.login('pofficer')]);
});
afterAll(() => h.close());

describe('saveAssessment and submit', () => {
  it('creates the draft on first save, keeps an over-maximum score but refuses submission listing items and approvals', async () => {
    const before = await coop.get(url(fx.orgOwn));
    expect(before.status, before.text).toBe(200);
    expect(before.body.assessment.id).toBeNull();
    const saved = await coop.req('PUT', url(fx.orgOwn), { scores: sheet({ '1a': 7, '4c': null }) });
    expect(saved.status, saved.text).toBe(200);
    const a = saved.body.assessment;
    expect(a.id).toBeGreaterThan(0);
    expect(a.issues.map((i: { itemCode: string; code: string }) => `${i.code}:${i.itemCode}`)).toEqual([
      'exceeds:1a',
      'missing:4c',
    ]);
    const r = await coop.post(url(fx.orgOwn, '/submit'), {});
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('assessment.incomplete');
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'scores.1a',
      'scores.4c',
      'board',
      'supervisor',
    ]);
    expect(r.body.detail).toMatch(/Chưa thể nộp phiếu/);
  });

  it('submits once the sheet is complete and both boards approved it; the self total is the sum of the scores', async () => {
    const saved = await coop.req('PUT', url(fx.orgOwn), {
      scores: sheet({ '1a': 6, '4c': 1 }),
      board: { name: 'Hoàng Văn Lâm', approvedOn: '2024-12-05' },
      supervisor: { name: 'Lý Thị Mai', approvedOn: '2024-12-06' },
      serviceType: 'production',
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.assessment.issues).toEqual([]);
    expect(saved.body.assessment.selfTotal).toBe(60 + 3 + 0);
    expect(saved.body.assessment.classification.serviceType).toBe('production');
    const r = await coop.post(url(fx.orgOwn, '/submit'), {});
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.status).toBe('self_submitted');
    expect(r.body.assessment.allowedActions).toEqual([]);
  });

  it('refuses further edits by the cooperative (409 assessment.not_editable) and a second submission (409 invalid_transition)', async () => {
    const e = await coop.req('PUT', url(fx.orgOwn), { scores: [{ code: '1a', score: 1 }] });
    expect([e.status, e.body.code]).toEqual([409, 'assessment.not_editable']);
    const s = await coop.post(url(fx.orgOwn, '/submit'), {});
    expect([s.status, s.body.code]).toEqual([409, 'assessment.invalid_transition']);
    expect(s.body.detail).toContain('Đã nộp, chờ xã xem xét');
  });
});

describe('review by the commune and confirmation by the province', () => {
  it('hides the assessment from a commune officer of another commune (404)', async () => {
    const other = await h.login('cofficer.sibling');
    expect((await other.get(url(fx.orgOwn))).status).toBe(404);
    expect((await other.post(url(fx.orgOwn, '/accept'), {})).status).toBe(404);
  });

  it('returns with per-item comments; the cooperative sees them, corrects and resubmits', async () => {
    const r = await cofficer.post(url(fx.orgOwn, '/return'), {
      comment: 'Đề nghị xem lại nhóm tài chính',
      items: [{ code: '3a', comment: 'Doanh thu chưa khớp báo cáo năm' }],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.status).toBe('returned');
    const seen = (await coop.get(url(fx.orgOwn))).body.assessment;
    expect(seen.reviewComment).toBe('Đề nghị xem lại nhóm tài chính');
    expect(seen.items.find((i: { code: string }) => i.code === '3a').returnComment).toBe(
      'Doanh thu chưa khớp báo cáo năm',
    );
    expect((await coop.req('PUT', url(fx.orgOwn), { scores: [{ code: '3a', score: 1.5 }] })).status).toBe(
      200,
    );
    expect((await coop.post(url(fx.orgOwn, '/submit'), {})).body.assessment.status).toBe('self_submitted');
  });

  it('lets the commune accept but not confirm, and the cooperative neither (403)', async () => {
    expect((await cofficer.post(url(fx.orgOwn, '/confirm'), {})).status).toBe(403);
    expect((await coop.post(url(fx.orgOwn, '/accept'), {})).status).toBe(403);
    const r = await cofficer.post(url(fx.orgOwn, '/accept'), { comment: 'Đạt yêu cầu' });
    expect(r.body.assessment.status).toBe('commune_reviewed');
  });

  it('refuses an officer score above the item maximum (400 assessment.score_exceeds)', async () => {
    const r = await pofficer.post(url(fx.orgOwn, '/confirm'), { officerScores: [{ code: '5', score: 9 }] });
    expect([r.status, r.body.code]).toEqual([400, 'assessment.score_exceeds']);
    expect(r.body.errors[0].message).toContain('vượt điểm tối đa 8');
  });

  it('confirms: officer scores beside self-scores, final = officer where given else self, band from the total', async () => {
    const r = await pofficer.post(url(fx.orgOwn, '/confirm'), {
      officerScores: [
        { code: '5', score: 8, note: 'Chấp hành tốt' },
        { code: '10', score: 10 },
      ],
    });
    expect(r.status, r.text).toBe(200);
    const a = r.body.assessment;
    // 60 on the half sheet; 1a 6 (+3), 4c 1 (half of 2: +0), 3a 1,5 (−0,5) → 62,5; officer 5: 8 (+4), 10: 10 (+5) → 71,5.
    expect(a.selfTotal).toBe(62.5);
    expect(a.finalTotal).toBe(71.5);
    expect(a.officerTotal).toBe(a.finalTotal);
    expect(a.band).toBe('kha');
    const five = a.items.find((i: { code: string }) => i.code === '5');
    expect([five.selfScore, five.officerScore, five.officerNote]).toEqual([4, 8, 'Chấp hành tốt']);
  });

  it('shows the band to the cooperative only once published', async () => {
    const before = (await coop.get(url(fx.orgOwn))).body.assessment;
    expect([
      before.band,
      before.finalTotal,
      before.items.find((i: { code: string }) => i.code === '5').officerScore,
    ]).toEqual([null, null, null]);
    expect((await coop.get(`/api/organisations/${fx.orgOwn}/assessments`)).body.items).toEqual([
      expect.objectContaining({ year: Y, status: 'confirmed', band: null, total: null, selfTotal: 62.5 }),
    ]);
    expect((await pofficer.post(url(fx.orgOwn, '/publish'), {})).body.assessment.status).toBe('published');
    const after = (await coop.get(url(fx.orgOwn))).body.assessment;
    expect([after.band, after.bandLabel, after.finalTotal]).toEqual(['kha', 'Khá', 71.5]);
    expect((await coop.get(`/api/organisations/${fx.orgOwn}/assessments`)).body.items[0]).toMatchObject({
      band: 'kha',
      total: 71.5,
    });
  });

  it('wrote exactly one audit row per step', async () => {
    const id = (await coop.get(url(fx.orgOwn))).body.assessment.id;
    expect(await audits(id)).toEqual([
      'assessment.save',
      'assessment.save',
      'assessment.submit',
      'assessment.return',
      'assessment.save',
      'assessment.submit',
      'assessment.accept',
      'assessment.confirm',
      'assessment.publish',
    ]);
  });

  it('lets only a province admin reopen, which clears the band (the constraint keeps bands for confirmed results)', async () => {
    expect((await pofficer.post(url(fx.orgOwn, '/reopen'), { comment: 'Khiếu nại' })).status).toBe(403);
    const admin = await h.login('padmin');
    const r = await admin.post(url(fx.orgOwn, '/reopen'), { comment: 'Có khiếu nại về tiêu chí 5' });
    expect(r.body.assessment).toMatchObject({ status: 'commune_reviewed', band: null, finalTotal: null });
  });
});

describe('illegal transitions', () => {
  it.each([
    ['draft', 'accept'],
    ['draft', 'publish'],
    ['self_submitted', 'confirm'],
    ['commune_reviewed', 'publish'],
    ['published', 'return'],
  ])('refuses %s → %s with 409 assessment.invalid_transition and no change', async (status, action) => {
    const id = await resetAssessment(h, fx.orgSibling, Y, status);
    const admin = await h.login('padmin');
    const r = await admin.post(url(fx.orgSibling, `/${action}`), action === 'return' ? { comment: 'x' } : {});
    expect([r.status, r.body.code]).toEqual([409, 'assessment.invalid_transition']);
    const row = await h.database.db
      .selectFrom('assessment_result')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe(status);
  });
});

describe('rubrics with data-driven rules (TT 09/2017)', () => {
  it('suggests scores from approved yearly figures, flags differences, and makes a sanctioned cooperative Yếu', async () => {
    const db = h.database.db;
    const org = fx.orgOther; // Ninh Bình, agriculture
    await ensureCampaign(h, fx.ninhBinh, 2023, await rubricId(h, 'TT09-2017'));
    await db
      .insertInto('annual_report')
      .values({
        organisation_id: org,
        year: 2023,
        period: 'year',
        status: 'approved',
        revenue_total: '6000000000',
        fund_development_pct: '25',
        fund_reserve_pct: '3',
        administrative_sanction: true,
      } as never)
      .execute();
    const nb = await h.login('padmin.nb');
    const u = `/api/organisations/${org}/assessments/2023`;
    const s = await nb.req('PUT', u, {
      scores: [
        { code: '1a', score: 4 },
        { code: '1b', score: 8 },
        { code: '1c', score: 4 },
        { code: '1d', score: 0 },
        { code: '1e', score: 0 },
        { code: '2a', score: 8 },
        { code: '3', score: 20 },
        { code: '4', score: 15 },
        { code: '5', score: 10 },
        { code: '6', score: 17.5 },
      ],
      board: { name: 'Đinh Văn Hùng', approvedOn: '2024-03-10' },
      supervisor: { name: 'Vũ Thị Hoa', approvedOn: '2024-03-11' },
      survey: { validForms: 40, scoreSum: 700 },
    });
    expect(s.status, s.text).toBe(200);
    const items = Object.fromEntries(s.body.assessment.items.map((i: { code: string }) => [i.code, i]));
    expect([items['1b'].suggested, items['1b'].differs]).toEqual([8, false]);
    expect([items['1d'].suggested, items['1d'].differs]).toEqual([5, true]);
    expect([items['1e'].suggested, items['1e'].differs]).toEqual([0, false]);
    expect(items['1a'].suggested).toBeNull();
    expect([items['6'].suggested, items['6'].needsAppendixText]).toEqual([17.5, 'cần bổ sung theo Phụ lục']);
    expect(s.body.assessment.selfTotal).toBe(86.5);
    for (const step of ['submit', 'accept', 'confirm'])
      expect((await nb.post(`${u}/${step}`, {})).status).toBe(200);
    const a = (await nb.get(u)).body.assessment;
    expect([a.finalTotal, a.band, a.overrideApplied, a.sanctioned]).toEqual([
      86.5,
      'yeu',
      'sanctioned',
      true,
    ]);
  });
});
