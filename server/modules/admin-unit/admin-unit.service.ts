import type { Kysely } from 'kysely';
import { compareVietnamese, foldVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { cachedRead } from '../../db/read-cache.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../http/problem.js';
import { assertProvinceScope, scopeProvinceFilter } from '../auth/scope.js';
import * as repo from './admin-unit.repo.js';

/** The communes of a unit's subtree, as a query to embed in another statement (indicator territories). */
export const subtreeCommunesSql = repo.subtreeCommunesSql;

/** A unit as the API returns it. */
export interface UnitDto {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  level: number;
  parentId: number | null;
  parentName: string | null;
  validFrom: string | null;
  validTo: string | null;
  era: 'pre2025' | 'post2025';
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findUnitById>>>;

function toDto(r: Row): UnitDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    fullName: r.full_name,
    type: r.type,
    level: r.level,
    parentId: r.parent_id,
    parentName: r.parent_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    era: r.era,
  };
}

/** Today's date in Vietnam as 'YYYY-MM-DD'. */
export function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const basicsCache = new WeakMap<object, Map<number, UnitBasics>>();

/** The few facts of a unit that scope checks and labels need. */
export interface UnitBasics {
  id: number;
  code: string;
  level: number;
  fullName: string;
  parentId: number | null;
  provinceId: number | null;
}

/** Cached lookup of a unit's basics (units are reference data and never change once loaded). */
export async function getUnitBasics(db: Kysely<DB>, id: number): Promise<UnitBasics | null> {
  let cache = basicsCache.get(db);
  if (!cache) {
    cache = new Map();
    basicsCache.set(db, cache);
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const r = await repo.findUnitById(db, id);
  if (!r) return null;
  const b = {
    id: r.id,
    code: r.code,
    level: r.level,
    fullName: r.full_name,
    parentId: r.parent_id,
    provinceId: r.province_id,
  };
  cache.set(id, b);
  return b;
}

function sortByName(items: UnitDto[]) {
  return items.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** Provinces (no parent) or a unit's children in force at a date, inside the caller's scope. */
export async function listUnits(ctx: Ctx, q: { date?: string; parentId?: number; level?: number }) {
  const date = q.date ?? todayInVietnam();
  if (q.parentId !== undefined) await getUnitInScope(ctx, q.parentId);
  const rows = await repo.listUnitsAt(ctx.db, {
    date,
    parentId: q.parentId ?? null,
    provinceId: scopeProvinceFilter(ctx),
  });
  return { date, items: sortByName(rows.map(toDto)) };
}

/** Finds units by name with or without diacritics, or by code prefix. */
export async function searchUnits(ctx: Ctx, q: { q: string; date?: string; level?: number; limit: number }) {
  const key = foldVietnamese(q.q);
  if (key.length === 0) return { items: [] };
  const rows = await repo.searchUnits(ctx.db, {
    key,
    date: q.date ?? todayInVietnam(),
    level: q.level,
    provinceId: scopeProvinceFilter(ctx),
    limit: q.limit,
  });
  return { items: rows.map(toDto) };
}

async function getUnitInScope(ctx: Ctx, id: number) {
  const r = await repo.findUnitById(ctx.db, id);
  if (!r) throw notFound('Không tìm thấy đơn vị hành chính.');
  assertProvinceScope(ctx, { provinceId: r.province_id });
  return r;
}

/** A unit with its ancestors, children, and what it came from or became across the 2025 reform. */
export async function getUnitDetail(ctx: Ctx, id: number) {
  const r = await getUnitInScope(ctx, id);
  const ancestors: UnitDto[] = [];
  let parentId = r.parent_id;
  while (parentId) {
    const p = await repo.findUnitById(ctx.db, parentId);
    if (!p) break;
    ancestors.unshift(toDto(p));
    parentId = p.parent_id;
  }
  const childDate = r.valid_to ? dayBefore(r.valid_to) : todayInVietnam();
  const [children, preds, succs] = await Promise.all([
    repo.listUnitsAt(ctx.db, { date: childDate, parentId: id, provinceId: null }),
    repo.listLineage(ctx.db, id, 'predecessors'),
    repo.listLineage(ctx.db, id, 'successors'),
  ]);
  const withLineage = (x: (typeof preds)[number]) => ({
    ...toDto(x),
    partial: x.partial,
    effectiveDate: x.effective_date,
  });
  return {
    unit: toDto(r),
    ancestors,
    children: sortByName(children.map(toDto)),
    predecessors: preds.map(withLineage),
    successors: succs.map(withLineage),
  };
}

function dayBefore(iso: string) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Resolves a code to the unit(s) bearing it and, following lineage, to today's units or the earliest ones. */
export async function resolveUnitCode(
  ctx: Ctx,
  q: { code: string; level?: number; era?: 'pre2025' | 'post2025' },
) {
  const rows = (await repo.findUnitsByCode(ctx.db, q.code, q.level)).filter((r) => !q.era || r.era === q.era);
  const visible = rows.filter((r) => {
    try {
      assertProvinceScope(ctx, { provinceId: r.province_id });
      return true;
    } catch {
      return false;
    }
  });
  if (visible.length === 0) {
    throw new AppError(404, 'unit.code_not_found', `Không tìm thấy đơn vị hành chính có mã "${q.code}".`);
  }
  return {
    items: await Promise.all(
      visible.map(async (r) => {
        const [current, origins] = await Promise.all([
          repo.resolveLineage(ctx.db, r.id, 'forward'),
          repo.resolveLineage(ctx.db, r.id, 'backward'),
        ]);
        const map = (x: (typeof current)[number]) => ({ ...toDto(x), partial: x.partial });
        // A unit in force today is its own current unit.
        const currentItems =
          r.era === 'post2025' && !r.valid_to ? [{ ...toDto(r), partial: false }] : current.map(map);
        return { unit: toDto(r), current: currentItems, origins: origins.map(map) };
      }),
    ),
  };
}

/** Unit counts for the dashboard: today's provinces and communes, and the last pre-reform three levels. */
export function unitStats(ctx: Ctx) {
  return cachedRead(ctx, 'unit-stats', null, () => countUnitsInScope(ctx));
}

async function countUnitsInScope(ctx: Ctx) {
  const rows = await repo.countUnits(ctx.db, scopeProvinceFilter(ctx));
  const n = (era: string, level: number) =>
    Number(rows.find((r) => r.era === era && r.level === level)?.n ?? 0);
  return {
    provinces: n('post2025', 1),
    communes: n('post2025', 3),
    preProvinces: n('pre2025', 1),
    preDistricts: n('pre2025', 2),
    preCommunes: n('pre2025', 3),
  };
}

/** The communes of a unit's territory in both eras (see communeTerritory). */
export interface CommuneTerritory {
  unitId: number;
  era: 'pre2025' | 'post2025';
  level: number;
  /** Communes of today covering the territory (exactly it for a unit of today). */
  postCommuneIds: number[];
  /** Communes before 1/7/2025, of any generation, covering the territory (exactly it for an old unit). */
  preCommuneIds: number[];
  /** True when the other era's communes cover more than the territory (a commune was split or merged across it). */
  approximate: boolean;
  /** Communes of today only partly inside an old territory. */
  partialPostCommuneIds: number[];
  /** Old communes only partly inside a territory of today. */
  partialPreCommuneIds: number[];
}

/**
 * The territory of any unit of either era as communes of both eras: a 2025 province → its communes and
 * everything they came from; a pre-2025 province, district or commune → its communes (with those merged into
 * them during 2024–25) and the communes of today they became. When a commune of today also took in land from
 * outside an old territory (or an old commune went partly elsewhere), the other era's list is approximate.
 * Returns null for an unknown unit. Used by the organisation search and the plans (issue 5).
 */
export async function communeTerritory(db: Kysely<DB>, unitId: number): Promise<CommuneTerritory | null> {
  const unit = await repo.findUnitEra(db, unitId);
  if (!unit) return null;
  const own = await repo.subtreeCommunes(db, unitId);
  if (unit.era === 'post2025') {
    const back = await repo.communeLineageClosure(db, own, 'backward');
    const pre = back.filter((x) => x.era === 'pre2025').map((x) => x.id);
    const partialPre = await repo.communesLinkedOutside(db, pre, [...own, ...pre], 'successors');
    return {
      unitId,
      era: unit.era,
      level: unit.level,
      postCommuneIds: own,
      preCommuneIds: pre,
      approximate: partialPre.length > 0,
      partialPostCommuneIds: [],
      partialPreCommuneIds: partialPre,
    };
  }
  const pre = (await repo.communeLineageClosure(db, own, 'backward'))
    .filter((x) => x.era === 'pre2025')
    .map((x) => x.id);
  const post = (await repo.communeLineageClosure(db, pre, 'forward'))
    .filter((x) => x.era === 'post2025')
    .map((x) => x.id);
  const partialPost = await repo.communesLinkedOutside(db, post, pre, 'predecessors');
  return {
    unitId,
    era: unit.era,
    level: unit.level,
    postCommuneIds: post,
    preCommuneIds: pre,
    approximate: partialPost.length > 0,
    partialPostCommuneIds: partialPost,
    partialPreCommuneIds: [],
  };
}
