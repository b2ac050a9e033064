import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { communeTerritory } from '../admin-unit/admin-unit.service.js';
import { createOrg } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let pofficer: TestClient;
const ids: Record<string, number> = {};

const list = async (client: TestClient, query: string) => {
  const r = await client.get(`/api/organisations?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.body as { items: { id: number }[]; total: number; approximate: boolean };
};
const found = async (client: TestClient, query: string) => (await list(client, query)).items.map((x) => x.id);

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [national, pofficer] = await Promise.all([h.login('national'), h.login('pofficer')]);
  // No old commune recorded: found in old territories by the lineage of Đồng Đăng.
  ids.dongTien = (
    await createOrg(national, fx.dongDang, { name: 'Hợp tác xã Nông nghiệp Đồng Tiến' })
  ).organisation.id;
});
afterAll(() => h.close());

describe('GET /api/organisations: territories before 1/7/2025', () => {
  it('finds an organisation by the old district of its recorded old commune, else by lineage, and says when that is approximate', async () => {
    const caoLoc = (
      await h.database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('code', '=', '183')
        .where('level', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const territory = (await communeTerritory(h.database.db, caoLoc))!;
    expect(territory.postCommuneIds).toContain(fx.dongDang);
    expect(territory.partialPostCommuneIds).not.toContain(fx.dongDang);
    const oldDongDang = (
      await h.database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('era', '=', 'pre2025')
        .where('level', '=', 3)
        .where('full_name', '=', 'Thị trấn Đồng Đăng')
        .where('parent_id', '=', caoLoc)
        .executeTakeFirstOrThrow()
    ).id;
    const outsideOld = (
      await h.database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('era', '=', 'pre2025')
        .where('level', '=', 3)
        .where('id', 'not in', territory.preCommuneIds)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    const recorded = await createOrg(pofficer, fx.dongDang, {
      name: 'Hợp tác xã Thị trấn cũ',
      pre2025CommuneId: oldDongDang,
    });
    const recordedElsewhere = await createOrg(pofficer, fx.dongDang, {
      name: 'Hợp tác xã Chuyển đến',
      pre2025CommuneId: outsideOld,
    });
    const split = territory.partialPostCommuneIds[0];
    const viaSplit = await createOrg(national, split, { name: 'Hợp tác xã Xã ghép' });

    const r = await list(national, `unitId=${caoLoc}&pageSize=200`);
    const got = r.items.map((x) => x.id);
    expect(got).toContain(recorded.organisation.id);
    expect(got).toContain(ids.dongTien); // no old commune recorded: by lineage, Đồng Đăng lies wholly in Cao Lộc
    expect(got).not.toContain(recordedElsewhere.organisation.id);
    expect(got).toContain(viaSplit.organisation.id);
    expect(r.approximate).toBe(true);

    const exact = await list(national, `unitId=${caoLoc}&q=${encodeURIComponent('thi tran cu')}`);
    expect(exact).toMatchObject({ total: 1, approximate: false });
    // The old town is only part of today's Đồng Đăng: organisations there without a recorded old commune may
    // have been in it, so they are included by lineage and the answer is flagged approximate.
    const town = await list(national, `unitId=${oldDongDang}&pageSize=200`);
    expect(town.items.map((x) => x.id)).toEqual(
      expect.arrayContaining([recorded.organisation.id, ids.dongTien]),
    );
    expect(town.items.map((x) => x.id)).not.toContain(recordedElsewhere.organisation.id);
    expect(town.approximate).toBe(true);
    expect(
      await list(national, `unitId=${oldDongDang}&q=${encodeURIComponent('thi tran cu')}`),
    ).toMatchObject({ total: 1, approximate: false });
    const oldProvince = await h.unitId('20', 1, 'pre2025');
    expect(await found(national, `unitId=${oldProvince}&q=${encodeURIComponent('thi tran cu')}`)).toEqual([
      recorded.organisation.id,
    ]);
  });
});
