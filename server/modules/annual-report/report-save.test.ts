/** Yearly reports: saving drafts (validation, versions, derived totals, warnings), the required-figure block, lists. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditOf, COMPLETE, reportPath, saveFigures } from './report-test-helpers.js';
import { currentYearVn } from './report-view.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const u of ['coop', 'cofficer', 'cofficer.sibling', 'padmin', 'padmin.nb', 'national'])
    c[u] = await h.login(u);
});
afterAll(() => h.close());

describe('saving a draft', () => {
  it('creates the report on first save with derived member totals and one audit row of the changes', async () => {
    const r = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023), {
      figures: {
        memberOfficialIndividual: 10,
        memberOfficialLegal: 2,
        memberAssociateNoncapital: 5,
        profitBeforeTax: '-15000000',
      },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.report).toMatchObject({
      status: 'draft',
      version: 1,
      membersOfficial: 12,
      membersTotal: 17,
      profitBeforeTax: -15_000_000,
      editable: true,
    });
    expect(r.body.report.figures).toMatchObject({
      memberOfficialIndividual: 10,
      memberOfficialHousehold: null,
      profitBeforeTax: -15_000_000,
    });
    const audit = await auditOf(h, r.body.report.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'report.create', before: null, province_id: fx.langSon });
    expect(audit[0].after).toMatchObject({
      year: 2023,
      memberOfficialIndividual: 10,
      profitBeforeTax: -15_000_000,
    });
  });

  it('merges a partial save, clears a figure with null and recomputes the totals', async () => {
    const r = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023), {
      figures: { memberOfficialLegal: null, memberAssociateNoncapital: 1 },
      version: 1,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.report).toMatchObject({ version: 2, membersOfficial: 10, membersTotal: 11 });
    expect(r.body.report.figures).toMatchObject({
      memberOfficialIndividual: 10,
      memberOfficialLegal: null,
      profitBeforeTax: -15_000_000,
    });
    const audit = await auditOf(h, r.body.report.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'report.update',
      before: { memberOfficialLegal: 2, memberAssociateNoncapital: 5 },
      after: expect.objectContaining({ memberOfficialLegal: null, memberAssociateNoncapital: 1 }),
    });
  });

  it('answers 409 report.version_conflict for a stale or missing version, with the current report', async () => {
    const stale = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023), {
      figures: { workerTotal: 3 },
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'report.version_conflict', current: { version: 2 } });
    const missing = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023), { figures: { workerTotal: 3 } });
    expect(missing.status).toBe(409);
    expect(missing.body.code).toBe('report.version_conflict');
    expect((await c.coop.get(reportPath(fx.orgOwn, 2023))).body.report.figures.workerTotal).toBeNull();
  });

  it('gives per-field Vietnamese errors by type and refuses unknown keys', async () => {
    const r = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023), {
      figures: {
        workerTotal: -2,
        revenueTotal: -1,
        fundReservePct: 120,
        valueChain: 'yes',
        generalMeetingDate: '2023-13-01',
        laoDongThoiVu: 3,
      },
      version: 2,
    });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation.failed');
    const byPath = Object.fromEntries(
      r.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    );
    expect(Object.keys(byPath).sort()).toEqual([
      'figures',
      'figures.fundReservePct',
      'figures.generalMeetingDate',
      'figures.revenueTotal',
      'figures.valueChain',
      'figures.workerTotal',
    ]);
    expect(byPath['figures.workerTotal']).toBe('"Tổng số lao động" phải là số nguyên không âm.');
    expect(byPath.figures).toContain('laoDongThoiVu');
  });

  it('refuses a future year (400 report.year_in_future) and warns, without refusing, a year before the founding', async () => {
    const future = await c.coop.req('PUT', reportPath(fx.orgOwn, currentYearVn() + 1), {
      figures: { workerTotal: 1 },
    });
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('report.year_in_future');
    expect((await c.coop.req('PUT', reportPath(fx.orgOwn, 1989), { figures: {} })).status).toBe(400);
    const early = await c.coop.req('PUT', reportPath(fx.orgOwn, 2019), {
      figures: { memberOfficialIndividual: 3 },
    });
    expect(early.status).toBe(201);
    expect(early.body.report.warnings.map((w: { code: string }) => w.code)).toEqual([
      'report.before_founding',
      'legal_min.members',
    ]);
  });

  it('keeps the 6-month report apart from the yearly one', async () => {
    const r = await c.coop.req('PUT', reportPath(fx.orgOwn, 2023, '', 'h1'), { figures: { workerTotal: 4 } });
    expect(r.status).toBe(201);
    expect(r.body.report).toMatchObject({ period: 'h1', year: 2023 });
    expect((await c.coop.get(reportPath(fx.orgOwn, 2023))).body.report.figures.workerTotal).toBeNull();
    expect((await c.coop.get(`/api/organisations/${fx.orgOwn}/reports/2023?period=q3`)).status).toBe(400);
  });
});

describe('the required-figure block', () => {
  it('refuses submission with 400 report.incomplete listing what is missing, and changes nothing', async () => {
    const id = (await c.coop.get(reportPath(fx.orgOwn, 2023))).body.report.id;
    const before = (await auditOf(h, id)).length;
    const r = await c.coop.post(reportPath(fx.orgOwn, 2023, '/submit'));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('report.incomplete');
    expect(r.body.missing).toEqual(['workerTotal', 'revenueTotal', 'charterCapital']);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'figures.workerTotal',
      'figures.revenueTotal',
      'figures.charterCapital',
    ]);
    expect(r.body.detail).toMatch(/còn thiếu 3/);
    expect((await c.coop.get(reportPath(fx.orgOwn, 2023))).body.report).toMatchObject({
      status: 'draft',
      missing: expect.any(Array),
    });
    expect(await auditOf(h, id)).toHaveLength(before);
  });

  it('asks for at least one kind of official member', async () => {
    await saveFigures(c.coop, fx.orgOwn, 2023, {
      ...COMPLETE,
      memberOfficialIndividual: null,
      memberOfficialHousehold: null,
      memberOfficialLegal: null,
    });
    const r = await c.coop.post(reportPath(fx.orgOwn, 2023, '/submit'));
    expect(r.body.missing).toEqual([
      'memberOfficialIndividual',
      'memberOfficialHousehold',
      'memberOfficialLegal',
    ]);
    await saveFigures(c.coop, fx.orgOwn, 2023, { memberOfficialLegal: 0 });
    const ok = await c.coop.post(reportPath(fx.orgOwn, 2023, '/submit'));
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.report).toMatchObject({ status: 'submitted', missing: [] });
  });
});

describe('lists', () => {
  it('lists an organisation’s reports newest year first with status and key totals', async () => {
    const r = await c.cofficer.get(`/api/organisations/${fx.orgOwn}/reports`);
    expect(r.status).toBe(200);
    expect(
      r.body.items.map(
        (x: { year: number; period: string; status: string }) => `${x.year}/${x.period}/${x.status}`,
      ),
    ).toEqual(['2023/year/submitted', '2023/h1/draft', '2019/year/draft']);
    expect(r.body.items[0]).toMatchObject({
      revenueTotal: COMPLETE.revenueTotal,
      charterCapital: COMPLETE.charterCapital,
      openFlagCount: 0,
    });
  });

  it('the review queue holds only reports of the caller’s subtree, with names, commune and filters', async () => {
    await saveFigures(c.national, fx.orgSibling, 2023, COMPLETE);
    await c.national.post(reportPath(fx.orgSibling, 2023, '/submit'));
    await saveFigures(c.national, fx.orgOther, 2023, COMPLETE);
    const orgsOf = async (who: string, query = '') => {
      const r = await c[who].get(`/api/reports${query}`);
      expect(r.status, r.text).toBe(200);
      expect(r.body.total).toBe(r.body.items.length);
      return r.body.items.map((x: { organisationId: number }) => x.organisationId);
    };
    expect(new Set(await orgsOf('cofficer'))).toEqual(new Set([fx.orgOwn]));
    expect(new Set(await orgsOf('cofficer.sibling'))).toEqual(new Set([fx.orgSibling]));
    expect(new Set(await orgsOf('padmin'))).toEqual(new Set([fx.orgOwn, fx.orgSibling]));
    expect(await orgsOf('padmin.nb')).toEqual([fx.orgOther]);
    expect(new Set(await orgsOf('national'))).toEqual(new Set([fx.orgOwn, fx.orgSibling, fx.orgOther]));
    expect(await orgsOf('padmin', '?status=submitted&year=2023&period=year')).toHaveLength(2);
    const item = (await c.padmin.get('/api/reports?status=submitted&pageSize=1&page=2')).body;
    expect(item.total).toBe(2);
    expect(item.items).toHaveLength(1);
    const own = (await c.cofficer.get('/api/reports?status=submitted')).body.items[0];
    expect(own).toMatchObject({
      organisationName: 'Hợp tác xã Nông nghiệp Đồng Đăng',
      communeName: 'Xã Đồng Đăng',
      status: 'submitted',
      openFlagCount: 0,
    });
    expect(own.submittedAt).not.toBeNull();
    expect((await c.coop.get('/api/reports')).status).toBe(403);
  });
});
