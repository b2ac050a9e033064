import type { Ctx } from '../../context.js';
import { cachedRead } from '../../db/read-cache.js';
import { invalid, notFound } from '../../http/problem.js';
import { getUnitBasics, todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { requireUser, scopeProvinceFilter } from '../auth/scope.js';
import { withReadMemo } from '../indicator/read-memo.js';
import { listPlans as listPlanRows, unitLabels } from './plan.repo.js';
import { planDto } from './plan-dto.js';
import { evaluatePlan, statusSummary } from './plan-page.js';

/** Plans the caller may see (its province's and the national ones), filtered by unit, year and status. */
export function listPlans(
  ctx: Ctx,
  q: { unitId?: number; year?: number; status?: string; kind?: string; page: number; pageSize: number },
) {
  requireUser(ctx);
  const today = todayInVietnam();
  return cachedRead(ctx, 'plans', { ...q, today }, () => planList(ctx, q, today));
}

async function planList(
  ctx: Ctx,
  q: { unitId?: number; year?: number; status?: string; kind?: string; page: number; pageSize: number },
  today: string,
) {
  const { rows, total } = await listPlanRows(ctx.db, {
    provinceId: scopeProvinceFilter(ctx),
    unitId: q.unitId,
    year: q.year,
    status: q.status,
    kind: q.kind,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const labels = await unitLabels(
    ctx.db,
    rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])),
  );
  const counts =
    rows.length === 0
      ? []
      : await ctx.db
          .selectFrom('plan_target')
          .select(['plan_id', (eb) => eb.fn.count<number>('code').distinct().as('n')])
          .where(
            'plan_id',
            'in',
            rows.map((r) => r.id),
          )
          .groupBy('plan_id')
          .execute();
  // The list shows each plan's standing today, so it is evaluated like the overview (a page is at most 200 plans).
  const summaries: Record<string, number>[] = [];
  // One read memo for the page: plans of one territory share many aggregate reads (indicator/read-memo.ts).
  const shared = { ...ctx, db: withReadMemo(ctx.db) };
  for (const r of rows) summaries.push(statusSummary((await evaluatePlan(shared, r, today)).targets));
  return {
    items: rows.map((r, i) => ({
      ...planDto(r, r.unit_id ? (labels.get(r.unit_id) ?? '') : 'Toàn quốc'),
      targetCount: Number(counts.find((c) => c.plan_id === r.id)?.n ?? 0),
      statusCounts: summaries[i],
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Every plan in force for a province (its own and the national ones) with how many targets are achieved, on
 * track, at risk, not achieved or without data at the date.
 */
export function provinceOverview(ctx: Ctx, q: { provinceId: number; date?: string }) {
  const date = q.date ?? todayInVietnam();
  return cachedRead(ctx, 'plans-overview', { provinceId: q.provinceId, date }, () =>
    overview(ctx, q.provinceId, date),
  );
}

async function overview(ctx: Ctx, provinceId: number, date: string) {
  const user = requireUser(ctx);
  const q = { provinceId };
  const u = await getUnitBasics(ctx.db, q.provinceId);
  if (u?.level !== 1 || u.provinceId !== u.id) {
    throw invalid('unit.not_province', 'Hãy chọn một tỉnh, thành phố hiện hành.', [
      { path: 'provinceId', message: 'Không phải tỉnh, thành phố hiện hành.' },
    ]);
  }
  if (user.scope.type !== 'nation' && user.scope.provinceId !== u.id)
    throw notFound('Không tìm thấy đơn vị hành chính.');
  const rows = await ctx.db
    .selectFrom('plan')
    .selectAll()
    .where('status', '=', 'in_force')
    .where((eb) => eb.or([eb('province_id', '=', u.id), eb('province_id', 'is', null)]))
    .orderBy('province_id', 'desc')
    .orderBy('start_year', 'desc')
    .execute();
  const plans = [];
  const shared = { ...ctx, db: withReadMemo(ctx.db) };
  for (const p of rows) {
    const { territory, targets } = await evaluatePlan(shared, p, date);
    const summary = statusSummary(targets);
    plans.push({
      plan: planDto(p, territory.label),
      summary,
      targetCount: targets.length,
      approximate: territory.approximate,
      atRisk: targets
        .filter((t) => ['at_risk', 'not_achieved'].includes(t.evaluation.status))
        .map((t) => ({
          id: t.id,
          code: t.code,
          part: t.part,
          wording: t.wording,
          status: t.evaluation.status,
        })),
    });
  }
  return { provinceId: u.id, provinceLabel: u.fullName, date, plans };
}
