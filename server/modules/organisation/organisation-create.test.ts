import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditCount, createOrg, expectProblem, nextRegCode, orgBody } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;
let cofficer: TestClient;
let national: TestClient;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [pofficer, cofficer, national] = await Promise.all([
    h.login('pofficer'),
    h.login('cofficer'),
    h.login('national'),
  ]);
});
afterAll(() => h.close());

describe('POST /api/organisations', () => {
  it('registers an organisation with the province of its commune, a founded event and exactly one audit row', async () => {
    const before = await auditCount(h);
    const body = await createOrg(pofficer, fx.dongDang, {
      name: 'Hợp tác xã Nông nghiệp Tân Thanh',
      shortName: 'HTX Tân Thanh',
    });
    expect(await auditCount(h)).toBe(before + 1);
    const o = body.organisation;
    expect(o).toMatchObject({
      kind: 'HTX',
      communeId: fx.dongDang,
      provinceId: fx.langSon,
      legalStatus: 'active',
      version: 1,
      demo: false,
    });
    expect(o.communeName).toMatch(/Đồng Đăng/);
    expect(o.charterCapital).toBe('500000000');
    const row = await h.database.db
      .selectFrom('organisation')
      .select(['name_key'])
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(row.name_key).toBe('nong nghiep tan thanh');
    const events = await h.database.db
      .selectFrom('organisation_event')
      .select(['kind', 'occurred_on'])
      .where('organisation_id', '=', o.id)
      .execute();
    expect(events).toEqual([{ kind: 'founded', occurred_on: '2021-03-01' }]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'organisation')
      .where('entity_id', '=', String(o.id))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['organisation.create']);
    expect(audit[0].province_id).toBe(fx.langSon);
  });

  it('derives the field of activity from the VSIC code when none is given', async () => {
    const agri = await createOrg(pofficer, fx.dongDang, { vsicCode: '0311' });
    expect(agri.organisation.field).toBe('agriculture');
    const transport = await createOrg(pofficer, fx.dongDang, { vsicCode: '4933' });
    expect(transport.organisation.field).toBe('trade_service');
    const explicit = await createOrg(pofficer, fx.dongDang, { vsicCode: '0111', field: 'trade_service' });
    expect(explicit.organisation.field).toBe('trade_service');
    expect(explicit.warnings.join(' ')).toMatch(/VSIC/);
  });

  it('rejects a malformed registration code, a VSIC code that is not level 4 and an unknown kind', async () => {
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { regCode: '12345' })),
      400,
      'validation.failed',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { vsicCode: '011' })),
      400,
      'validation.failed',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { vsicCode: '0411' })),
      400,
      'validation.failed',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { kind: 'CTY' })),
      400,
      'validation.failed',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { unknownField: 1 })),
      400,
      'validation.failed',
    );
  });

  it('accepts a dependent-unit code written with spaces and dots, stored normalised', async () => {
    const code = `${nextRegCode()}-001`;
    const spaced = `${code.slice(0, 4)} ${code.slice(4, 7)}.${code.slice(7)}`;
    const body = await createOrg(pofficer, fx.dongDang, { regCode: spaced });
    expect(body.organisation.regCode).toBe(code);
  });

  it('refuses a registration code already held, by an active or a dissolved organisation (never reused)', async () => {
    const taken = await createOrg(pofficer, fx.dongDang);
    expectProblem(
      await pofficer.post(
        '/api/organisations',
        orgBody(fx.dongDang, { regCode: taken.organisation.regCode }),
      ),
      409,
      'organisation.reg_code_taken',
    );
    const gone = await createOrg(pofficer, fx.dongDang);
    const ended = await pofficer.post(`/api/organisations/${gone.organisation.id}/events`, {
      kind: 'dissolved',
      occurredOn: '2024-05-01',
    });
    expect(ended.status, ended.text).toBe(201);
    const before = await auditCount(h);
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { regCode: gone.organisation.regCode })),
      409,
      'organisation.reg_code_taken',
    );
    expect(await auditCount(h)).toBe(before);
  });

  it('refuses the name of another HTX or LHHTX anywhere in the country, ignoring prefix, case and diacritics', async () => {
    await createOrg(national, fx.otherCommune, { name: 'Hợp tác xã Dịch vụ Hồng Phong' });
    const r = await pofficer.post(
      '/api/organisations',
      orgBody(fx.sibling, { name: 'HTX DICH VU HONG PHONG' }),
    );
    expectProblem(r, 409, 'organisation.name_taken');
    expectProblem(
      await pofficer.post(
        '/api/organisations',
        orgBody(fx.sibling, { kind: 'LHHTX', name: 'Liên hiệp HTX Dịch vụ Hồng Phong' }),
      ),
      409,
      'organisation.name_taken',
    );
  });

  it('lets a THT share a name with a THT of another commune, not of its own, and not collide with HTX names', async () => {
    await createOrg(pofficer, fx.dongDang, {
      kind: 'THT',
      name: 'Tổ hợp tác Chăn nuôi Bản Chu',
      governance: null,
    });
    expectProblem(
      await pofficer.post(
        '/api/organisations',
        orgBody(fx.dongDang, { kind: 'THT', name: 'THT chăn nuôi bản chu' }),
      ),
      409,
      'organisation.name_taken',
    );
    await createOrg(pofficer, fx.sibling, { kind: 'THT', name: 'Tổ hợp tác Chăn nuôi Bản Chu' });
    await createOrg(pofficer, fx.dongDang, { kind: 'HTX', name: 'Hợp tác xã Chăn nuôi Bản Chu' });
  });

  it('frees the name of a dissolved HTX', async () => {
    const old = await createOrg(pofficer, fx.dongDang, { name: 'Hợp tác xã Rau sạch Tân Liên' });
    expect(
      (
        await pofficer.post(`/api/organisations/${old.organisation.id}/events`, {
          kind: 'dissolved',
          occurredOn: '2023-01-01',
        })
      ).status,
    ).toBe(201);
    await createOrg(pofficer, fx.sibling, { name: 'Hợp tác xã Rau sạch Tân Liên' });
  });

  it('allows an agricultural sub-type only in agriculture', async () => {
    expectProblem(
      await pofficer.post(
        '/api/organisations',
        orgBody(fx.dongDang, { vsicCode: '4933', agriSubtype: 'crop' }),
      ),
      400,
      'organisation.agri_subtype_field',
    );
    const ok = await createOrg(pofficer, fx.dongDang, { vsicCode: '0150', agriSubtype: 'general' });
    expect(ok.organisation.agriSubtype).toBe('general');
  });

  it('warns about reduced governance for an HTX and refuses it for a THT', async () => {
    const htx = await createOrg(pofficer, fx.dongDang, { governance: 'reduced' });
    expect(htx.warnings.some((w) => w.includes('Điều 56'))).toBe(true);
    expect(htx.organisation.governance).toBe('reduced');
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { kind: 'THT', governance: 'reduced' })),
      400,
      'organisation.governance_kind',
    );
  });

  it('refuses a legal status that does not exist for the kind', async () => {
    expectProblem(
      await pofficer.post(
        '/api/organisations',
        orgBody(fx.dongDang, { kind: 'THT', legalStatus: 'bankruptcy' }),
      ),
      400,
      'organisation.legal_status_kind',
    );
  });

  it("requires a commune of today inside the caller's subtree", async () => {
    expectProblem(
      await cofficer.post('/api/organisations', orgBody(fx.sibling)),
      400,
      'organisation.commune_outside',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.otherCommune)),
      400,
      'organisation.commune_outside',
    );
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.langSon)),
      400,
      'organisation.commune_invalid',
    );
    const oldCommune = (
      await h.database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('era', '=', 'pre2025')
        .where('level', '=', 3)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(oldCommune)),
      400,
      'organisation.commune_invalid',
    );
    const own = await createOrg(cofficer, fx.dongDang);
    expect(own.organisation.communeId).toBe(fx.dongDang);
  });

  it('checks the old commune: it must be a pre-2025 commune, and one outside the lineage is only a warning', async () => {
    const preds = await h.database.db
      .selectFrom('admin_unit_lineage as l')
      .innerJoin('admin_unit as o', 'o.id', 'l.old_unit_id')
      .select('o.id')
      .where('l.new_unit_id', '=', fx.dongDang)
      .where('o.level', '=', 3)
      .execute();
    expect(preds.length).toBeGreaterThan(0);
    const inLineage = await createOrg(pofficer, fx.dongDang, { pre2025CommuneId: preds[0].id });
    expect(inLineage.warnings).toEqual([]);
    expect(inLineage.organisation.pre2025CommuneId).toBe(preds[0].id);
    const elsewhere = await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('era', '=', 'pre2025')
      .where('level', '=', 3)
      .where(
        'id',
        'not in',
        preds.map((p) => p.id),
      )
      .limit(1)
      .executeTakeFirstOrThrow();
    const warned = await createOrg(pofficer, fx.dongDang, { pre2025CommuneId: elsewhere.id });
    expect(warned.warnings.join(' ')).toMatch(/Xã cũ/);
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { pre2025CommuneId: fx.sibling })),
      400,
      'organisation.pre2025_commune_invalid',
    );
  });

  it('is refused to a cooperative user (403) and to anonymous callers (401)', async () => {
    const coop = await h.login('coop');
    expectProblem(await coop.post('/api/organisations', orgBody(fx.dongDang)), 403, 'forbidden');
    expectProblem(await h.anonymous().post('/api/organisations', orgBody(fx.dongDang)), 401, 'auth.required');
  });
});
