/** Rubric versions through the API: shipped data, copies, edits with per-item validation, activation, immutability. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { rubricId } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let admin: TestClient;
let national: TestClient;
let tt01: number;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  admin = await h.login('padmin');
  national = await h.login('national');
  tt01 = await rubricId(h);
});
afterAll(() => h.close());

describe('GET /api/rubrics', () => {
  it('lists both shipped rubrics as active, valid but incomplete, with their legal basis', async () => {
    const r = await (await h.login('coop')).get('/api/rubrics');
    expect(r.status).toBe(200);
    const byCode = Object.fromEntries(r.body.items.map((x: { code: string }) => [x.code, x]));
    expect(byCode['TT01-2020']).toMatchObject({
      status: 'active',
      shipped: true,
      valid: true,
      complete: false,
      legal: {
        documentNumber: '01/2020/TT-BKHĐT',
        issuer: 'Bộ Kế hoạch và Đầu tư',
        effectiveFrom: '2020-04-01',
        expiresOn: '2025-09-18',
      },
    });
    expect(byCode['TT01-2020'].legal.repealedBy).toContain('78/2025/TT-BTC');
    expect(byCode['TT09-2017']).toMatchObject({
      status: 'active',
      valid: true,
      appliesTo: { kinds: ['HTX'], fields: ['agriculture'] },
    });
  });

  it('returns the tree with the appendix flag and the group maximum bounding criteria 10–15', async () => {
    const r = await admin.get(`/api/rubrics/${tt01}`);
    const items = Object.fromEntries(r.body.rubric.items.map((i: { code: string }) => [i.code, i]));
    expect(r.body.rubric.items.map((i: { code: string }) => i.code).slice(0, 4)).toEqual([
      'I',
      '1',
      '1a',
      '1b',
    ]);
    expect(items['10']).toMatchObject({
      maxPoints: null,
      needsAppendix: true,
      needsAppendixText: 'cần bổ sung theo Phụ lục',
      effectiveMax: 40,
      depth: 1,
    });
    expect(items['1a']).toMatchObject({ maxPoints: 6, depth: 2, isLeaf: true, needsAppendixText: null });
    expect(r.body.rubric.bands).toEqual([
      { band: 'tot', min: 80 },
      { band: 'kha', min: 65 },
      { band: 'trung_binh', min: 50 },
      { band: 'yeu', min: 0 },
    ]);
    expect(r.body.rubric.validation.warnings).toHaveLength(6);
  });
});

describe('copy, edit, activate', () => {
  let draft: number;

  it('copies a shipped rubric into a draft owned by the province', async () => {
    const r = await admin.post(`/api/rubrics/${tt01}/copy`, { name: 'Bộ tiêu chí Lạng Sơn 2025' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.rubric).toMatchObject({
      status: 'draft',
      code: 'TT01-2020-BAN-1',
      ownerProvinceId: fx.langSon,
      derivedFromId: tt01,
      shipped: false,
    });
    draft = r.body.rubric.id;
  });

  it('saves an invalid draft and answers its validation errors per item', async () => {
    const cur = (await admin.get(`/api/rubrics/${draft}`)).body.rubric;
    const items = cur.items.map(
      ({ depth: _d, isLeaf: _l, effectiveMax: _e, needsAppendixText: _n, ...i }: Record<string, unknown>) =>
        i,
    );
    const one = items.find((i: { code: string }) => i.code === '1a');
    one.maxPoints = 5;
    one.scoring = {
      kind: 'levels',
      figure: 'totalCapital',
      levels: [
        { min: null, points: 1 },
        { min: 1e9, points: 7 },
      ],
    };
    const r = await admin.patch(`/api/rubrics/${draft}`, { items, version: cur.version });
    expect(r.status, r.text).toBe(200);
    const errs = r.body.rubric.validation.errors.map(
      (e: { code: string; itemCode?: string }) => `${e.code}:${e.itemCode}`,
    );
    expect(errs.sort()).toEqual(['rubric.children_sum:1', 'rubric.scoring_points:1a']);
    expect(r.body.rubric.valid).toBe(false);
    const act = await admin.post(`/api/rubrics/${draft}/activate`);
    expect([act.status, act.body.code]).toEqual([400, 'rubric.invalid']);
    expect(act.body.errors).toHaveLength(2);
  });

  it('activates the draft once fixed; an active version must stay valid', async () => {
    const cur = (await admin.get(`/api/rubrics/${draft}`)).body.rubric;
    const items = cur.items.map(
      ({ depth: _d, isLeaf: _l, effectiveMax: _e, needsAppendixText: _n, ...i }: Record<string, unknown>) =>
        i,
    );
    const one = items.find((i: { code: string }) => i.code === '1a');
    one.maxPoints = 6;
    one.scoring = {
      kind: 'levels',
      figure: 'totalCapital',
      levels: [
        { min: null, points: 1 },
        { min: 1e9, points: 3 },
        { min: 5e9, points: 6 },
      ],
    };
    expect(
      (await admin.patch(`/api/rubrics/${draft}`, { items, version: cur.version })).body.rubric.valid,
    ).toBe(true);
    const act = await admin.post(`/api/rubrics/${draft}/activate`);
    expect(act.status, act.text).toBe(200);
    expect(act.body.rubric.status).toBe('active');
    const v = act.body.rubric.version;
    const bad = await admin.patch(`/api/rubrics/${draft}`, {
      bands: [
        { band: 'tot', min: 80 },
        { band: 'kha', min: 85 },
        { band: 'trung_binh', min: 50 },
        { band: 'yeu', min: 0 },
      ],
      version: v,
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'rubric.invalid']);
  });

  it('takes the whole draft as the editor sends it: items added and deleted, levels, bands, rules, deadlines', async () => {
    const copy = (await admin.post(`/api/rubrics/${tt01}/copy`, { name: 'Bản nháp sửa toàn bộ' })).body
      .rubric;
    const items = copy.items
      .map(
        ({ depth: _d, isLeaf: _l, effectiveMax: _e, needsAppendixText: _n, ...i }: Record<string, unknown>) =>
          i,
      )
      .filter((i: { code: string }) => i.code !== '1b');
    items.push({
      code: '1c',
      parentCode: '1',
      level: 'sub',
      label: 'Vốn góp của thành viên tăng',
      maxPoints: 1,
      order: 99,
      note: null,
      needsAppendix: false,
      scoring: {
        kind: 'levels',
        figure: 'totalCapital',
        levels: [
          { min: null, points: 0 },
          { min: 5e8, exclusive: true, points: 1 },
        ],
      },
    });
    const body = {
      version: copy.version,
      name: 'Bản nháp sửa toàn bộ',
      maxTotal: 100,
      items,
      bands: [
        { band: 'tot', min: 85 },
        { band: 'kha', min: 70 },
        { band: 'trung_binh', min: 50 },
        { band: 'yeu', min: 0 },
      ],
      overrides: [{ kind: 'sanctioned', band: 'yeu', legalRef: 'Quy định của tỉnh' }],
      exclusions: [{ kind: 'founded_lt_months', months: 6, legalRef: 'Quy định của tỉnh' }],
      deadlines: { self: '12-10', commune: '12-15', province: '12-20', yearOffset: 0, note: null },
    };
    const ok = await admin.patch(`/api/rubrics/${copy.id}`, body);
    expect(ok.status, ok.text).toBe(200);
    const r = ok.body.rubric;
    expect(r.validation.errors).toEqual([]);
    expect(
      r.items
        .filter((i: { parentCode: string }) => i.parentCode === '1')
        .map((i: { code: string }) => i.code),
    ).toEqual(['1a', '1c']);
    expect(r.items.find((i: { code: string }) => i.code === '1c').scoring.levels[1]).toEqual({
      min: 5e8,
      exclusive: true,
      points: 1,
    });
    expect([r.bands[0], r.exclusions, r.overrides[0].legalRef, r.deadlines.self]).toEqual([
      { band: 'tot', min: 85 },
      [{ kind: 'founded_lt_months', months: 6, legalRef: 'Quy định của tỉnh' }],
      'Quy định của tỉnh',
      '12-10',
    ]);

    // Each error names the item or rule it concerns, in Vietnamese.
    const bad = await admin.patch(`/api/rubrics/${copy.id}`, {
      ...body,
      version: r.version,
      items: [...items, { ...items[0], code: 'IV', label: '', maxPoints: 5 }],
      bands: [body.bands[1], body.bands[0], body.bands[2], body.bands[3]],
      exclusions: [{ kind: 'stopped_gt_months', months: 13, legalRef: '' }],
    });
    const errs = bad.body.rubric.validation.errors.map(
      (e: { path: string; code: string }) => `${e.path} ${e.code}`,
    );
    expect(errs).toEqual(
      expect.arrayContaining([
        'items.IV rubric.item_label',
        'maxTotal rubric.children_sum',
        'bands rubric.bands_set',
        'exclusions.0 rubric.exclusion_months',
      ]),
    );
    expect(
      bad.body.rubric.validation.errors.find((e: { itemCode?: string }) => e.itemCode === 'IV').message,
    ).toBe('Tiêu chí "IV" chưa có tên.');
    const unknown = await admin.patch(`/api/rubrics/${copy.id}`, {
      version: 9,
      bands: [{ ...body.bands[0], x: 1 }],
    });
    expect([unknown.status, unknown.body.code]).toEqual([400, 'validation.failed']);
  });

  it('refuses a stale version (409 rubric.version_conflict)', async () => {
    const r = await admin.patch(`/api/rubrics/${draft}`, { name: 'Tên mới', version: 1 });
    expect([r.status, r.body.code]).toEqual([409, 'rubric.version_conflict']);
  });

  it('becomes immutable once a campaign uses it (409 rubric.in_use), and can still be retired', async () => {
    const open = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2025,
      rubricVersionId: draft,
    });
    expect(open.status, open.text).toBe(201);
    const cur = (await admin.get(`/api/rubrics/${draft}`)).body.rubric;
    expect(cur.inUse).toBe(true);
    const r = await admin.patch(`/api/rubrics/${draft}`, { name: 'Sửa sau khi dùng', version: cur.version });
    expect([r.status, r.body.code]).toEqual([409, 'rubric.in_use']);
    expect((await admin.post(`/api/rubrics/${draft}/retire`)).body.rubric.status).toBe('retired');
    const again = await admin.post('/api/assessment-campaigns', {
      provinceId: fx.langSon,
      year: 2026,
      rubricVersionId: draft,
    });
    expect([again.status, again.body.code]).toEqual([409, 'rubric.not_active']);
  });

  it('keeps the shipped rubrics read-only, even for national users (409 rubric.shipped)', async () => {
    const cur = (await national.get(`/api/rubrics/${await rubricId(h, 'TT09-2017')}`)).body.rubric;
    const r = await national.patch(`/api/rubrics/${cur.id}`, { name: 'x', version: cur.version });
    expect([r.status, r.body.code]).toEqual([409, 'rubric.shipped']);
  });

  it("hides another province's draft from a province admin (404)", async () => {
    const nb = await h.login('padmin.nb');
    const copy = await nb.post(`/api/rubrics/${tt01}/copy`);
    expect(copy.body.rubric.ownerProvinceId).toBe(fx.ninhBinh);
    const r = await admin.patch(`/api/rubrics/${copy.body.rubric.id}`, { name: 'x', version: 1 });
    expect([r.status, r.body.code]).toEqual([404, 'not_found']);
  });

  it('audits each change once', async () => {
    const rows = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'rubric_version')
      .where('entity_id', '=', String(draft))
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'rubric.copy',
      'rubric.update',
      'rubric.update',
      'rubric.activate',
      'rubric.retire',
    ]);
  });
});
