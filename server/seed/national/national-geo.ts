import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Commune, OldCommune, TerritoryPlan } from '../demo-territory.js';
import { type Region, regionOfOldProvince } from './national-scale.js';

/** A pre-2025 commune (in force on 30/6/2025) with its former province's territory plan and its region. */
export interface NationalOldCommune extends OldCommune {
  territory: TerritoryPlan;
  region: Region;
}

/** The units the national dataset is spread over, in code order (the data never depends on row ids' order). */
export interface NationalGeography {
  olds: NationalOldCommune[];
  /** Cumulative placement weights of `olds` (each region gets its share, spread evenly over its communes). */
  cumulative: Float64Array;
  /** Post-2025 communes of the generated provinces (organisations founded from 1/7/2025 are placed there). */
  communes: Commune[];
  /** Share of the national weight the generated provinces hold (1 for the nation). */
  weight: number;
  provinceIds: number[];
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  full_name: string;
  type: string;
  level: number;
  era: string;
  parent_id: number | null;
  valid_to: string | null;
}

/**
 * Reads the units of both eras and the lineage (two queries) and joins them: every commune in force on 30/6/2025
 * with the communes of today it went to. With `provinceCode`, only the former provinces merged into that province.
 */
export async function loadNationalGeography(
  db: Kysely<DB>,
  provinceCode: string | null,
): Promise<NationalGeography> {
  const units = (
    await sql<UnitRow>`select id, code, name, full_name, type, level, era, parent_id, valid_to::text as valid_to
      from admin_unit order by era, level, code, id`.execute(db)
  ).rows;
  const byId = new Map(units.map((u) => [u.id, u]));
  const provinces = units.filter((u) => u.era === 'post2025' && u.level === 1);
  if (provinceCode && !provinces.some((p) => p.code === provinceCode))
    throw new Error(`Không có tỉnh, thành phố mã ${provinceCode} (danh mục từ 1/7/2025).`);
  const communes: Commune[] = [];
  for (const u of units) {
    if (u.era !== 'post2025' || u.level !== 3) continue;
    const p = byId.get(u.parent_id ?? -1);
    if (!p) throw new Error(`Xã ${u.code} không có tỉnh.`);
    communes.push({
      id: u.id,
      code: u.code,
      name: u.name,
      fullName: u.full_name,
      type: u.type,
      provinceId: p.id,
      provinceCode: p.code,
      provinceFullName: p.full_name,
    });
  }
  const communeById = new Map(communes.map((c) => [c.id, c]));
  const lineage = (
    await sql<{
      old_unit_id: number;
      new_unit_id: number;
    }>`select old_unit_id, new_unit_id from admin_unit_lineage order by old_unit_id, new_unit_id`.execute(db)
  ).rows;
  const successors = new Map<number, Commune[]>();
  for (const l of lineage) {
    const c = communeById.get(l.new_unit_id);
    if (c) successors.set(l.old_unit_id, [...(successors.get(l.old_unit_id) ?? []), c]);
  }
  const territories = new Map<string, TerritoryPlan>();
  const all: NationalOldCommune[] = [];
  for (const u of units) {
    if (u.era !== 'pre2025' || u.level !== 3 || u.valid_to !== '2025-07-01') continue;
    const next = successors.get(u.id);
    const district = byId.get(u.parent_id ?? -1);
    const oldProvince = byId.get(district?.parent_id ?? -1);
    if (!next || !district || !oldProvince) continue;
    next.sort((a, b) => a.code.localeCompare(b.code));
    const region = regionOfOldProvince(oldProvince.code);
    let t = territories.get(oldProvince.code);
    if (!t) {
      t = {
        key: `P${oldProvince.code}`,
        province: next[0].provinceCode,
        oldProvince: oldProvince.code,
        taxPrefix: oldProvince.code,
        idPrefix: `0${oldProvince.code}`,
        htx: 0,
        tht: 0,
        unions: 0,
        creditFunds: 0,
        agriShare: region.agriShare,
        tags: region.tags,
        ethnic: region.ethnic,
      };
      territories.set(oldProvince.code, t);
    }
    all.push({
      id: u.id,
      name: u.name,
      fullName: u.full_name,
      type: u.type,
      districtFullName: district.full_name,
      successors: next,
      territory: t,
      region,
    });
  }
  const perRegion = new Map<string, number>();
  for (const c of all) perRegion.set(c.region.key, (perRegion.get(c.region.key) ?? 0) + 1);
  const weightOf = (c: NationalOldCommune) => c.region.share / (perRegion.get(c.region.key) ?? 1);
  const total = all.reduce((s, c) => s + weightOf(c), 0);
  const olds = provinceCode ? all.filter((c) => c.territory.province === provinceCode) : all;
  const cumulative = new Float64Array(olds.length);
  let run = 0;
  olds.forEach((c, i) => {
    run += weightOf(c);
    cumulative[i] = run;
  });
  const selected = provinces.filter((p) => !provinceCode || p.code === provinceCode);
  return {
    olds,
    cumulative,
    communes: communes.filter((c) => !provinceCode || c.provinceCode === provinceCode),
    weight: run / total,
    provinceIds: selected.map((p) => p.id),
  };
}

/** Index of a weighted draw u ∈ [0, 1) over cumulative weights (binary search). */
export function pickCumulative(cumulative: Float64Array, u: number): number {
  const x = u * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
