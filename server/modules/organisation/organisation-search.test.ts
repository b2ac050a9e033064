import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { createOrg, expectProblem } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let pofficer: TestClient;
let third: number;
const ids: Record<string, number> = {};
const codes: Record<string, string> = {};

/** Names whose Vietnamese order differs from byte, diacritic-free and English orders; distinct name keys. */
const SORT_NAMES = [
  'Hợp tác xã Ông Ích',
  'Hợp tác xã Ân Thi',
  'Hợp tác xã Ăn Quả',
  'Hợp tác xã An Phú',
  'Hợp tác xã Đắk Mil',
  'Hợp tác xã Đà Bắc',
  'Hợp tác xã Duy Tiên',
  'Hợp tác xã Dương Minh',
  'Hợp tác xã Ơn Sâu',
  'Hợp tác xã Ô Môn',
  'Hợp tác xã Ưu Việt',
  'Hợp tác xã Uông Bí',
  'Hợp tác xã Số 10',
  'Hợp tác xã Số 2',
  'Hợp tác xã Số 1',
  'Hợp tác xã Ê Đê',
  'Hợp tác xã Em Bé',
  'Hợp tác xã Hòa Bình',
  'Hợp tác xã Hoà An',
  'Hợp tác xã Zô Giang',
  'Hợp tác xã Yên Thế',
  'Hợp tác xã Xuân Trường',
];
const vi = new Intl.Collator('vi', { numeric: true });

const list = async (client: TestClient, query: string) => {
  const r = await client.get(`/api/organisations?${query}`);
  expect(r.status, r.text).toBe(200);
  return r.body as {
    items: { id: number; name: string; communeId: number; provinceId: number }[];
    total: number;
    approximate: boolean;
    sort: string;
  };
};
const found = async (client: TestClient, query: string) => (await list(client, query)).items.map((x) => x.id);

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [national, pofficer] = await Promise.all([h.login('national'), h.login('pofficer')]);
  third = (
    await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('parent_id', '=', fx.langSon)
      .where('id', 'not in', [fx.dongDang, fx.sibling])
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
  const make = async (key: string, communeId: number, o: Record<string, unknown>) => {
    const r = await createOrg(national, communeId, o);
    ids[key] = r.organisation.id;
    codes[key] = r.organisation.regCode;
  };
  await make('dongTien', fx.dongDang, {
    name: 'Hợp tác xã Nông nghiệp Đồng Tiến',
    shortName: 'HTX NN Đồng Tiến',
    newModel: 'A_a',
    foundedOn: '2019-05-01',
  });
  await make('dongTam', fx.sibling, {
    name: 'Hợp tác xã Dịch vụ Đồng Tâm',
    vsicCode: '4933',
    foundedOn: '2018-01-01',
  });
  await make('tienThanh', fx.dongDang, {
    kind: 'THT',
    name: 'Tổ hợp tác Rau an toàn Tiến Thành',
    foundedOn: '2022-01-01',
  });
  await make('yenBinh', fx.otherCommune, {
    name: 'Hợp tác xã Vận tải Yên Bình',
    paperOnly: true,
    vsicCode: '4933',
  });
  for (const [i, name] of SORT_NAMES.entries()) await make(`sort${i}`, third, { name });
  await h.database.db
    .insertInto('annual_report')
    .values({ organisation_id: ids.dongTien, year: 2024 })
    .execute();
  expect(
    (
      await national.post(`/api/organisations/${ids.dongTam}/events`, {
        kind: 'suspended',
        occurredOn: '2024-02-01',
      })
    ).status,
  ).toBe(201);
});
afterAll(() => h.close());

describe('GET /api/organisations: the search box', () => {
  it('lists every organisation of a kind when the box holds its legal form only, by name', async () => {
    const ofKind = async (kind: string) =>
      (await list(national, `kind=${kind}&pageSize=100`)).items.map((x) => x.id);
    const tht = await ofKind('THT');
    expect(tht).toContain(ids.tienThanh);
    for (const q of ['Tổ hợp tác', 'to hop tac', 'THT']) {
      const r = await list(national, `q=${encodeURIComponent(q)}&pageSize=100`);
      expect(r.items.map((x) => x.id)).toEqual(tht);
      expect(r.total).toBe(tht.length);
      // …and says so: the page then shows the name order, not "by relevance".
      expect(r.sort).toBe('name');
    }
    const htx = await ofKind('HTX');
    expect(htx.length).toBeGreaterThan(SORT_NAMES.length);
    for (const q of ['Hợp tác xã', 'htx'])
      expect(await found(national, `q=${encodeURIComponent(q)}&pageSize=100`)).toEqual(htx);
    // Another kind chosen beside it: the box is searched as words, and no cooperative's name holds them.
    expect(await found(national, `q=${encodeURIComponent('tổ hợp tác')}&kind=HTX`)).toEqual([]);
    // A legal form followed by a name is a name search, as before, in order of relevance.
    const named = await list(national, `q=${encodeURIComponent('tổ hợp tác tiến thành')}`);
    expect(named.items.map((x) => x.id)).toEqual([ids.tienThanh]);
    expect(named.sort).toBe('relevance');
    expect((await list(national, `q=${encodeURIComponent('tiến thành')}&sort=foundedOn`)).sort).toBe(
      'foundedOn',
    );
  });

  it('finds a cooperative by name with or without diacritics and the "HTX" prefix, best match first', async () => {
    for (const q of [
      'htx dong tien',
      'HTX Đồng Tiến',
      'dong tien',
      'Hợp tác xã Nông nghiệp Đồng Tiến',
      'ĐỒNG TIẾN',
    ]) {
      const ids_ = await found(national, `q=${encodeURIComponent(q)}`);
      expect(ids_[0], q).toBe(ids.dongTien);
    }
  });

  it('tolerates one typo, not two, and lists typo matches after exact ones', async () => {
    expect(await found(national, `q=${encodeURIComponent('dong tein')}`)).toEqual([ids.dongTien]);
    expect(await found(national, `q=${encodeURIComponent('nong ngiep dong tien')}`)).toEqual([ids.dongTien]);
    expect(await found(national, `q=${encodeURIComponent('Đồng Tiếm')}`)).toEqual([ids.dongTien]);
    expect(await found(national, `q=${encodeURIComponent('dong teim')}`)).toEqual([]);
    // "Đồng Tâm" is a different name, two edits away from "Đồng Tiến".
    expect(await found(national, `q=${encodeURIComponent('Đồng Tâm')}`)).toEqual([ids.dongTam]);
    const both = await found(national, `q=${encodeURIComponent('dong tie')}`);
    expect(both[0]).toBe(ids.dongTien);
  });

  it('adds typo matches only when the exact ones do not fill the page', async () => {
    const { organisation: tiem } = await createOrg(national, fx.otherCommune, {
      name: 'Hợp tác xã Đồng Tiêm',
    });
    expect(await found(national, `q=${encodeURIComponent('dong tien')}`)).toEqual([ids.dongTien, tiem.id]);
    const full = await list(national, `q=${encodeURIComponent('dong tien')}&pageSize=1`);
    expect(full).toMatchObject({ total: 1, items: [{ id: ids.dongTien }] });
  });

  it('finds by registration code and code prefix, and by short name', async () => {
    expect(await found(national, `q=${codes.dongTien}`)).toEqual([ids.dongTien]);
    expect(await found(national, `q=${codes.dongTien.slice(0, 8)}`)).toContain(ids.dongTien);
    expect(await found(national, `q=${encodeURIComponent('nn dong tien')}`)).toEqual([ids.dongTien]);
  });

  it('finds nothing for words that are in no name', async () => {
    expect(await list(national, `q=${encodeURIComponent('khong ton tai xyz')}`)).toMatchObject({
      items: [],
      total: 0,
    });
  });
});

describe('GET /api/organisations: filters', () => {
  it('filters by kind, legal status, field, model, paper-only flag and reporting year', async () => {
    const within = `unitId=${fx.langSon}`;
    expect(await found(national, `${within}&kind=THT`)).toEqual([ids.tienThanh]);
    expect(await found(national, `legalStatus=suspended`)).toEqual([ids.dongTam]);
    const trade = await found(national, `field=trade_service`);
    expect(trade).toEqual(expect.arrayContaining([ids.dongTam, ids.yenBinh]));
    expect(trade).not.toContain(ids.dongTien);
    expect(await found(national, `newModel=A_a`)).toEqual([ids.dongTien]);
    expect(await found(national, `paperOnly=true`)).toEqual([ids.yenBinh]);
    expect(await found(national, `year=2024`)).toEqual([ids.dongTien]);
    expect(await found(national, `year=2023`)).toEqual([]);
  });

  it('filters by a province or commune of today', async () => {
    const nb = await list(national, `unitId=${fx.ninhBinh}`);
    expect(nb.items.every((x) => x.provinceId === fx.ninhBinh)).toBe(true);
    expect(nb.items.map((x) => x.id)).toEqual(expect.arrayContaining([ids.yenBinh, fx.orgOther]));
    expect(nb.approximate).toBe(false);
    const dd = await list(national, `unitId=${fx.dongDang}`);
    expect(dd.items.map((x) => x.id).sort()).toEqual([fx.orgOwn, ids.dongTien, ids.tienThanh].sort());
  });

  it('rejects an unknown unit, a page size over 500 and an unknown sort', async () => {
    expectProblem(await national.get('/api/organisations?unitId=99999999'), 400, 'unit.not_found');
    // 500 is the largest page the list offers; one more is refused.
    expect((await national.get('/api/organisations?pageSize=500')).status).toBe(200);
    expectProblem(await national.get('/api/organisations?pageSize=501'), 400, 'validation.failed');
    expectProblem(await national.get('/api/organisations?sort=random'), 400, 'validation.failed');
  });
});

describe('GET /api/organisations: Vietnamese order and pages', () => {
  it('pages through names in Vietnamese dictionary order (a ă â … d đ …, numbers by value), both ways', async () => {
    const expected = [...SORT_NAMES].sort(vi.compare);
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await list(pofficer, `unitId=${third}&sort=name&pageSize=6&page=${page}`);
      expect(r.total).toBe(SORT_NAMES.length);
      seen.push(...r.items.map((x) => x.name));
    }
    expect(seen).toEqual(expected);
    expect(expected.indexOf('Hợp tác xã Số 2')).toBeLessThan(expected.indexOf('Hợp tác xã Số 10'));
    expect(expected.indexOf('Hợp tác xã Duy Tiên')).toBeLessThan(expected.indexOf('Hợp tác xã Đà Bắc'));
    const desc = await list(pofficer, `unitId=${third}&sort=name&order=desc&pageSize=200`);
    expect(desc.items.map((x) => x.name)).toEqual([...expected].reverse());
  });

  it('sorts by registration code, founding date and last update', async () => {
    const byCode = (await list(national, `unitId=${fx.langSon}&sort=regCode&pageSize=200`)).items.map(
      (x) => x.id,
    );
    const codesInOrder = await h.database.db
      .selectFrom('organisation')
      .select(['id', 'reg_code'])
      .where('province_id', '=', fx.langSon)
      .execute();
    expect(byCode).toEqual(codesInOrder.sort((a, b) => (a.reg_code < b.reg_code ? -1 : 1)).map((x) => x.id));
    const founded = (await list(national, `unitId=${fx.dongDang}&sort=foundedOn&order=desc`)).items.map(
      (x) => x.id,
    );
    expect(founded[0]).toBe(ids.tienThanh);
    // Suspended after every creation in beforeAll: the latest change in the sibling commune.
    expect(await found(national, `unitId=${fx.sibling}&sort=updatedAt&order=desc&pageSize=1`)).toEqual([
      ids.dongTam,
    ]);
  });
});

describe('GET /api/organisations: scope', () => {
  it('shows a commune officer only its commune, a cooperative only itself, a province only its province', async () => {
    const cofficer = await h.login('cofficer');
    const own = await list(cofficer, 'pageSize=200');
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((x) => x.communeId === fx.dongDang)).toBe(true);
    expect(await found(cofficer, `q=${encodeURIComponent('Đồng Tâm')}`)).toEqual([]);
    const coop = await h.login('coop');
    expect(await found(coop, 'pageSize=200')).toEqual([fx.orgOwn]);
    const nb = await h.login('padmin.nb');
    const nbItems = await list(nb, 'pageSize=200');
    expect(nbItems.items.every((x) => x.provinceId === fx.ninhBinh)).toBe(true);
    expect(await found(nb, `unitId=${fx.langSon}`)).toEqual([]);
  });
});
