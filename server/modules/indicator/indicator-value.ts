import type { Ctx } from '../../context.js';
import { cachedRead } from '../../db/read-cache.js';
import { notFound } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { assertProvinceScope, orgScopeFilter, requireUser } from '../auth/scope.js';
import { listCounted } from './base.repo.js';
import { evaluateSpec, type IndicatorEvaluation } from './evaluate-indicator.js';
import { getIndicatorInScope, type IndicatorDto } from './indicator-defs.js';
import { resolveTerritory, type Territory } from './territory.js';

/** Resolves a unit (null = the nation) the caller may evaluate: the nation for national users, else its province. */
export async function territoryInScope(ctx: Ctx, unitId: number | null): Promise<Territory> {
  const user = requireUser(ctx);
  if (unitId === null && user.scope.type !== 'nation') throw notFound('Không tìm thấy đơn vị hành chính.');
  const t = await resolveTerritory(ctx.db, unitId);
  if (unitId !== null) assertProvinceScope(ctx, { provinceId: t.provinceId });
  return t;
}

/** The value of an indicator for a unit at a date (today by default), with its yearly series. */
export function getIndicatorValue(
  ctx: Ctx,
  key: string,
  q: { unitId?: number; date?: string; from?: string; to?: string },
) {
  const date = q.date ?? todayInVietnam();
  return cachedRead(ctx, 'indicator-value', { key, ...q, date }, () => indicatorValue(ctx, key, q, date));
}

async function indicatorValue(
  ctx: Ctx,
  key: string,
  q: { unitId?: number; from?: string; to?: string },
  date: string,
) {
  const def = await getIndicatorInScope(ctx, key);
  const t = await territoryInScope(ctx, q.unitId ?? null);
  const y = Number(date.slice(0, 4));
  const ev = await evaluateSpec(
    ctx.db,
    def.spec,
    t,
    { date, from: q.from, to: q.to, seriesFrom: y - 5, seriesTo: y },
    def.key,
  );
  return { indicator: def, territory: territoryDto(t), date, evaluation: ev };
}

/** The territory as the API shows it. */
export function territoryDto(t: Territory) {
  return {
    unitId: t.unitId,
    label: t.label,
    era: t.era,
    approximate: t.approximate,
    explanation: t.explanation,
  };
}

/** Paging and the set to list. */
export interface DrillInput {
  set: 'numerator' | 'denominator';
  page: number;
  pageSize: number;
}

/**
 * One page of the organisations an evaluation counted (or its base), limited to the caller's own scope: a
 * national plan's total may be shown to a province officer, its organisations elsewhere are not.
 */
export async function drillDown(
  ctx: Ctx,
  def: IndicatorDto,
  t: Territory,
  date: string,
  ev: IndicatorEvaluation,
  q: DrillInput,
) {
  const scope = orgScopeFilter(ctx);
  const { rows, total } = await listCounted(ctx.db, {
    spec: def.spec,
    territory: t,
    date,
    from: ev.window?.from ?? `${date.slice(0, 4)}-01-01`,
    to: ev.window?.to ?? date,
    figuresYear: ev.figuresYear,
    set: q.set,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    scope,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      regCode: r.reg_code,
      kind: r.kind,
      field: r.field,
      legalStatus: r.legal_status,
      communeName: r.commune_name,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    figuresYear: ev.figuresYear,
    set: q.set,
    note: def.spec.source === 'manual' ? 'Chỉ số nhập tay: không có danh sách tổ chức.' : null,
  };
}

/** The organisations behind an indicator's value for a unit at a date. */
export async function listIndicatorOrganisations(
  ctx: Ctx,
  key: string,
  q: DrillInput & { unitId?: number; date?: string },
) {
  const { indicator, date, evaluation } = await getIndicatorValue(ctx, key, q);
  const t = await resolveTerritory(ctx.db, q.unitId ?? null);
  return drillDown(ctx, indicator, t, date, evaluation, q);
}
