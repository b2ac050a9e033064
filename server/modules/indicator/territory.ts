import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../http/problem.js';
import { communeTerritory, getUnitBasics } from '../admin-unit/admin-unit.service.js';

/**
 * The organisations a target or indicator is evaluated over. A unit of today covers the organisations located
 * in it now (over all of history); a unit that no longer exists (a pre-2025 province or district, e.g. the
 * former Kon Tum province or Bảo Lộc city) covers those whose recorded old commune lies in its territory, or,
 * where no old commune was recorded, those whose commune of today came from it (lineage). The nation is null.
 */
export interface Territory {
  unitId: number | null;
  era: 'pre2025' | 'post2025' | null;
  level: number | null;
  label: string;
  /** The post-2025 province containing the unit (null for the nation): the scope of the data. */
  provinceId: number | null;
  postCommuneIds: number[];
  preCommuneIds: number[];
  /** Communes of today only partly inside an old territory (a plan's unit filter flags them). */
  partialPostCommuneIds: number[];
  approximate: boolean;
  explanation: string | null;
}

const NATION: Territory = {
  unitId: null,
  era: null,
  level: null,
  label: 'Toàn quốc',
  provinceId: null,
  postCommuneIds: [],
  preCommuneIds: [],
  partialPostCommuneIds: [],
  approximate: false,
  explanation: null,
};

const APPROXIMATE =
  'Một số xã, phường hiện nay được hình thành từ một phần đơn vị cũ và một phần đơn vị khác: tổ chức chưa ghi đơn vị hành chính cũ ' +
  'được tính theo xã, phường hiện nay nên số liệu của địa bàn cũ là gần đúng. Ghi "xã/phường trước 1/7/2025" cho các tổ chức đó để số liệu chính xác.';

/** Resolves a unit id (or null for the nation) to its territory; 400 when the unit does not exist. */
export async function resolveTerritory(db: Kysely<DB>, unitId: number | null): Promise<Territory> {
  if (unitId === null) return NATION;
  const [basics, t] = await Promise.all([getUnitBasics(db, unitId), communeTerritory(db, unitId)]);
  if (!basics || !t)
    throw invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
      { path: 'unitId', message: 'Không tồn tại.' },
    ]);
  const approximate = t.era === 'pre2025' && t.approximate;
  return {
    unitId,
    era: t.era,
    level: t.level,
    label: basics.fullName,
    provinceId: basics.provinceId,
    postCommuneIds: t.postCommuneIds,
    preCommuneIds: t.preCommuneIds,
    partialPostCommuneIds: t.partialPostCommuneIds,
    approximate,
    explanation: approximate ? APPROXIMATE : null,
  };
}

const ids = (xs: number[]) => sql`${xs}::int[]`;

/** The territory as a condition on an aggregate table (columns commune_id, pre_commune_id; 0 = not recorded). */
export function aggTerritory(t: Territory, alias: string): RawBuilder<boolean> {
  const c = sql.ref(`${alias}.commune_id`);
  const p = sql.ref(`${alias}.pre_commune_id`);
  if (t.era === null) return sql<boolean>`true`;
  if (t.era === 'post2025') return sql<boolean>`${c} = any(${ids(t.postCommuneIds)})`;
  return sql<boolean>`(${p} = any(${ids(t.preCommuneIds)}) or (${p} = 0 and ${c} = any(${ids(t.postCommuneIds)})))`;
}

/** The fine aggregates (migration 0009) and their province rollups (migration 0010). */
export type AggTable = 'plan_org_year' | 'plan_org_day' | 'plan_report_year' | 'plan_assessment_year';

/**
 * Where a territory's aggregates are read, as `from … where …` parts: the province rollup when the territory is
 * the nation or a whole province of today (its communes are exactly those the rollup files under it), the fine
 * table otherwise (communes, pre-2025 units, which cut across provinces of today).
 */
export function aggSource(t: Territory, table: AggTable, alias: string) {
  const a = sql.ref(alias);
  if (t.era === null) return { from: sql`${sql.table(`${table}_province`)} ${a}`, where: sql<boolean>`true` };
  if (t.era === 'post2025' && t.level === 1 && t.unitId !== null)
    return {
      from: sql`${sql.table(`${table}_province`)} ${a}`,
      where: sql<boolean>`${sql.ref(`${alias}.province_id`)} = ${t.unitId}`,
    };
  return { from: sql`${sql.table(table)} ${a}`, where: aggTerritory(t, alias) };
}

/** The same territory as a condition on organisation rows (alias.commune_id, alias.pre2025_commune_id). */
export function orgTerritory(t: Territory, alias: string): RawBuilder<boolean> {
  const c = sql.ref(`${alias}.commune_id`);
  const p = sql.ref(`${alias}.pre2025_commune_id`);
  if (t.era === null) return sql<boolean>`true`;
  if (t.era === 'post2025') return sql<boolean>`${c} = any(${ids(t.postCommuneIds)})`;
  return sql<boolean>`(${p} = any(${ids(t.preCommuneIds)}) or (${p} is null and ${c} = any(${ids(t.postCommuneIds)})))`;
}
