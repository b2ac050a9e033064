import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { rubricId } from '../assessment/assessment-test-support.js';
import { createOrg, expectProblem } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let pofficer: TestClient;
const ids: Record<string, number> = {};

const list = async (client: TestClient, query: string) => {
  const r = await client.get(`/api/organisations?pageSize=100&${query}`);
  expect(r.status, r.text).toBe(200);
  return r.body as { items: { id: number }[]; total: number; bandYear?: number | null };
};
const found = async (client: TestClient, query: string) =>
  (await list(client, query)).items.map((x) => x.id).sort((a, b) => a - b);
const idsOf = (...keys: string[]) => keys.map((k) => ids[k]).sort((a, b) => a - b);

/** Writes an assessment result directly (the workflow itself is tested in the assessment module). */
async function result(
  organisationId: number,
  year: number,
  status: string,
  band: string | null,
  reason: string | null = null,
) {
  const values = {
    rubric_version_id: await rubricId(h),
    status,
    band,
    not_classified_reason: reason,
    final_total: band ? '60' : null,
  };
  await h.database.db
    .insertInto('assessment_result')
    .values({ organisation_id: organisationId, year, ...values })
    .onConflict((oc) => oc.constraint('assessment_result_org_year_uq').doUpdateSet(values))
    .execute();
}

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [national, pofficer] = await Promise.all([h.login('national'), h.login('pofficer')]);
  const make = async (key: string, communeId: number, name: string) => {
    ids[key] = (await createOrg(national, communeId, { name })).organisation.id;
  };
  await make('tot', fx.dongDang, 'Hợp tác xã Chè Tân Thành');
  await make('kha', fx.sibling, 'Hợp tác xã Rau sạch Tân Thành');
  await make('reviewing', fx.dongDang, 'Hợp tác xã Mây tre Bình Minh');
  await make('yeu2023', fx.dongDang, 'Hợp tác xã Vận tải Hữu Nghị');
  await make('notClassified', fx.sibling, 'Hợp tác xã Dược liệu Mẫu Sơn');
  await make('never', fx.sibling, 'Hợp tác xã Hồi Văn Quan');
  ids.own = fx.orgOwn;
  ids.sibling = fx.orgSibling;
  ids.other = fx.orgOther;
  await result(ids.tot, 2024, 'confirmed', 'tot');
  await result(ids.kha, 2024, 'published', 'kha');
  await result(ids.reviewing, 2024, 'commune_reviewed', null);
  await result(ids.yeu2023, 2023, 'published', 'yeu');
  await result(ids.notClassified, 2024, 'published', null, 'new_lt_12_months');
  // Confirmed but not yet published to the cooperative.
  await result(ids.own, 2024, 'confirmed', 'trung_binh');
  // Ninh Bình has assessed a later year than Lạng Sơn.
  await result(ids.other, 2025, 'confirmed', 'kha');
});
afterAll(() => h.close());

describe('GET /api/organisations: rating band (xếp loại)', () => {
  it('filters by the decided band of the latest assessment year in scope, and says which year', async () => {
    const tot = await list(pofficer, 'band=tot');
    expect(tot.bandYear).toBe(2024);
    expect(tot.items.map((x) => x.id)).toEqual([ids.tot]);
    expect(await found(pofficer, 'band=kha')).toEqual(idsOf('kha'));
    expect(await found(pofficer, 'band=trung_binh')).toEqual(idsOf('own'));
    // A band still under review is not a band; a band of an earlier year is not this year's.
    expect(await found(pofficer, 'band=yeu')).toEqual([]);
    expect(await found(pofficer, 'band=yeu&bandYear=2023')).toEqual(idsOf('yeu2023'));
    // The nation's latest year is Ninh Bình's 2025.
    const nation = await list(national, 'band=kha');
    expect(nation.bandYear).toBe(2025);
    expect(nation.items.map((x) => x.id)).toEqual([ids.other]);
    expect(await found(national, 'band=kha&bandYear=2024')).toEqual(idsOf('kha'));
    // Without the band filter the answer has no band year.
    expect((await list(pofficer, 'kind=HTX')).bandYear).toBeUndefined();
  });

  it('offers "not classified": no decided band that year (never assessed, in progress, or not classified)', async () => {
    expect(await found(pofficer, 'band=none')).toEqual(
      idsOf('reviewing', 'yeu2023', 'notClassified', 'never', 'sibling'),
    );
    expect(await found(pofficer, 'band=none&bandYear=2023')).toEqual(
      idsOf('tot', 'kha', 'reviewing', 'notClassified', 'never', 'own', 'sibling'),
    );
    // The five choices split the list.
    let total = 0;
    for (const band of ['tot', 'kha', 'trung_binh', 'yeu', 'none'])
      total += (await list(pofficer, `band=${band}`)).total;
    expect(total).toBe((await list(pofficer, '')).total);
  });

  it('combines with the search box, the unit and the other filters', async () => {
    expect(await found(pofficer, `band=kha&q=${encodeURIComponent('tân thành')}`)).toEqual(idsOf('kha'));
    expect(await found(pofficer, `band=none&unitId=${fx.dongDang}`)).toEqual(idsOf('reviewing', 'yeu2023'));
    expect(await found(pofficer, 'band=tot&kind=THT')).toEqual([]);
  });

  it('shows a cooperative its band only once published', async () => {
    const coop = await h.login('coop');
    expect(await found(coop, 'band=trung_binh&bandYear=2024')).toEqual([]);
    expect(await found(coop, 'band=none&bandYear=2024')).toEqual([ids.own]);
    await result(ids.own, 2024, 'published', 'trung_binh');
    expect(await found(coop, 'band=trung_binh')).toEqual([ids.own]);
  });

  it('has no year to filter on before any assessment is decided', async () => {
    const nb = await h.login('cofficer.nb');
    await h.database.db.deleteFrom('assessment_result').where('organisation_id', '=', ids.other).execute();
    const none = await list(nb, 'band=none');
    expect(none.bandYear).toBeNull();
    expect(none.items.map((x) => x.id)).toEqual([ids.other]);
    expect((await list(nb, 'band=kha')).items).toEqual([]);
  });

  it('refuses an unknown band or year', async () => {
    expectProblem(await pofficer.get('/api/organisations?band=gioi'), 400, 'validation.failed');
    expectProblem(await pofficer.get('/api/organisations?band=tot&bandYear=1999'), 400, 'validation.failed');
  });
});
