import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditCount, createOrg, expectProblem, orgBody } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;
let cofficer: TestClient;
let coop: TestClient;

const version = async (id: number) =>
  (
    await h.database.db
      .selectFrom('organisation')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
const patch = async (client: TestClient, id: number, changes: Record<string, unknown>, v?: number) =>
  client.patch(`/api/organisations/${id}`, { changes, version: v ?? (await version(id)) });

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [pofficer, cofficer, coop] = await Promise.all([h.login('pofficer'), h.login('cofficer'), h.login('coop')]);
});
afterAll(() => h.close());

describe('PATCH /api/organisations/:id by an officer', () => {
  it('applies a partial change, bumps the version and writes one audit row with before and after', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang, { phone: '0205 111 222' });
    const before = await auditCount(h);
    const r = await patch(pofficer, o.id, { phone: '0205 999 888', shortName: 'HTX Mới' }, 1);
    expect(r.status, r.text).toBe(200);
    expect(r.body.organisation).toMatchObject({
      phone: '0205 999 888',
      shortName: 'HTX Mới',
      version: 2,
      name: o.name,
      charterCapital: '500000000',
    });
    expect(await auditCount(h)).toBe(before + 1);
    const row = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'organisation.update', entity_id: String(o.id) });
    expect((row.before as { phone: string }).phone).toBe('0205 111 222');
    expect(row.after as { phone: string; version: number }).toMatchObject({
      phone: '0205 999 888',
      version: 2,
    });
  });

  it('re-derives the field when the main business line changes, unless a field is given', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang, {
      vsicCode: '0111',
      agriSubtype: 'crop',
    });
    expectProblem(await patch(pofficer, o.id, { vsicCode: '4933' }), 400, 'organisation.agri_subtype_field');
    const r = await patch(pofficer, o.id, { vsicCode: '4933', agriSubtype: null });
    expect(r.body.organisation).toMatchObject({
      vsicCode: '4933',
      field: 'trade_service',
      agriSubtype: null,
    });
    const kept = await patch(pofficer, o.id, { vsicCode: '0111', field: 'finance' });
    expect(kept.body.organisation.field).toBe('finance');
  });

  it('refuses unknown fields and an empty change', async () => {
    expectProblem(await patch(pofficer, fx.orgOwn, { colour: 'red' }), 400, 'validation.failed');
    expectProblem(await patch(pofficer, fx.orgOwn, {}), 400, 'organisation.no_changes');
    expectProblem(
      await pofficer.patch(`/api/organisations/${fx.orgOwn}`, { changes: { phone: '1' } }),
      400,
      'validation.failed',
    );
  });

  it('never overwrites silently: a stale version gets 409 with the current data and the fields others changed', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    // Two officers open the same version 1.
    expect((await patch(pofficer, o.id, { phone: '0205 123 456', address: 'Thôn Pò Mã' }, 1)).status).toBe(
      200,
    );
    const before = await auditCount(h);
    const stale = await patch(cofficer, o.id, { name: 'Hợp tác xã Tên Khác Hẳn' }, 1);
    expectProblem(stale, 409, 'organisation.version_conflict');
    expect(stale.body.current).toMatchObject({ id: o.id, version: 2, phone: '0205 123 456', name: o.name });
    expect(stale.body.changedFields).toEqual(['address', 'phone']);
    expect(await auditCount(h)).toBe(before);
    expect(
      (
        await h.database.db
          .selectFrom('organisation')
          .select('name')
          .where('id', '=', o.id)
          .executeTakeFirstOrThrow()
      ).name,
    ).toBe(o.name);
    // A lifecycle event is a change too.
    expect(
      (
        await pofficer.post(`/api/organisations/${o.id}/events`, {
          kind: 'suspended',
          occurredOn: '2024-06-01',
        })
      ).status,
    ).toBe(201);
    const stale2 = await patch(cofficer, o.id, { name: 'Hợp tác xã Tên Khác Hẳn' }, 2);
    expect(stale2.body.changedFields).toEqual(['legalStatus', 'statusChangedOn']);
    const retry = await patch(cofficer, o.id, { name: 'Hợp tác xã Tên Khác Hẳn' }, 3);
    expect(retry.status, retry.text).toBe(200);
    expect(retry.body.organisation).toMatchObject({ name: 'Hợp tác xã Tên Khác Hẳn', version: 4 });
  });

  it('keeps a changed registration code retired: no other organisation may take it', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    const fresh = orgBody(fx.dongDang).regCode;
    expect((await patch(pofficer, o.id, { regCode: fresh })).status).toBe(200);
    expectProblem(
      await pofficer.post('/api/organisations', orgBody(fx.dongDang, { regCode: o.regCode })),
      409,
      'organisation.reg_code_taken',
    );
    expect((await patch(pofficer, o.id, { regCode: o.regCode })).status).toBe(200);
  });

  it('checks name uniqueness on rename, but an unrelated edit is not blocked by an older clash', async () => {
    const a = await createOrg(pofficer, fx.dongDang, { name: 'Hợp tác xã Ánh Dương' });
    const b = await createOrg(pofficer, fx.sibling, { name: 'Hợp tác xã Bình Minh' });
    expectProblem(
      await patch(pofficer, b.organisation.id, { name: 'HTX Ánh Dương' }),
      409,
      'organisation.name_taken',
    );
    // An older duplicate (e.g. imported) does not stop editing the phone number.
    await h.database.db
      .updateTable('organisation')
      .set({ name_key: 'anh duong' })
      .where('id', '=', b.organisation.id)
      .execute();
    expect((await patch(pofficer, b.organisation.id, { phone: '0205 000 111' })).status).toBe(200);
    expect(a.organisation.id).not.toBe(b.organisation.id);
  });

  it('changes the legal status only among live statuses: ending goes through the dissolution event', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    expectProblem(
      await patch(pofficer, o.id, { legalStatus: 'dissolved' }),
      400,
      'organisation.status_via_event',
    );
    const r = await patch(pofficer, o.id, { legalStatus: 'not_at_address' });
    expect(r.status).toBe(200);
    expect(r.body.organisation.statusChangedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      (
        await pofficer.post(`/api/organisations/${o.id}/events`, {
          kind: 'dissolved',
          occurredOn: '2024-12-01',
        })
      ).status,
    ).toBe(201);
    expectProblem(await patch(pofficer, o.id, { legalStatus: 'active' }), 409, 'organisation.ended');
  });

  it('sets and clears the paper-only flag (officers only)', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    expect((await patch(pofficer, o.id, { paperOnly: true })).body.organisation.paperOnly).toBe(true);
    expect(
      (await pofficer.get(`/api/organisations?paperOnly=true&unitId=${fx.dongDang}`)).body.items.map(
        (x: { id: number }) => x.id,
      ),
    ).toEqual([o.id]);
    expectProblem(await patch(coop, fx.orgOwn, { paperOnly: true }), 403, 'forbidden');
  });
});

describe('PATCH /api/organisations/:id by the cooperative itself, and change requests', () => {
  it('applies non-registration fields directly', async () => {
    const before = await auditCount(h);
    const r = await patch(coop, fx.orgOwn, { phone: '0912 345 678', email: 'htx@example.vn' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.organisation).toMatchObject({ phone: '0912 345 678', email: 'htx@example.vn' });
    expect(await auditCount(h)).toBe(before + 1);
  });

  it('turns registration changes into a pending request (202) that an officer approves in one transaction', async () => {
    const v = await version(fx.orgOwn);
    const before = await auditCount(h);
    const r = await patch(
      coop,
      fx.orgOwn,
      { name: 'Hợp tác xã Nông nghiệp Đồng Đăng Mới', address: 'Khối 3, Đồng Đăng', phone: '0912 000 000' },
      v,
    );
    expect(r.status, r.text).toBe(202);
    expect(r.body.changeRequest).toMatchObject({
      status: 'pending',
      changes: { name: 'Hợp tác xã Nông nghiệp Đồng Đăng Mới', address: 'Khối 3, Đồng Đăng' },
    });
    expect(r.body.changeRequest.changes.phone).toBeUndefined();
    expect(r.body.organisation).toMatchObject({
      name: 'Hợp tác xã Nông nghiệp Đồng Đăng',
      phone: '0912 000 000',
      version: v + 1,
    });
    expect(await auditCount(h)).toBe(before + 1);

    const seen = await cofficer.get(`/api/organisations/${fx.orgOwn}/change-requests`);
    expect(seen.body.items.map((x: { id: number }) => x.id)).toContain(r.body.changeRequest.id);
    expect((await coop.get(`/api/organisations/${fx.orgOwn}/change-requests`)).status).toBe(200);
    expect((await cofficer.get(`/api/organisations/${fx.orgOwn}`)).body.openChangeRequests).toBe(1);
    expectProblem(
      await patch(coop, fx.orgOwn, { charterCapital: 900_000_000 }),
      409,
      'organisation.change_request_pending',
    );

    expectProblem(
      await coop.post(`/api/change-requests/${r.body.changeRequest.id}/approve`, {}),
      403,
      'forbidden',
    );
    const sibling = await h.login('cofficer.sibling');
    expectProblem(
      await sibling.post(`/api/change-requests/${r.body.changeRequest.id}/approve`, {}),
      404,
      'not_found',
    );

    const mid = await auditCount(h);
    const ok = await cofficer.post(`/api/change-requests/${r.body.changeRequest.id}/approve`, {
      comment: 'Khớp giấy chứng nhận',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.changeRequest).toMatchObject({
      status: 'approved',
      comment: 'Khớp giấy chứng nhận',
      reviewerName: 'cofficer',
    });
    expect(ok.body.organisation).toMatchObject({
      name: 'Hợp tác xã Nông nghiệp Đồng Đăng Mới',
      address: 'Khối 3, Đồng Đăng',
      version: v + 2,
    });
    expect(await auditCount(h)).toBe(mid + 1);
    expectProblem(
      await cofficer.post(`/api/change-requests/${r.body.changeRequest.id}/approve`, {}),
      409,
      'change_request.decided',
    );
  });

  it('validates a request when made and again when approved', async () => {
    const other = await createOrg(pofficer, fx.sibling, { name: 'Hợp tác xã Sao Mai' });
    expectProblem(await patch(coop, fx.orgOwn, { name: 'HTX Sao Mai' }), 409, 'organisation.name_taken');
    const r = await patch(coop, fx.orgOwn, { name: 'Hợp tác xã Sao Hôm' });
    expect(r.status, r.text).toBe(202);
    // Meanwhile another HTX takes the name: approval must fail and leave everything as it was.
    expect((await patch(pofficer, other.organisation.id, { name: 'Hợp tác xã Sao Hôm' })).status).toBe(200);
    const v = await version(fx.orgOwn);
    expectProblem(
      await cofficer.post(`/api/change-requests/${r.body.changeRequest.id}/approve`, {}),
      409,
      'organisation.name_taken',
    );
    const still = await h.database.db
      .selectFrom('registration_change_request')
      .select('status')
      .where('id', '=', r.body.changeRequest.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('pending');
    expect(await version(fx.orgOwn)).toBe(v);
    // The officer rejects it, with a reason.
    expectProblem(
      await cofficer.post(`/api/change-requests/${r.body.changeRequest.id}/reject`, { comment: ' ' }),
      400,
      'validation.failed',
    );
    const before = await auditCount(h);
    const rej = await cofficer.post(`/api/change-requests/${r.body.changeRequest.id}/reject`, {
      comment: 'Tên đã có HTX khác dùng',
    });
    expect(rej.status, rej.text).toBe(200);
    expect(rej.body.changeRequest).toMatchObject({ status: 'rejected', comment: 'Tên đã có HTX khác dùng' });
    expect(await auditCount(h)).toBe(before + 1);
    expect(await version(fx.orgOwn)).toBe(v);
  });
});
