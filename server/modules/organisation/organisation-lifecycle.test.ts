import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditCount, createOrg, expectProblem } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;
let cofficer: TestClient;

const event = (client: TestClient, id: number, body: Record<string, unknown>) =>
  client.post(`/api/organisations/${id}/events`, body);

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [pofficer, cofficer] = await Promise.all([h.login('pofficer'), h.login('cofficer')]);
});
afterAll(() => h.close());

describe('POST /api/organisations/:id/events', () => {
  it('converts a THT into an HTX keeping its registration code, and only a THT', async () => {
    const { organisation: tht } = await createOrg(pofficer, fx.dongDang, {
      kind: 'THT',
      name: 'Tổ hợp tác Miến dong Bình Gia',
    });
    const before = await auditCount(h);
    const r = await event(pofficer, tht.id, {
      kind: 'converted',
      occurredOn: '2024-07-15',
      note: 'Đại hội thành lập HTX',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.organisation).toMatchObject({
      kind: 'HTX',
      regCode: tht.regCode,
      legalStatus: 'active',
      version: 2,
    });
    expect(r.body.event).toMatchObject({
      kind: 'converted',
      occurredOn: '2024-07-15',
      detail: { fromKind: 'THT', toKind: 'HTX' },
    });
    expect(await auditCount(h)).toBe(before + 1);
    expectProblem(
      await event(pofficer, tht.id, { kind: 'converted', occurredOn: '2024-08-01' }),
      409,
      'organisation.event_not_allowed',
    );
  });

  it('refuses to convert a THT whose name an HTX already holds nationally', async () => {
    await createOrg(pofficer, fx.sibling, { name: 'Hợp tác xã Hoa Hồi Văn Quan' });
    const { organisation: tht } = await createOrg(pofficer, fx.dongDang, {
      kind: 'THT',
      name: 'Tổ hợp tác Hoa Hồi Văn Quan',
    });
    expectProblem(
      await event(pofficer, tht.id, { kind: 'converted', occurredOn: '2024-07-15' }),
      409,
      'organisation.name_taken',
    );
    const row = await h.database.db
      .selectFrom('organisation')
      .select(['kind', 'version'])
      .where('id', '=', tht.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ kind: 'THT', version: 1 });
  });

  it('suspends and resumes, refusing the transitions that do not apply', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    expectProblem(
      await event(pofficer, o.id, { kind: 'resumed', occurredOn: '2024-01-10' }),
      409,
      'organisation.event_not_allowed',
    );
    const s = await event(pofficer, o.id, { kind: 'suspended', occurredOn: '2024-01-10' });
    expect(s.body.organisation).toMatchObject({ legalStatus: 'suspended', statusChangedOn: '2024-01-10' });
    expectProblem(
      await event(pofficer, o.id, { kind: 'suspended', occurredOn: '2024-02-10' }),
      409,
      'organisation.event_not_allowed',
    );
    const back = await event(pofficer, o.id, { kind: 'resumed', occurredOn: '2024-06-01' });
    expect(back.body.organisation).toMatchObject({ legalStatus: 'active', statusChangedOn: '2024-06-01' });
  });

  it('ends an HTX as dissolved and a THT as terminated, then accepts no further event', async () => {
    const { organisation: htx } = await createOrg(pofficer, fx.dongDang);
    const d = await event(pofficer, htx.id, { kind: 'dissolved', occurredOn: '2024-09-30' });
    expect(d.body.organisation).toMatchObject({ legalStatus: 'dissolved', endedOn: '2024-09-30' });
    const { organisation: tht } = await createOrg(pofficer, fx.dongDang, { kind: 'THT' });
    expect(
      (await event(pofficer, tht.id, { kind: 'dissolved', occurredOn: '2024-09-30' })).body.organisation
        .legalStatus,
    ).toBe('terminated');
    const before = await auditCount(h);
    for (const kind of ['resumed', 'suspended', 'converted', 'moved', 'split', 'dissolved']) {
      expectProblem(
        await event(pofficer, htx.id, { kind, occurredOn: '2024-10-01', communeId: fx.sibling }),
        409,
        'organisation.ended',
      );
    }
    expect(await auditCount(h)).toBe(before);
    expectProblem(
      await pofficer.post(`/api/organisations/${htx.id}/products`, { kind: 'trademark', name: 'X' }),
      409,
      'organisation.ended',
    );
  });

  it('merges an organisation into another, ending it with the related organisation recorded', async () => {
    const { organisation: a } = await createOrg(pofficer, fx.dongDang);
    const { organisation: b } = await createOrg(pofficer, fx.sibling);
    expectProblem(
      await event(pofficer, a.id, { kind: 'merged', occurredOn: '2024-03-01' }),
      400,
      'organisation.related_required',
    );
    expectProblem(
      await event(pofficer, a.id, { kind: 'merged', occurredOn: '2024-03-01', relatedOrganisationId: a.id }),
      400,
      'organisation.related_invalid',
    );
    expectProblem(
      await event(cofficer, a.id, { kind: 'merged', occurredOn: '2024-03-01', relatedOrganisationId: b.id }),
      400,
      'organisation.related_invalid',
    );
    const m = await event(pofficer, a.id, {
      kind: 'merged',
      occurredOn: '2024-03-01',
      relatedOrganisationId: b.id,
    });
    expect(m.status, m.text).toBe(201);
    expect(m.body.organisation).toMatchObject({ legalStatus: 'dissolved', endedOn: '2024-03-01' });
    expect(m.body.event.detail).toMatchObject({ relatedOrganisation: { id: b.id } });
    const split = await event(pofficer, b.id, {
      kind: 'split',
      occurredOn: '2024-04-01',
      note: 'Tách bộ phận dịch vụ',
    });
    expect(split.body.organisation).toMatchObject({ legalStatus: 'active', version: b.version });
  });

  it("moves the head office to a commune in the caller's scope only", async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    expectProblem(
      await event(pofficer, o.id, { kind: 'moved', occurredOn: '2024-05-01' }),
      400,
      'organisation.event_commune_required',
    );
    expectProblem(
      await event(pofficer, o.id, { kind: 'moved', occurredOn: '2024-05-01', communeId: fx.otherCommune }),
      400,
      'organisation.commune_outside',
    );
    expectProblem(
      await event(pofficer, o.id, { kind: 'moved', occurredOn: '2024-05-01', communeId: fx.dongDang }),
      400,
      'organisation.event_same_commune',
    );
    expectProblem(
      await event(cofficer, o.id, { kind: 'moved', occurredOn: '2024-05-01', communeId: fx.sibling }),
      400,
      'organisation.commune_outside',
    );
    const r = await event(pofficer, o.id, { kind: 'moved', occurredOn: '2024-05-01', communeId: fx.sibling });
    expect(r.body.organisation).toMatchObject({ communeId: fx.sibling, provinceId: fx.langSon });
    // Now outside the commune officer's subtree.
    expectProblem(await cofficer.get(`/api/organisations/${o.id}`), 404, 'not_found');
    const national = await h.login('national');
    const far = await event(national, o.id, {
      kind: 'moved',
      occurredOn: '2024-06-01',
      communeId: fx.otherCommune,
    });
    expect(far.body.organisation).toMatchObject({ communeId: fx.otherCommune, provinceId: fx.ninhBinh });
  });

  it('records a founding once, refuses dates in the future or before the founding', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang, { foundedOn: '2020-01-01' });
    expectProblem(
      await event(pofficer, o.id, { kind: 'founded', occurredOn: '2020-01-01' }),
      409,
      'organisation.event_not_allowed',
    );
    expectProblem(
      await event(pofficer, o.id, { kind: 'suspended', occurredOn: '2999-01-01' }),
      400,
      'organisation.event_future',
    );
    expectProblem(
      await event(pofficer, o.id, { kind: 'suspended', occurredOn: '2019-12-31' }),
      400,
      'organisation.event_before_founding',
    );
    expectProblem(
      await event(pofficer, o.id, { kind: 'exploded', occurredOn: '2021-01-01' }),
      400,
      'validation.failed',
    );
    const profile = await pofficer.get(`/api/organisations/${o.id}`);
    expect(profile.body.events.map((e: { kind: string }) => e.kind)).toEqual(['founded']);
  });

  it("is refused to a cooperative user and outside the caller's subtree", async () => {
    const coop = await h.login('coop');
    expectProblem(
      await event(coop, fx.orgOwn, { kind: 'suspended', occurredOn: '2024-01-01' }),
      403,
      'forbidden',
    );
    expectProblem(
      await event(cofficer, fx.orgSibling, { kind: 'suspended', occurredOn: '2024-01-01' }),
      404,
      'not_found',
    );
  });

  it('closes union links when a member or the union ends', async () => {
    const { organisation: union } = await createOrg(pofficer, fx.dongDang, {
      kind: 'LHHTX',
      name: 'Liên hiệp HTX Nông sản Xứ Lạng',
    });
    const { organisation: member } = await createOrg(pofficer, fx.dongDang);
    expect(
      (
        await pofficer.post(`/api/organisations/${union.id}/union-members`, {
          memberId: member.id,
          joinedOn: '2023-01-01',
        })
      ).status,
    ).toBe(201);
    expect((await event(pofficer, member.id, { kind: 'dissolved', occurredOn: '2024-11-11' })).status).toBe(
      201,
    );
    const link = await h.database.db
      .selectFrom('organisation_union_member')
      .selectAll()
      .where('union_id', '=', union.id)
      .executeTakeFirstOrThrow();
    expect(link.left_on).toBe('2024-11-11');
    expect((await pofficer.get(`/api/organisations/${union.id}`)).body.unionMembers).toEqual([]);
  });
});
