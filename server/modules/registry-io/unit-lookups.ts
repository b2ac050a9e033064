import type { Kysely } from 'kysely';
import { foldVietnamese } from '../../../core/text.js';
import type { DB } from '../../db/schema.js';

/** A commune of today (after 1/7/2025) with its province, as the import resolves it. */
export interface CommuneRef {
  id: number;
  code: string;
  name: string;
  fullName: string;
  provinceId: number;
  provinceName: string;
}

/** Administrative units loaded once per import (a few thousand rows), then looked up in memory. */
export interface UnitLookups {
  communeByCode: Map<string, CommuneRef>;
  communeById: Map<number, CommuneRef>;
  /** Folded bare name ("dong dang") → communes of that name across provinces. */
  communesByName: Map<string, CommuneRef[]>;
  /** Folded province name (bare or with its type) → province id. */
  provinceByName: Map<string, number>;
  /** Pre-2025 commune code → id of the unit in force on 30/6/2025 (or the latest one with that code). */
  pre2025ByCode: Map<string, number>;
  pre2025CodeById: Map<number, string>;
  /** "old|new" for every old → new commune lineage pair (to check a row's former commune). */
  predecessors: Set<string>;
}

const TYPE_WORDS = /^(xa|phuong|thi tran|dac khu|tt|p|x|thi xa)\s+/;
const PROVINCE_WORDS = /^(tinh|thanh pho|tp)\s+/;

/** Folded commune name without its type ("Xã Đồng Đăng", "TT. Đồng Đăng" → "dong dang"). */
export function communeNameKey(s: string): string {
  return foldVietnamese(s).replace(TYPE_WORDS, '');
}

/** Folded province name without its type ("Tỉnh Lạng Sơn" → "lang son"). */
export function provinceNameKey(s: string): string {
  return foldVietnamese(s).replace(PROVINCE_WORDS, '');
}

const cache = new WeakMap<Kysely<DB>, Promise<UnitLookups>>();

async function load(db: Kysely<DB>): Promise<UnitLookups> {
  const provinces = await db
    .selectFrom('admin_unit')
    .select(['id', 'name', 'full_name'])
    .where('era', '=', 'post2025')
    .where('level', '=', 1)
    .execute();
  const provinceName = new Map(provinces.map((p) => [p.id, p.name]));
  const provinceByName = new Map<string, number>();
  for (const p of provinces)
    for (const n of [p.name, p.full_name]) provinceByName.set(provinceNameKey(n), p.id);
  const communes = await db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'name', 'full_name', 'parent_id'])
    .where('era', '=', 'post2025')
    .where('level', '=', 3)
    .execute();
  const out: UnitLookups = {
    communeByCode: new Map(),
    communeById: new Map(),
    communesByName: new Map(),
    provinceByName,
    pre2025ByCode: new Map(),
    pre2025CodeById: new Map(),
    predecessors: new Set(),
  };
  for (const c of communes) {
    if (c.parent_id === null || !provinceName.has(c.parent_id)) continue;
    const ref: CommuneRef = {
      id: c.id,
      code: c.code,
      name: c.name,
      fullName: c.full_name,
      provinceId: c.parent_id,
      provinceName: provinceName.get(c.parent_id)!,
    };
    out.communeByCode.set(ref.code, ref);
    out.communeById.set(ref.id, ref);
    const key = communeNameKey(c.name);
    const same = out.communesByName.get(key);
    if (same) same.push(ref);
    else out.communesByName.set(key, [ref]);
  }
  const old = await db
    .selectFrom('admin_unit')
    .select(['id', 'code', 'valid_to'])
    .where('era', '=', 'pre2025')
    .where('level', '=', 3)
    .orderBy('valid_to', 'asc')
    .execute();
  for (const u of old) {
    out.pre2025CodeById.set(u.id, u.code);
    const current = out.pre2025ByCode.get(u.code);
    // Prefer the unit in force at the reform (valid_to 2025-07-01) over a 2023 one that ended earlier.
    if (current === undefined || u.valid_to === '2025-07-01') out.pre2025ByCode.set(u.code, u.id);
  }
  const lineage = await db.selectFrom('admin_unit_lineage').select(['old_unit_id', 'new_unit_id']).execute();
  for (const l of lineage) out.predecessors.add(`${l.old_unit_id}|${l.new_unit_id}`);
  return out;
}

/** The lookups of a database, loaded on first use (administrative units do not change while running). */
export function unitLookups(db: Kysely<DB>): Promise<UnitLookups> {
  let p = cache.get(db);
  if (!p) {
    p = load(db);
    p.catch(() => cache.delete(db));
    cache.set(db, p);
  }
  return p;
}
