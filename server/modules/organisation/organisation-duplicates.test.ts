import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { createOrg, expectProblem } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  pofficer = await h.login('pofficer');
});
afterAll(() => h.close());

describe('POST /api/organisations: possible duplicates', () => {
  it('returns possible duplicates: same name in another kind in the commune, same legal representative in the province', async () => {
    await createOrg(pofficer, fx.dongDang, {
      kind: 'THT',
      name: 'Tổ hợp tác Mây tre Hòa Lạc',
      legalRepName: 'Hoàng Văn Thụ',
    });
    const r = await createOrg(pofficer, fx.dongDang, { name: 'Hợp tác xã Mây tre Hòa Lạc' });
    expect(r.possibleDuplicates).toEqual([
      expect.objectContaining({ name: 'Tổ hợp tác Mây tre Hòa Lạc', reasons: ['name'] }),
    ]);
    const rep = await createOrg(pofficer, fx.sibling, {
      name: 'Hợp tác xã Vận tải Hữu Nghị',
      legalRepName: 'HOÀNG VĂN THỤ',
    });
    expect(rep.possibleDuplicates).toEqual([
      expect.objectContaining({ name: 'Tổ hợp tác Mây tre Hòa Lạc', reasons: ['legal_rep'] }),
    ]);
  });
});

describe('GET /api/organisations/duplicates', () => {
  it('finds the same name in the commune as you type, and the same representative in the province, within scope', async () => {
    const a = await createOrg(pofficer, fx.dongDang, {
      name: 'Hợp tác xã Chè Tân Cương',
      legalRepName: 'Nguyễn Thị Lan',
    });
    const byName = await pofficer.get(
      `/api/organisations/duplicates?name=${encodeURIComponent('htx che tan cuong')}&communeId=${fx.dongDang}`,
    );
    expect(byName.status, byName.text).toBe(200);
    expect(byName.body.items.map((x: { id: number }) => x.id)).toEqual([a.organisation.id]);
    const otherCommune = await pofficer.get(
      `/api/organisations/duplicates?name=${encodeURIComponent('htx che tan cuong')}&communeId=${fx.sibling}`,
    );
    expect(otherCommune.body.items).toEqual([]);
    const byRep = await pofficer.get(
      `/api/organisations/duplicates?legalRepName=${encodeURIComponent('nguyen thi lan')}&communeId=${fx.sibling}`,
    );
    expect(byRep.body.items.map((x: { id: number; reasons: string[] }) => [x.id, x.reasons])).toEqual([
      [a.organisation.id, ['legal_rep']],
    ]);
    const excluded = await pofficer.get(
      `/api/organisations/duplicates?name=${encodeURIComponent('Chè Tân Cương')}&communeId=${fx.dongDang}&excludeId=${a.organisation.id}`,
    );
    expect(excluded.body.items).toEqual([]);
    const nb = await h.login('padmin.nb');
    expect(
      (await nb.get(`/api/organisations/duplicates?name=${encodeURIComponent('Chè Tân Cương')}`)).body.items,
    ).toEqual([]);
    expectProblem(await pofficer.get('/api/organisations/duplicates'), 400, 'organisation.duplicates_query');
  });
});
