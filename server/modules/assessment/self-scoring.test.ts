/**
 * Who enters self-scores: the cooperative through its own account; an officer on its behalf only when it is
 * paper-only or has no account (else 409 assessment.self_by_coop, and no submit action); the record flow stays open.
 * Also the member-survey fields of a rubric scored by the survey average (TT 09/2017/TT-BNNPTNT Art. 5(1)).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { ensureCampaign, rubricId } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;
let national: TestClient;
let coop: TestClient;
const Y = 2024;
const url = (org: number, suffix = '', year = Y) => `/api/organisations/${org}/assessments/${year}${suffix}`;
const setPaperOnly = (org: number, paperOnly: boolean) =>
  h.database.db.updateTable('organisation').set({ paper_only: paperOnly }).where('id', '=', org).execute();

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  await ensureCampaign(h, fx.langSon, Y);
  [padmin, national, coop] = await Promise.all([h.login('padmin'), h.login('national'), h.login('coop')]);
});
afterAll(() => h.close());

describe('self-scoring by officers', () => {
  it('lets the cooperative with its own account score itself', async () => {
    const r = await coop.req('PUT', url(fx.orgOwn), { scores: [{ code: '1a', score: 4 }] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.selfScoring).toBe('own_account');
    expect(r.body.assessment.allowedActions).toContain('submit');
  });

  it('shows an officer the self-scores of such a cooperative read-only and refuses their save and submit', async () => {
    const a = (await padmin.get(url(fx.orgOwn))).body.assessment;
    expect(a.selfScoring).toBe('coop_account');
    expect(a.allowedActions).not.toContain('submit');
    const save = await padmin.req('PUT', url(fx.orgOwn), { scores: [{ code: '1a', score: 6 }] });
    expect([save.status, save.body.code]).toEqual([409, 'assessment.self_by_coop']);
    expect(save.body.detail).toMatch(/tài khoản riêng/);
    const submit = await national.post(url(fx.orgOwn, '/submit'), {});
    expect([submit.status, submit.body.code]).toEqual([409, 'assessment.self_by_coop']);
    const kept = (await coop.get(url(fx.orgOwn))).body.assessment.items.find(
      (i: { code: string }) => i.code === '1a',
    );
    expect(kept.selfScore).toBe(4);
  });

  it('lets an officer score on behalf of a paper-only cooperative, even one with an account', async () => {
    await setPaperOnly(fx.orgOwn, true);
    try {
      const r = await padmin.req('PUT', url(fx.orgOwn), { scores: [{ code: '1a', score: 5 }] });
      expect(r.status, r.text).toBe(200);
      expect(r.body.assessment.selfScoring).toBe('paper_only');
      expect(r.body.assessment.allowedActions).toContain('submit');
    } finally {
      await setPaperOnly(fx.orgOwn, false);
    }
  });

  it('lets an officer score on behalf of a cooperative without an account', async () => {
    const r = await padmin.req('PUT', url(fx.orgSibling), { scores: [{ code: '1a', score: 3 }] });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.selfScoring).toBe('no_account');
  });

  it('counts only active accounts: a deactivated cooperative account hands scoring to the officer', async () => {
    await h.database.db
      .updateTable('app_user')
      .set({ active: false })
      .where('username', '=', 'coop')
      .execute();
    try {
      expect((await padmin.get(url(fx.orgOwn))).body.assessment.selfScoring).toBe('no_account');
    } finally {
      await h.database.db
        .updateTable('app_user')
        .set({ active: true })
        .where('username', '=', 'coop')
        .execute();
    }
  });

  it('keeps the record flow open to officers for a cooperative with its own account', async () => {
    const r = await padmin.post(`/api/organisations/${fx.orgOwn}/assessments/2018/record`, { total: 72 });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.imported).toBe(true);
  });
});

describe('member survey (TT 09/2017)', () => {
  it('flags the rubric and its survey-scored item, and suggests the average of the valid forms', async () => {
    await ensureCampaign(h, fx.ninhBinh, 2022, await rubricId(h, 'TT09-2017'));
    const nb = await h.login('padmin.nb');
    const before = (await nb.get(url(fx.orgOther, '', 2022))).body.assessment;
    expect(before.rubric.usesSurvey).toBe(true);
    expect(before.selfScoring).toBe('no_account');
    const six = (a: { items: { code: string }[] }) =>
      a.items.find((i) => i.code === '6') as Record<string, unknown>;
    expect(six(before).scoringKind).toBe('survey_average');
    const r = await nb.req('PUT', url(fx.orgOther, '', 2022), { survey: { validForms: 40, scoreSum: 700 } });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment.survey).toEqual({ validForms: 40, scoreSum: 700 });
    expect(six(r.body.assessment).suggested).toBe(17.5);
    const tt01 = (await coop.get(url(fx.orgOwn))).body.assessment;
    expect(tt01.rubric.usesSurvey).toBe(false);
  });
});
