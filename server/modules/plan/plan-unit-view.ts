import type { Kysely } from 'kysely';
import { compareVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { requireUser } from '../auth/scope.js';
import type { IndicatorDto } from '../indicator/indicator-defs.js';
import { resolveTerritory, type Territory } from '../indicator/territory.js';
import { evaluateTargetOver, figureText, type TargetEvaluation } from './evaluate-target.js';
import { type PlanRow, type TargetRow, unitChoiceRows } from './plan.repo.js';

/**
 * A plan seen for one unit inside its territory (issue 5: "for any plan, unit and date, each target beside its
 * actual"). A target allocated to units of that unit's level (LS-05a: each former district) is evaluated with its
 * own figure; any other target shows the unit's actual with no status: the plan set no figure for that unit and
 * none is invented.
 */

/** The status of a target the plan did not set for the chosen unit. */
export const NO_OWN_TARGET = 'Không có chỉ tiêu riêng cho đơn vị này';

const STRADDLES =
  'Xã, phường này được hình thành từ một phần địa bàn của kế hoạch và một phần đơn vị khác: số liệu gồm cả các tổ chức ' +
  'ở phần ngoài địa bàn kế hoạch nên là gần đúng.';

/** A unit chosen inside a plan's territory, with the territory its figures are read over. */
export interface PlanUnit {
  unitId: number;
  parentId: number | null;
  level: number;
  label: string;
  territory: Territory;
}

const subset = (xs: number[], of: number[]) => {
  const s = new Set(of);
  return xs.length > 0 && xs.every((x) => s.has(x));
};

/** True when the unit's territory lies inside the plan's (old units compared by old communes, else by today's). */
function insideTerritory(u: Territory, plan: Territory): boolean {
  if (plan.era === null) return true;
  if (u.era === 'pre2025' && plan.era === 'pre2025') return subset(u.preCommuneIds, plan.preCommuneIds);
  return subset(u.postCommuneIds, plan.postCommuneIds);
}

/**
 * Checks a unit picked on a plan: 400 when it does not exist or lies outside the plan's territory, 404 outside the
 * caller's own area (the province, or the commune of a commune officer), as every route answers.
 */
export async function resolvePlanUnit(ctx: Ctx, planTerritory: Territory, unitId: number): Promise<PlanUnit> {
  const user = requireUser(ctx);
  const basics = await getUnitBasics(ctx.db, unitId);
  if (!basics)
    throw invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
      { path: 'unitId', message: 'Không tồn tại.' },
    ]);
  if (user.scope.type !== 'nation' && basics.provinceId !== user.scope.provinceId)
    throw notFound('Không tìm thấy đơn vị hành chính.');
  const t = await resolveTerritory(ctx.db, unitId);
  if (user.scope.type === 'commune' && !subset(t.postCommuneIds, [user.scope.communeId ?? -1]))
    throw notFound('Không tìm thấy đơn vị hành chính.');
  if (!insideTerritory(t, planTerritory))
    throw invalid('plan.unit_outside_territory', 'Đơn vị được chọn không thuộc địa bàn của kế hoạch.', [
      { path: 'unitId', message: 'Chọn xã, phường hoặc đơn vị cũ thuộc địa bàn kế hoạch.' },
    ]);
  // A commune of today made partly of the plan's old territory: its figures include organisations outside it.
  const straddles =
    t.era === 'post2025' &&
    planTerritory.era === 'pre2025' &&
    t.postCommuneIds.some((id) => planTerritory.partialPostCommuneIds.includes(id));
  const territory = straddles ? { ...t, approximate: true, explanation: STRADDLES } : t;
  return { unitId, parentId: basics.parentId, level: basics.level, label: basics.fullName, territory };
}

/** The target allocated to the unit's level of the plan's unit: the row itself, or its allocated part. */
function allocationFor(plan: PlanRow, targets: TargetRow[], t: TargetRow, unit: PlanUnit): TargetRow | null {
  const applies = (x: TargetRow) =>
    x.relation === 'allocated' &&
    x.allocation_level === unit.level &&
    plan.unit_id !== null &&
    unit.parentId === plan.unit_id;
  if (applies(t)) return t;
  return targets.find((x) => x.parent_id === t.id && applies(x)) ?? null;
}

/** What a row shows for the chosen unit: its allocation, or the unit's actual without a figure. */
export type UnitView =
  | { mode: 'allocation'; targetId: number; code: string; part: string; figureText: string }
  | { mode: 'contribution'; additive: boolean; note: string };

/**
 * What a target is read as for the chosen unit: its allocation to the unit (that row, its indicator and period)
 * when the plan has one, else the target itself; always over the unit's territory. The row's actual and the
 * drill-down both start here so they count the same organisations. Null when the indicator no longer exists.
 */
export function unitTargetBasis(
  plan: PlanRow,
  targets: TargetRow[],
  t: TargetRow,
  defs: Map<string, IndicatorDto | undefined>,
  unit: PlanUnit,
): { row: TargetRow; def: IndicatorDto; allocation: boolean; territory: Territory } | null {
  const alloc = allocationFor(plan, targets, t, unit);
  const allocDef = alloc ? defs.get(alloc.indicator_key) : undefined;
  if (alloc && allocDef) return { row: alloc, def: allocDef, allocation: true, territory: unit.territory };
  const def = defs.get(t.indicator_key);
  return def ? { row: t, def, allocation: false, territory: unit.territory } : null;
}

/** One target evaluated for the chosen unit (defs: the indicator of each key, undefined when deleted). */
export async function evaluateTargetForUnit(
  db: Kysely<DB>,
  plan: PlanRow,
  targets: TargetRow[],
  t: TargetRow,
  defs: Map<string, IndicatorDto | undefined>,
  unit: PlanUnit,
  date: string,
): Promise<{ evaluation: TargetEvaluation; unitView: UnitView } | null> {
  const basis = unitTargetBasis(plan, targets, t, defs, unit);
  if (!basis) return null;
  const { row, def } = basis;
  const { result } = await evaluateTargetOver(db, plan, row, def, basis.territory, date);
  if (basis.allocation)
    return {
      evaluation: result,
      unitView: {
        mode: 'allocation',
        targetId: row.id,
        code: row.code,
        part: row.part,
        figureText: figureText(row),
      },
    };
  const m = def.spec.measure.type;
  return {
    // The plan's figure is for its whole territory: no status, level required or projection against it.
    evaluation: {
      ...result,
      status: 'no_target',
      statusLabel: NO_OWN_TARGET,
      required: null,
      projected: null,
      aboveRange: false,
    },
    unitView: {
      mode: 'contribution',
      additive: def.spec.source !== 'manual' && (m === 'count' || m === 'sum'),
      note: NO_OWN_TARGET,
    },
  };
}

/** The unit as the plan page shows it. */
export function planUnitDto(u: PlanUnit) {
  return {
    id: u.unitId,
    label: u.label,
    era: u.territory.era,
    level: u.level,
    approximate: u.territory.approximate,
    explanation: u.territory.explanation,
  };
}

/**
 * The units the plan page's filter offers, inside the caller's area: the plan's unit, its direct children (the
 * former districts of an old province), and the communes of today in its territory (the provinces of today for a
 * national plan). The API accepts any unit inside the territory; these are the ones worth listing.
 */
export async function planUnitChoices(ctx: Ctx, plan: PlanRow, territory: Territory) {
  const user = requireUser(ctx);
  const rows =
    plan.unit_id === null
      ? await unitChoiceRows(ctx.db, { provincesOfToday: true })
      : [
          ...(await unitChoiceRows(ctx.db, { ids: [plan.unit_id] })),
          ...(await unitChoiceRows(ctx.db, { parentId: plan.unit_id })),
          ...(territory.era === 'pre2025'
            ? await unitChoiceRows(ctx.db, { ids: territory.postCommuneIds })
            : []),
        ];
  const seen = new Set<number>();
  const mine = rows.filter((r) => {
    if (seen.has(r.id)) return false;
    seen.add(r.id);
    if (user.scope.type === 'nation') return true;
    if (user.scope.type === 'commune') return r.id === user.scope.communeId;
    return r.province_id === user.scope.provinceId;
  });
  const rank = (r: (typeof rows)[number]) => (r.id === plan.unit_id ? 0 : r.era === 'pre2025' ? 1 : 2);
  return mine
    .sort((a, b) => rank(a) - rank(b) || compareVietnamese(a.name, b.name))
    .map((r) => ({
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
    }));
}
