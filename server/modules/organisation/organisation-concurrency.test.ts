import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditCount, createOrg, orgBody } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;
let cofficer: TestClient;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [pofficer, cofficer] = await Promise.all([h.login('pofficer'), h.login('cofficer')]);
});
afterAll(() => h.close());

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();

describe('simultaneous writers', () => {
  it('let exactly one of two edits from the same version through; the other gets 409 and nothing is lost', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    const before = await auditCount(h);
    const rs = await Promise.all([
      pofficer.patch(`/api/organisations/${o.id}`, { changes: { phone: '0205 111 111' }, version: 1 }),
      cofficer.patch(`/api/organisations/${o.id}`, { changes: { address: 'Thôn Nà Pàn' }, version: 1 }),
    ]);
    expect(statuses(rs)).toEqual([200, 409]);
    const lost = rs.find((r) => r.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'organisation.version_conflict', current: { version: 2 } });
    expect(lost.body.changedFields.length).toBe(1);
    expect(await auditCount(h)).toBe(before + 1);
  });

  it('register one of two organisations given the same code or the same HTX name at once', async () => {
    const sameCode = orgBody(fx.dongDang);
    const byCode = await Promise.all([
      pofficer.post('/api/organisations', sameCode),
      cofficer.post('/api/organisations', { ...orgBody(fx.dongDang), regCode: sameCode.regCode }),
    ]);
    expect(statuses(byCode)).toEqual([201, 409]);
    expect(byCode.find((r) => r.status === 409)!.body.code).toBe('organisation.reg_code_taken');
    const name = 'Hợp tác xã Song Sinh';
    const byName = await Promise.all([
      pofficer.post('/api/organisations', orgBody(fx.sibling, { name })),
      cofficer.post('/api/organisations', orgBody(fx.dongDang, { name: 'HTX Song Sinh' })),
    ]);
    expect(statuses(byName)).toEqual([201, 409]);
    expect(byName.find((r) => r.status === 409)!.body.code).toBe('organisation.name_taken');
    const rows = await h.database.db
      .selectFrom('organisation')
      .select('id')
      .where('name_key', '=', 'song sinh')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
