import type { Comparator } from '../../../core/plan/comparators.js';
import { ADDITIVE, checkConsistency } from '../../../core/plan/consistency.js';
import type { Ctx } from '../../context.js';
import { cachedRead } from '../../db/read-cache.js';
import { notFound } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { listAttachments } from '../attachment/attachment.service.js';
import { findIndicatorDef, type IndicatorDto } from '../indicator/indicator-defs.js';
import { drillDown, territoryDto } from '../indicator/indicator-value.js';
import { withReadMemo } from '../indicator/read-memo.js';
import { resolveTerritory } from '../indicator/territory.js';
import {
  evaluateAllocation,
  evaluateTargetOver,
  figureOf,
  figureText,
  type TargetEvaluation,
} from './evaluate-target.js';
import { findTarget, listTargets, listTasks, type PlanRow, type TargetRow, unitLabels } from './plan.repo.js';
import { getPlanInScope } from './plan-access.js';
import { planDto, targetDefDto, taskDto } from './plan-dto.js';
import {
  evaluateTargetForUnit,
  type PlanUnit,
  planUnitChoices,
  planUnitDto,
  resolvePlanUnit,
  type UnitView,
  unitTargetBasis,
} from './plan-unit-view.js';

const NO_INDICATOR: TargetEvaluation = {
  date: '',
  asOf: '',
  year: 0,
  actual: null,
  status: 'no_data',
  statusLabel: 'Chưa có dữ liệu',
  required: null,
  projected: null,
  aboveRange: false,
  baseline: null,
  figuresYear: null,
  numerator: null,
  denominator: null,
  coverage: null,
  window: null,
  source: null,
  trend: [],
  approximate: false,
  explanation: 'Chỉ số của chỉ tiêu không còn tồn tại.',
};

/**
 * Evaluates every target of a plan at a date, with allocations and consistency checks; for a unit inside the
 * plan's territory, each target's allocation to it or the unit's actual alone (plan-unit-view.ts).
 */
export async function evaluatePlan(ctx: Ctx, plan: PlanRow, date: string, unitId?: number) {
  // Targets often share an indicator and a territory: identical aggregate reads run once per evaluation.
  const db = withReadMemo(ctx.db);
  const territory = await resolveTerritory(ctx.db, plan.unit_id);
  const unit: PlanUnit | null =
    unitId === undefined || unitId === plan.unit_id ? null : await resolvePlanUnit(ctx, territory, unitId);
  const targets = await listTargets(ctx.db, plan.id);
  const defs = new Map<string, IndicatorDto | undefined>();
  for (const t of targets)
    if (!defs.has(t.indicator_key))
      defs.set(t.indicator_key, await findIndicatorDef(ctx.db, t.indicator_key));
  const items = [];
  for (const t of targets) {
    const def = defs.get(t.indicator_key);
    if (unit) {
      const v = await evaluateTargetForUnit(db, plan, targets, t, defs, unit, date);
      items.push({
        ...targetDefDto(t, def?.name.vi ?? null),
        figureText: figureText(t),
        indicatorUnit: def?.unit ?? null,
        evaluation: v?.evaluation ?? { ...NO_INDICATOR, date, asOf: date },
        unitView: (v?.unitView ?? null) as UnitView | null,
        children: null,
      });
      continue;
    }
    const evaluation = def
      ? (await evaluateTargetOver(db, plan, t, def, territory, date)).result
      : { ...NO_INDICATOR, date, asOf: date };
    const children =
      def && t.relation === 'allocated' ? await evaluateAllocation(db, plan, t, def, date) : null;
    items.push({
      ...targetDefDto(t, def?.name.vi ?? null),
      figureText: figureText(t),
      indicatorUnit: def?.unit ?? null,
      evaluation,
      unitView: null as UnitView | null,
      children,
    });
  }
  return {
    territory,
    unit,
    targets: items,
    consistency: consistencyChecks(
      targets,
      items.map((i) => i.children?.length ?? 0),
    ),
  };
}

/** Checks every target that has "of which" parts or is allocated to child units (core/plan/consistency.ts). */
export function consistencyChecks(targets: TargetRow[], childCounts: number[]) {
  const out = [];
  for (const parent of targets) {
    const parts = targets
      .map((t, i) => ({ t, count: childCounts[i] }))
      .filter((x) => x.t.parent_id === parent.id);
    const additive = (t: TargetRow) =>
      ADDITIVE.includes(t.comparator as Comparator) && t.unit_label === parent.unit_label;
    const usable = parts.filter((x) => additive(x.t) && (x.t.relation !== 'allocated' || x.count > 0));
    // Shares of different bases do not add up: only amounts (organisations, members…) are checked.
    if (!additive(parent) || parent.unit_label === '%' || usable.length === 0) continue;
    const allocated = usable.some((x) => x.t.relation === 'allocated');
    const r = checkConsistency(
      figureOf(parent),
      usable.map((x) => ({ figure: figureOf(x.t), count: x.t.relation === 'allocated' ? x.count : 1 })),
      parent.partition || allocated,
    );
    out.push({
      targetId: parent.id,
      code: parent.code,
      part: parent.part,
      partIds: usable.map((x) => x.t.id),
      ...r,
      whole: interval(r.whole),
      partsSum: interval(r.partsSum),
    });
  }
  return out;
}

const interval = (i: { lo: number; hi: number; loStrict: boolean; hiStrict: boolean }) => ({
  lo: i.lo,
  hi: Number.isFinite(i.hi) ? i.hi : null,
  loStrict: i.loStrict,
  hiStrict: i.hiStrict,
});

/** How many targets are achieved, on track, at risk, not achieved, without data (or, for a unit, without a figure). */
export function statusSummary(targets: { evaluation: { status: string } }[]): Record<string, number> {
  const statuses = ['achieved', 'on_track', 'at_risk', 'not_achieved', 'no_data'];
  if (targets.some((t) => t.evaluation.status === 'no_target')) statuses.push('no_target');
  return Object.fromEntries(
    statuses.map((s) => [s, targets.filter((t) => t.evaluation.status === s).length]),
  );
}

/**
 * The plan page: header, territory, targets with actual/status/trend/projection, tasks, checks and files; with
 * unitId, the targets as they stand for that unit, and the units its filter offers.
 */
export function getPlanPage(ctx: Ctx, id: number, q: { date?: string; unitId?: number }) {
  const date = q.date ?? todayInVietnam();
  return cachedRead(ctx, 'plan-page', { id, date, unitId: q.unitId ?? null }, () =>
    planPage(ctx, id, date, q.unitId),
  );
}

async function planPage(ctx: Ctx, id: number, date: string, unitId: number | undefined) {
  const plan = await getPlanInScope(ctx, id, 'read');
  const { territory, unit, targets, consistency } = await evaluatePlan(ctx, plan, date, unitId);
  const tasks = (await listTasks(ctx.db, plan.id)).map(taskDto);
  let attachments: Awaited<ReturnType<typeof listAttachments>>['items'] = [];
  try {
    attachments = (await listAttachments(ctx, 'plan', String(plan.id))).items;
  } catch {
    attachments = []; // a national plan's files are listed to national users only (attachment scope)
  }
  const summary = statusSummary(targets);
  return {
    plan: planDto(plan, territory.label),
    territory: territoryDto(territory),
    unit: unit ? planUnitDto(unit) : null,
    unitChoices: await planUnitChoices(ctx, plan, territory),
    date,
    summary,
    targets,
    tasks,
    consistency,
    attachments,
  };
}

/**
 * A target of a plan in the caller's scope and what its actual is read from: the target over the plan's territory,
 * or, with a unit inside it (checked as on the plan page), its allocation to the unit or the target over the unit.
 */
async function targetInPlan(ctx: Ctx, planId: number, targetId: number, unitId?: number) {
  const plan = await getPlanInScope(ctx, planId, 'read');
  const t = await findTarget(ctx.db, planId, targetId);
  if (!t) throw notFound('Không tìm thấy chỉ tiêu.');
  const territory = await resolveTerritory(ctx.db, plan.unit_id);
  const unit: PlanUnit | null =
    unitId === undefined || unitId === plan.unit_id ? null : await resolvePlanUnit(ctx, territory, unitId);
  // The target and its parts: an allocation to the unit is one of them.
  const targets = unit ? (await listTargets(ctx.db, plan.id)).filter((x) => x.parent_id === t.id) : [];
  const defs = new Map<string, IndicatorDto | undefined>();
  for (const x of [t, ...targets])
    if (!defs.has(x.indicator_key))
      defs.set(x.indicator_key, await findIndicatorDef(ctx.db, x.indicator_key));
  const own = defs.get(t.indicator_key);
  const basis = unit
    ? unitTargetBasis(plan, targets, t, defs, unit)
    : own && { row: t, def: own, allocation: false, territory };
  if (!basis) throw notFound('Không tìm thấy chỉ số của chỉ tiêu.');
  return { plan, t, own, territory, unit, targets, defs, basis };
}

/** One target evaluated at a date (today by default), for the plan's territory or, with unitId, for that unit. */
export async function evaluateOneTarget(
  ctx: Ctx,
  planId: number,
  targetId: number,
  q: { date?: string; unitId?: number },
) {
  const { plan, t, own, territory, unit, targets, defs, basis } = await targetInPlan(
    ctx,
    planId,
    targetId,
    q.unitId,
  );
  const date = q.date ?? todayInVietnam();
  const def = basis.def;
  let evaluation: TargetEvaluation;
  let unitView: UnitView | null = null;
  let children = null;
  let place = { ...territoryDto(territory), label: territory.label };
  if (unit) {
    const v = await evaluateTargetForUnit(ctx.db, plan, targets, t, defs, unit, date);
    if (!v) throw notFound('Không tìm thấy chỉ số của chỉ tiêu.');
    ({ evaluation, unitView } = v);
    place = { ...territoryDto(unit.territory), label: unit.label };
  } else {
    evaluation = (await evaluateTargetOver(ctx.db, plan, t, def, territory, date)).result;
    if (t.relation === 'allocated') children = await evaluateAllocation(ctx.db, plan, t, def, date);
    const labels = await unitLabels(ctx.db, plan.unit_id ? [plan.unit_id] : []);
    if (plan.unit_id) place.label = labels.get(plan.unit_id) ?? territory.label;
  }
  return {
    target: {
      ...targetDefDto(t, own?.name.vi ?? null),
      figureText: figureText(t),
      indicatorUnit: own?.unit ?? null,
    },
    indicator: { key: def.key, name: def.name, definition: def.definition, unit: def.unit },
    territory: place,
    unit: unit ? planUnitDto(unit) : null,
    unitView,
    evaluation,
    children,
  };
}

/**
 * The organisations a target's actual counted (or its base), paginated, within the caller's scope; with unitId,
 * exactly those behind the actual the plan page shows for that unit.
 */
export async function listTargetOrganisations(
  ctx: Ctx,
  planId: number,
  targetId: number,
  q: { date?: string; unitId?: number; set: 'numerator' | 'denominator'; page: number; pageSize: number },
) {
  const { plan, basis } = await targetInPlan(ctx, planId, targetId, q.unitId);
  const date = q.date ?? todayInVietnam();
  const { ev, result } = await evaluateTargetOver(ctx.db, plan, basis.row, basis.def, basis.territory, date);
  return drillDown(ctx, basis.def, basis.territory, result.asOf, ev, q);
}
