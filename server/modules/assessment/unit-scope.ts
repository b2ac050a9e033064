/**
 * The organisations of any administrative unit of either era, for the board and the reports: a province or commune
 * of today by its id; a unit before 1/7/2025 (old province, district, commune) through communeTerritory (old commune
 * recorded on the organisation, else the lineage of its commune of today). Always limited to the caller's scope; a
 * unit outside it answers 404, and a cooperative user has no unit reports.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { communeTerritory } from '../admin-unit/admin-unit.service.js';
import { requireUser } from '../auth/scope.js';

/** The resolved unit and the SQL filter of its organisations (alias o). */
export interface UnitFilter {
  unit: { id: number; name: string; era: 'pre2025' | 'post2025'; level: number };
  approximate: boolean;
  where: RawBuilder<SqlBool>;
}

const any = (ids: number[]) => sql`any(${ids}::int[])`;
const unitNotFound = () => notFound('Không tìm thấy đơn vị hành chính trong phạm vi của bạn.');

/** Resolves a unit the caller may report on, with the organisation filter (404 otherwise). */
export async function resolveReportUnit(ctx: Ctx, unitId: number): Promise<UnitFilter> {
  const user = requireUser(ctx);
  if (user.scope.type === 'organisation') throw unitNotFound();
  const t = await communeTerritory(ctx.db, unitId);
  const unit = await ctx.db
    .selectFrom('admin_unit')
    .select(['id', 'full_name', 'era', 'level', 'province_id'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!t || !unit) throw unitNotFound();
  const post = t.postCommuneIds;
  if (user.scope.type === 'commune') {
    const own = user.scope.communeId;
    if (post.length === 0 || post.some((c) => c !== own)) throw unitNotFound();
  } else if (user.scope.type === 'province') {
    const p = user.scope.provinceId ?? -1;
    const inside =
      t.era === 'post2025'
        ? (unit.level === 1 ? unit.id : unit.province_id) === p
        : post.length > 0 &&
          (await ctx.db
            .selectFrom('admin_unit')
            .select('id')
            .where('id', '=', sql<number>`${any(post)}`)
            .where('province_id', '=', p)
            .limit(1)
            .executeTakeFirst()) !== undefined;
    if (!inside) throw unitNotFound();
  }
  let where: RawBuilder<SqlBool>;
  if (t.era === 'post2025') {
    where =
      unit.level === 1
        ? sql<SqlBool>`o.province_id = ${unit.id}`
        : sql<SqlBool>`o.commune_id = ${any(post.length ? post : [-1])}`;
  } else {
    const pre = t.preCommuneIds.length ? t.preCommuneIds : [-1];
    where = sql<SqlBool>`(o.pre2025_commune_id = ${any(pre)} or (o.pre2025_commune_id is null and o.commune_id = ${any(post.length ? post : [-1])}))`;
  }
  if (user.scope.type === 'province')
    where = sql<SqlBool>`(${where} and o.province_id = ${user.scope.provinceId ?? -1})`;
  if (user.scope.type === 'commune')
    where = sql<SqlBool>`(${where} and o.commune_id = ${user.scope.communeId ?? -1})`;
  return {
    unit: { id: unit.id, name: unit.full_name, era: unit.era, level: unit.level },
    approximate: t.approximate,
    where,
  };
}

/** A timestamp's calendar day in Vietnam, for comparing with deadlines. */
export function vietnamDay(at: Date | string | null): string | null {
  if (!at) return null;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(at));
}
