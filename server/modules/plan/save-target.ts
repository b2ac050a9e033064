import type { Kysely } from 'kysely';
import type { TargetInput } from '../../../core/plan/contracts.js';

export type { TargetInput } from '../../../core/plan/contracts.js';

import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { getIndicatorInScope } from '../indicator/indicator-defs.js';
import { figureText } from './evaluate-target.js';
import { findTarget, type PlanRow } from './plan.repo.js';
import { getPlanInScope } from './plan-access.js';
import { targetDefDto } from './plan-dto.js';

const bad = (path: string, message: string) =>
  invalid('plan.target_invalid', `Chỉ tiêu không hợp lệ: ${message}`, [{ path, message }]);

/** The rules a target must meet within its plan (the indicator, the range, the parent, the allocation, the years). */
async function checkTarget(db: Kysely<DB>, plan: PlanRow, t: TargetInput, selfId: number | null) {
  if (t.comparator === 'range' && (t.valueMax === null || t.valueMax === undefined || t.valueMax < t.value))
    throw bad('valueMax', 'khoảng "từ … đến" cần giá trị cuối không nhỏ hơn giá trị đầu.');
  if (t.targetYear < plan.start_year || t.targetYear > plan.end_year)
    throw bad(
      'targetYear',
      `năm chỉ tiêu phải nằm trong thời kỳ ${plan.start_year}–${plan.end_year} của kế hoạch.`,
    );
  if (((t.baselineValue ?? null) === null) !== ((t.baselineDate ?? null) === null))
    throw bad('baselineDate', 'mốc xuất phát cần cả giá trị và ngày.');
  if (t.relation && !t.parentId) throw bad('parentId', 'chỉ tiêu "trong đó" hoặc phân bổ cần chỉ tiêu cha.');
  if (t.parentId) {
    if (t.parentId === selfId) throw bad('parentId', 'chỉ tiêu không thể là cha của chính nó.');
    const parent = await findTarget(db, plan.id, t.parentId);
    if (!parent) throw bad('parentId', 'chỉ tiêu cha không thuộc kế hoạch này.');
  }
  if (t.relation === 'allocated' && !t.allocationLevel)
    throw bad('allocationLevel', 'chỉ tiêu phân bổ cần cấp đơn vị nhận phân bổ.');
}

const values = (t: TargetInput) => ({
  code: t.code,
  part: t.part ?? '',
  parent_id: t.parentId ?? null,
  relation: t.relation ?? null,
  objective: t.objective ?? null,
  indicator_key: t.indicatorKey,
  unit_label: t.unit,
  comparator: t.comparator,
  value: String(t.value),
  value_max: t.valueMax === null || t.valueMax === undefined ? null : String(t.valueMax),
  tolerance: t.tolerance === null || t.tolerance === undefined ? null : String(t.tolerance),
  target_year: t.targetYear,
  recurring: t.recurring ?? false,
  period_start: t.periodStart ?? null,
  baseline_value: t.baselineValue === null || t.baselineValue === undefined ? null : String(t.baselineValue),
  baseline_date: t.baselineDate ?? null,
  wording: t.wording,
  note: t.note ?? null,
  allocation_level: t.allocationLevel ?? null,
  partition: t.partition ?? false,
  sort: t.sort ?? 0,
});

const isDuplicate = (e: unknown) => (e as { code?: string })?.code === '23505';
const duplicate = () => conflict('plan.target_duplicate', 'Kế hoạch đã có chỉ tiêu với mã và phần này.');

/** Adds a target to a plan; one audit row. */
export async function createTarget(ctx: Ctx, planId: number, input: TargetInput) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  const def = await getIndicatorInScope(ctx, input.indicatorKey);
  await checkTarget(ctx.db, plan, input, null);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('plan_target')
        .values({ plan_id: planId, ...values(input) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'plan.target_create',
        entityType: 'plan_target',
        entityId: r.id,
        after: r,
        provinceId: plan.province_id,
      });
      return { ...targetDefDto(r, def.name.vi), figureText: figureText(r) };
    });
  } catch (e) {
    if (isDuplicate(e)) throw duplicate();
    throw e;
  }
}

/** Replaces a target's encoding; one audit row. */
export async function updateTarget(ctx: Ctx, planId: number, targetId: number, input: TargetInput) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  const before = await findTarget(ctx.db, planId, targetId);
  if (!before) throw notFound('Không tìm thấy chỉ tiêu.');
  const def = await getIndicatorInScope(ctx, input.indicatorKey);
  await checkTarget(ctx.db, plan, input, targetId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('plan_target')
        .set(values(input))
        .where('id', '=', targetId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'plan.target_update',
        entityType: 'plan_target',
        entityId: r.id,
        before,
        after: r,
        provinceId: plan.province_id,
      });
      return { ...targetDefDto(r, def.name.vi), figureText: figureText(r) };
    });
  } catch (e) {
    if (isDuplicate(e)) throw duplicate();
    throw e;
  }
}
