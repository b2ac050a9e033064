import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid } from '../../http/problem.js';
import { communeTerritory, subtreeCommunesSql } from '../admin-unit/admin-unit.service.js';

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
  /** Communes of today covered. */
  postCommuneIds: number[];
  /** Communes before 1/7/2025 covered, for a unit that no longer exists (empty for a unit of today). */
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

const notFound = () =>
  invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
    { path: 'unitId', message: 'Không tồn tại.' },
  ]);

/**
 * Resolves a unit id (or null for the nation) to its territory; 400 when the unit does not exist.
 * A unit of today is one statement: the unit and the communes of its subtree (the province rollups, the fine
 * aggregates and the organisations of a unit of today are all located by commune of today, so its lineage back
 * to the communes before 1/7/2025 is not needed and not read: preCommuneIds stays empty). A unit that no longer
 * exists takes its lineage both ways (communeTerritory).
 */
export async function resolveTerritory(db: Kysely<DB>, unitId: number | null): Promise<Territory> {
  if (unitId === null) return NATION;
  const r = await sql<{
    era: 'pre2025' | 'post2025';
    level: number;
    full_name: string;
    province_id: number | null;
    communes: number[] | null;
  }>`select u.era, u.level, u.full_name, u.province_id,
      case when u.era = 'post2025' then array(${subtreeCommunesSql(unitId)}) end as communes
    from admin_unit u where u.id = ${unitId}`.execute(db);
  const u = r.rows[0];
  if (!u) throw notFound();
  if (u.era === 'post2025')
    return {
      unitId,
      era: 'post2025',
      level: u.level,
      label: u.full_name,
      provinceId: u.province_id,
      postCommuneIds: (u.communes ?? []).map(Number),
      preCommuneIds: [],
      partialPostCommuneIds: [],
      approximate: false,
      explanation: null,
    };
  const t = await communeTerritory(db, unitId);
  if (!t) throw notFound();
  const approximate = t.era === 'pre2025' && t.approximate;
  return {
    unitId,
    era: t.era,
    level: t.level,
    label: u.full_name,
    provinceId: u.province_id,
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

/** The fine aggregates (migration 0009), their province rollups (migration 0010) and nation rollups. */
export type AggTable = 'plan_org_year' | 'plan_org_day' | 'plan_report_year' | 'plan_assessment_year';

/**
 * Where a territory's aggregates are read, as `from … where …` parts: the nation rollup for the nation (migration
 * 0012_plan_nation_rollups), the province rollup when the territory is a whole province of today (its communes are
 * exactly those the rollup files under it), the fine table otherwise (communes, pre-2025 units, which cut across
 * provinces of today).
 */
export function aggSource(t: Territory, table: AggTable, alias: string) {
  const a = sql.ref(alias);
  if (t.era === null) return { from: sql`${sql.table(`${table}_nation`)} ${a}`, where: sql<boolean>`true` };
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
