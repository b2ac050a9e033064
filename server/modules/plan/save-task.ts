import type { Ctx } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { getPlanInScope } from './plan-access.js';
import { taskDto } from './plan-dto.js';

/** A task from "Tổ chức thực hiện": agency, task, due date or recurring report deadline, status. */
export interface TaskInput {
  agency: string;
  task: string;
  dueOn?: string | null;
  recurrence?: 'semiannual' | 'annual' | null;
  deadlineMd?: string | null;
  status?: 'open' | 'in_progress' | 'done';
  note?: string | null;
  sort?: number;
}

const values = (t: Partial<TaskInput>) => ({
  ...(t.agency !== undefined ? { agency: t.agency } : {}),
  ...(t.task !== undefined ? { task: t.task } : {}),
  ...(t.dueOn !== undefined ? { due_on: t.dueOn } : {}),
  ...(t.recurrence !== undefined ? { recurrence: t.recurrence } : {}),
  ...(t.deadlineMd !== undefined ? { deadline_md: t.deadlineMd } : {}),
  ...(t.status !== undefined ? { status: t.status } : {}),
  ...(t.note !== undefined ? { note: t.note } : {}),
  ...(t.sort !== undefined ? { sort: t.sort } : {}),
});

/** Adds a task to a plan; one audit row. */
export async function createTask(ctx: Ctx, planId: number, input: TaskInput) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('plan_task')
      .values({ plan_id: planId, agency: input.agency, task: input.task, ...values(input) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'plan.task_create',
      entityType: 'plan_task',
      entityId: r.id,
      after: r,
      provinceId: plan.province_id,
    });
    return taskDto(r);
  });
}

/** Changes a task (its status as work progresses); one audit row. */
export async function updateTask(ctx: Ctx, planId: number, taskId: number, input: Partial<TaskInput>) {
  const plan = await getPlanInScope(ctx, planId, 'manage');
  const before = await ctx.db
    .selectFrom('plan_task')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!before) throw notFound('Không tìm thấy nhiệm vụ.');
  return ctx.db.transaction().execute(async (trx) => {
    const set = values(input);
    const r =
      Object.keys(set).length === 0
        ? before
        : await trx
            .updateTable('plan_task')
            .set(set)
            .where('id', '=', taskId)
            .returningAll()
            .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'plan.task_update',
      entityType: 'plan_task',
      entityId: taskId,
      before,
      after: r,
      provinceId: plan.province_id,
    });
    return taskDto(r);
  });
}
