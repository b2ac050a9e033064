import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { findTarget } from './plan.repo.js';
import { getPlanInScope } from './plan-access.js';

/**
 * Removes a target encoded by mistake; one audit row. A target other targets hang from ("trong đó", allocations)
 * is refused, so a check never silently loses its parent.
 */
export async function deleteTarget(ctx: Ctx, planId: number, targetId: number) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  const before = await findTarget(ctx.db, planId, targetId);
  if (!before) throw notFound('Không tìm thấy chỉ tiêu.');
  const child = await ctx.db
    .selectFrom('plan_target')
    .select(['code', 'part'])
    .where('parent_id', '=', targetId)
    .executeTakeFirst();
  if (child) {
    const name = child.part ? `${child.code}/${child.part}` : child.code;
    throw conflict(
      'plan.target_has_children',
      `Chỉ tiêu còn chỉ tiêu con (${name}); hãy xoá hoặc sửa các chỉ tiêu con trước.`,
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_target').where('id', '=', targetId).execute();
    await recordAudit(trx, ctx, {
      action: 'plan.target_delete',
      entityType: 'plan_target',
      entityId: targetId,
      before,
      provinceId: plan.province_id,
    });
  });
  return { deleted: true };
}

/** Removes a task of "Tổ chức thực hiện"; one audit row. */
export async function deleteTask(ctx: Ctx, planId: number, taskId: number) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  const before = await ctx.db
    .selectFrom('plan_task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!before) throw notFound('Không tìm thấy nhiệm vụ.');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_task').where('id', '=', taskId).execute();
    await recordAudit(trx, ctx, {
      action: 'plan.task_delete',
      entityType: 'plan_task',
      entityId: taskId,
      before,
      provinceId: plan.province_id,
    });
  });
  return { deleted: true };
}
