import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Tag } from './demo-words.js';

/**
 * A territory of the demo data: a province as it was before 1/7/2025 (or part of one, e.g. the former Bảo Lộc city),
 * with how many organisations it gets, its tax-code and ID-card prefixes, its ethnic mix and its regional tags.
 */
export interface TerritoryPlan {
  key: string;
  province: string; // post-2025 province code
  oldProvince: string; // pre-2025 province code
  district?: string; // only this pre-2025 district
  exceptDistrict?: string; // all of the old province but this district
  taxPrefix: string; // tax codes begin with the tax office's province number (49 = Lạng Sơn …)
  idPrefix: string; // the 3-digit place code of a citizen ID (CCCD) number
  htx: number;
  tht: number;
  unions: number;
  creditFunds: number;
  agriShare: number;
  tags: readonly Tag[];
  ethnic: readonly (readonly [string, number])[];
}

const KINH: [string, number][] = [['Kinh', 100]];

/**
 * Sizes follow regulations.md §10 (2024: ~33,600 HTX, two thirds agricultural) scaled to the plan provinces, and the
 * seed plans: Lạng Sơn ~420 HTX/700 THT (LS-01, LS-02), the former Hải Phòng ~400 operating HTX (HP-02 ">400" is
 * borderline) with 3 unions (HP-05), about 50 HTX in the former Bảo Lộc city (BL-01 "≈60 by 2030").
 */
export const TERRITORIES: readonly TerritoryPlan[] = [
  {
    key: 'LS',
    province: '20',
    oldProvince: '20',
    taxPrefix: '49',
    idPrefix: '020',
    htx: 420,
    tht: 700,
    unions: 3,
    creditFunds: 0,
    agriShare: 0.67,
    tags: ['north', 'mountain'],
    ethnic: [
      ['Nùng', 42],
      ['Tày', 36],
      ['Kinh', 16],
      ['Dao', 4],
      ['Sán Chay', 1],
      ['Hoa', 1],
    ],
  },
  {
    key: 'NB',
    province: '37',
    oldProvince: '37',
    taxPrefix: '27',
    idPrefix: '037',
    htx: 170,
    tht: 90,
    unions: 1,
    creditFunds: 2,
    agriShare: 0.61,
    tags: ['north', 'delta', 'coast'],
    ethnic: [
      ['Kinh', 97],
      ['Mường', 3],
    ],
  },
  {
    key: 'HNa',
    province: '37',
    oldProvince: '35',
    taxPrefix: '07',
    idPrefix: '035',
    htx: 110,
    tht: 50,
    unions: 0,
    creditFunds: 2,
    agriShare: 0.61,
    tags: ['north', 'delta'],
    ethnic: KINH,
  },
  {
    key: 'ND',
    province: '37',
    oldProvince: '36',
    taxPrefix: '06',
    idPrefix: '036',
    htx: 210,
    tht: 90,
    unions: 1,
    creditFunds: 3,
    agriShare: 0.63,
    tags: ['north', 'delta', 'coast'],
    ethnic: KINH,
  },
  {
    key: 'HP',
    province: '31',
    oldProvince: '31',
    taxPrefix: '02',
    idPrefix: '031',
    htx: 470,
    tht: 150,
    unions: 3,
    creditFunds: 2,
    agriShare: 0.64,
    tags: ['north', 'delta', 'coast', 'city'],
    ethnic: KINH,
  },
  {
    key: 'HD',
    province: '31',
    oldProvince: '30',
    taxPrefix: '08',
    idPrefix: '030',
    htx: 230,
    tht: 80,
    unions: 0,
    creditFunds: 2,
    agriShare: 0.63,
    tags: ['north', 'delta'],
    ethnic: KINH,
  },
  {
    key: 'QN',
    province: '51',
    oldProvince: '51',
    taxPrefix: '43',
    idPrefix: '051',
    htx: 190,
    tht: 110,
    unions: 1,
    creditFunds: 1,
    agriShare: 0.61,
    tags: ['central', 'coast'],
    ethnic: [
      ['Kinh', 88],
      ['Hrê', 8],
      ['Cor', 2],
      ['Ca Dong', 2],
    ],
  },
  {
    key: 'KT',
    province: '51',
    oldProvince: '62',
    taxPrefix: '61',
    idPrefix: '062',
    htx: 120,
    tht: 70,
    unions: 1,
    creditFunds: 0,
    agriShare: 0.63,
    tags: ['highland', 'central'],
    ethnic: [
      ['Kinh', 46],
      ['Xơ Đăng', 25],
      ['Ba Na', 13],
      ['Giẻ Triêng', 8],
      ['Gia Rai', 8],
    ],
  },
  {
    key: 'LD',
    province: '68',
    oldProvince: '68',
    exceptDistrict: '673',
    taxPrefix: '58',
    idPrefix: '068',
    htx: 150,
    tht: 60,
    unions: 1,
    creditFunds: 1,
    agriShare: 0.67,
    tags: ['highland'],
    ethnic: [
      ['Kinh', 75],
      ["K'Ho", 16],
      ['Mạ', 4],
      ['Chu Ru', 3],
      ['Tày', 1],
      ['Nùng', 1],
    ],
  },
  {
    key: 'BL',
    province: '68',
    oldProvince: '68',
    district: '673',
    taxPrefix: '58',
    idPrefix: '068',
    htx: 52,
    tht: 15,
    unions: 0,
    creditFunds: 1,
    agriShare: 0.67,
    tags: ['highland', 'city'],
    ethnic: [
      ['Kinh', 85],
      ["K'Ho", 12],
      ['Mạ', 3],
    ],
  },
  {
    key: 'BT',
    province: '68',
    oldProvince: '60',
    taxPrefix: '34',
    idPrefix: '060',
    htx: 90,
    tht: 40,
    unions: 0,
    creditFunds: 0,
    agriShare: 0.61,
    tags: ['central', 'coast', 'south'],
    ethnic: [
      ['Kinh', 92],
      ['Chăm', 4],
      ['Raglai', 3],
      ['Hoa', 1],
    ],
  },
  {
    key: 'DN',
    province: '68',
    oldProvince: '67',
    taxPrefix: '64',
    idPrefix: '067',
    htx: 75,
    tht: 35,
    unions: 0,
    creditFunds: 0,
    agriShare: 0.69,
    tags: ['highland', 'south'],
    ethnic: [
      ['Kinh', 68],
      ["M'Nông", 10],
      ['Tày', 6],
      ['Nùng', 6],
      ['Ê Đê', 4],
      ['Mạ', 3],
      ['Dao', 3],
    ],
  },
];

/** Tax-code prefix of organisations registered after 1/7/2025, by post-2025 province. */
export const NEW_TAX_PREFIX: Readonly<Record<string, string>> = {
  '20': '49',
  '37': '27',
  '31': '02',
  '51': '43',
  '68': '58',
};

/** A post-2025 commune. */
export interface Commune {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  provinceId: number;
  provinceCode: string;
  provinceFullName: string;
}

/** A pre-2025 commune (in force on 30/6/2025) with the post-2025 communes its territory went to. */
export interface OldCommune {
  id: number;
  name: string;
  fullName: string;
  type: string;
  districtFullName: string;
  successors: Commune[];
}

/** The units the demo data is spread over: per territory, its old communes with their successors. */
export interface DemoGeography {
  byTerritory: Map<string, OldCommune[]>;
  communes: Commune[];
  provinceIds: Map<string, number>;
}

/** Reads the units of the plan provinces and their lineage with two indexed queries, and joins them here. */
export async function loadDemoGeography(db: Kysely<DB>): Promise<DemoGeography> {
  const codes = [...new Set(TERRITORIES.map((t) => t.province))];
  const provinces = await db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'full_name'])
    .where('era', '=', 'post2025')
    .where('level', '=', 1)
    .where('code', 'in', codes)
    .execute();
  const provinceIds = new Map(provinces.map((p) => [p.code, p.id]));
  // admin_unit.province_id is the post-2025 province containing a unit of either era (set by the unit loader).
  const units = await db
    .selectFrom('admin_unit')
    .select([
      'id',
      'code',
      'name',
      'full_name',
      'type',
      'level',
      'era',
      'parent_id',
      'province_id',
      'valid_to',
    ])
    .where(
      'province_id',
      'in',
      provinces.map((p) => p.id),
    )
    .orderBy('code')
    .orderBy('id')
    .execute();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const provinceById = new Map(provinces.map((p) => [p.id, p]));
  const communes: Commune[] = units
    .filter((u) => u.era === 'post2025' && u.level === 3)
    .map((u) => {
      const p = provinceById.get(u.parent_id ?? -1);
      if (!p) throw new Error(`Dữ liệu mẫu: xã ${u.code} không có tỉnh`);
      return {
        id: u.id,
        code: u.code,
        name: u.name,
        fullName: u.full_name,
        type: u.type,
        provinceId: p.id,
        provinceCode: p.code,
        provinceFullName: p.full_name,
      };
    });
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const lineage = await db
    .selectFrom('admin_unit_lineage')
    .select(['old_unit_id', 'new_unit_id'])
    .where(
      'new_unit_id',
      'in',
      db
        .selectFrom('admin_unit')
        .select('id')
        .where(
          'province_id',
          'in',
          provinces.map((p) => p.id),
        )
        .where('era', '=', 'post2025')
        .where('level', '=', 3),
    )
    .execute();
  const successorsOf = new Map<number, Commune[]>();
  for (const l of lineage) {
    const c = communeById.get(l.new_unit_id);
    if (c) successorsOf.set(l.old_unit_id, [...(successorsOf.get(l.old_unit_id) ?? []), c]);
  }
  const byTerritory = new Map<string, OldCommune[]>();
  for (const t of TERRITORIES) {
    const list: OldCommune[] = [];
    // Units are in code order, so the lists (and the data drawn from them) do not depend on database row ids.
    for (const u of units) {
      const successors = successorsOf.get(u.id);
      if (!successors || u.era !== 'pre2025' || u.level !== 3 || u.valid_to !== '2025-07-01') continue;
      const district = unitById.get(u.parent_id ?? -1);
      const oldProvince = unitById.get(district?.parent_id ?? -1);
      if (
        !district ||
        oldProvince?.code !== t.oldProvince ||
        !successors.some((s) => s.provinceCode === t.province)
      )
        continue;
      if (
        (t.district && district.code !== t.district) ||
        (t.exceptDistrict && district.code === t.exceptDistrict)
      )
        continue;
      successors.sort((x, y) => x.code.localeCompare(y.code));
      list.push({
        id: u.id,
        name: u.name,
        fullName: u.full_name,
        type: u.type,
        districtFullName: district.full_name,
        successors,
      });
    }
    if (list.length === 0) throw new Error(`Dữ liệu mẫu: không tìm thấy xã/phường cũ của vùng ${t.key}`);
    byTerritory.set(t.key, list);
  }
  return { byTerritory, communes, provinceIds };
}
