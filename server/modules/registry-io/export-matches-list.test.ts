import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { rubricId } from '../assessment/assessment-test-support.js';
import { createOrg } from '../organisation/organisation.test-helpers.js';
import { download, sheetRows } from './registry-io.test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let pofficer: TestClient;
let caoLoc: number;
const codes: Record<string, string> = {};

/** Registration codes of every page of the list, in its order. */
async function listCodes(client: TestClient, query: string, pageSize: number) {
  const out: string[] = [];
  for (let page = 1; ; page++) {
    const r = await client.get(`/api/organisations?${query}&page=${page}&pageSize=${pageSize}`);
    expect(r.status, r.text).toBe(200);
    out.push(...r.body.items.map((x: { regCode: string }) => x.regCode));
    if (out.length >= r.body.total || r.body.items.length === 0) return out;
  }
}

/** Registration codes of the export for the same query, in the file's order. */
async function exportCodes(client: TestClient, query: string, pageSize: number) {
  const r = await download(h, client, `/api/registry/exports/organisations?${query}&pageSize=${pageSize}`);
  expect(r.status).toBe(200);
  return (await sheetRows(r.bytes, 'Tổ chức')).slice(1).map((row) => String(row[0]));
}

/** The export holds exactly the list's rows, all pages, same order; returns them. */
async function sameAsList(client: TestClient, query: string, pageSize = 20) {
  const listed = await listCodes(client, query, pageSize);
  expect(await exportCodes(client, query, pageSize), query).toEqual(listed);
  return listed;
}

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [national, pofficer] = await Promise.all([h.login('national'), h.login('pofficer')]);
  const make = async (key: string, communeId: number, o: Record<string, unknown>) => {
    codes[key] = (await createOrg(national, communeId, o)).organisation.regCode;
  };
  await make('dongTien', fx.dongDang, {
    name: 'Hợp tác xã Nông nghiệp Đồng Tiến',
    shortName: 'HTX NN Đồng Tiến',
  });
  await make('dongTienPhat', fx.sibling, { name: 'HTX Dịch vụ Đồng Tiến Phát' });
  await make('tienDong', fx.sibling, { name: 'Tổ hợp tác Tiến Đồng', kind: 'THT' });
  await make('dongTam', fx.sibling, { name: 'Hợp tác xã Đồng Tâm' });
  await make('cheTanThanh', fx.dongDang, { name: 'Hợp tác xã Chè Tân Thành', paperOnly: true });
  await make('rauSach', fx.dongDang, { name: 'Hợp tác xã Rau sạch Mẫu Sơn', paperOnly: true });
  await make('ninhBinh', fx.otherCommune, { name: 'Hợp tác xã Đồng Tiến Yên Mô' });
  for (let i = 1; i <= 25; i++)
    await make(`many${i}`, i % 2 ? fx.dongDang : fx.sibling, { name: `Hợp tác xã Dịch vụ số ${i}` });
  const id = async (key: string) =>
    (
      await h.database.db
        .selectFrom('organisation')
        .select('id')
        .where('reg_code', '=', codes[key])
        .executeTakeFirstOrThrow()
    ).id;
  await h.database.db
    .insertInto('annual_report')
    .values([
      { organisation_id: await id('cheTanThanh'), year: 2024, period: 'year' },
      { organisation_id: await id('dongTien'), year: 2024, period: 'year' },
      { organisation_id: await id('rauSach'), year: 2023, period: 'year' },
    ])
    .execute();
  const rubric = await rubricId(h);
  await h.database.db
    .insertInto('assessment_result')
    .values([
      {
        organisation_id: await id('dongTien'),
        year: 2024,
        rubric_version_id: rubric,
        status: 'confirmed',
        band: 'kha',
      },
      {
        organisation_id: await id('many3'),
        year: 2024,
        rubric_version_id: rubric,
        status: 'published',
        band: 'kha',
      },
      {
        organisation_id: await id('many4'),
        year: 2024,
        rubric_version_id: rubric,
        status: 'draft',
        band: null,
      },
    ])
    .execute();
  caoLoc = (
    await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('code', '=', '183')
      .where('level', '=', 2)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => h.close());

describe('GET /api/registry/exports/organisations: exactly the rows of the list', () => {
  it('searches as the list does: legal-form prefix, separate words, short name, code', async () => {
    expect(await sameAsList(pofficer, `q=${encodeURIComponent('htx dong tien')}`)).toEqual([
      codes.dongTien,
      codes.dongTienPhat,
      codes.tienDong,
    ]);
    expect(await sameAsList(pofficer, `q=${encodeURIComponent('HTX NN Đồng')}`)).toContain(codes.dongTien);
    expect(await sameAsList(pofficer, `q=${codes.dongTam}`)).toEqual([codes.dongTam]);
    expect(await sameAsList(national, `q=${encodeURIComponent('Đồng Tiến')}`)).toContain(codes.ninhBinh);
  });

  it('adds the names one typo away when the list does, for the page size the list is shown in', async () => {
    const typo = `q=${encodeURIComponent('dong tein')}`;
    expect(await sameAsList(pofficer, typo)).toEqual(
      expect.arrayContaining([codes.dongTien, codes.dongTienPhat]),
    );
    // Three exact matches fill a page of 2: neither the list nor the file looks for typos then.
    const exact = `q=${encodeURIComponent('dong tien')}`;
    expect(await sameAsList(pofficer, exact, 2)).toHaveLength(3);
    expect(await sameAsList(pofficer, 'q=dich%20vu%20so', 5)).toHaveLength(25);
  });

  it('finds a territory before 1/7/2025 by lineage, as the list does', async () => {
    const rows = await sameAsList(pofficer, `unitId=${caoLoc}`);
    expect(rows).toEqual(expect.arrayContaining([codes.dongTien, '4900000001']));
  });

  it('applies the year of the yearly report and "paper only", which the file used to ignore', async () => {
    expect(await sameAsList(pofficer, 'year=2024')).toEqual([codes.cheTanThanh, codes.dongTien]);
    expect(await sameAsList(pofficer, 'year=2024&paperOnly=true')).toEqual([codes.cheTanThanh]);
    expect(await sameAsList(pofficer, 'paperOnly=true')).toEqual([codes.cheTanThanh, codes.rauSach]);
  });

  it('applies the rating band, and the sort and order of the list', async () => {
    expect(await sameAsList(pofficer, 'band=kha')).toEqual([codes.many3, codes.dongTien]);
    expect((await sameAsList(pofficer, 'band=none')).length).toBeGreaterThan(25);
    await sameAsList(pofficer, 'sort=regCode&order=desc', 7);
    await sameAsList(pofficer, `sort=foundedOn&q=${encodeURIComponent('dich vu')}`);
    await sameAsList(national, `kind=HTX&unitId=${fx.langSon}&sort=updatedAt&order=desc`, 10);
  });
});
