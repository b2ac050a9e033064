import type { Ctx } from '../../context.js';
import { AppError } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import * as repo from './annual-report.repo.js';
import { loadReportInScope, toComment, toFlag } from './report-view.js';

const FLAG_STATUS_VI = { open: 'cần xem xét', explained: 'đã giải trình', resolved: 'đã xử lý' } as const;
/** Statuses an officer may give a quality flag. */
export type FlagStatus = keyof typeof FLAG_STATUS_VI;

const flagNotFound = () =>
  new AppError(404, 'report.flag_not_found', 'Không tìm thấy cảnh báo chất lượng này trong báo cáo.');

/** The comment trail of a report the caller can see, oldest first. */
export async function listReportComments(ctx: Ctx, reportId: number) {
  await loadReportInScope(ctx, reportId);
  return { items: (await repo.listComments(ctx.db, reportId)).map(toComment) };
}

/** Adds a comment to a report, optionally about one quality flag or one figure. Anyone who can see the report may comment. */
export async function addReportComment(
  ctx: Ctx,
  reportId: number,
  input: { body: string; flagId?: number; field?: string },
) {
  const user = requireUser(ctx);
  const { org } = await loadReportInScope(ctx, reportId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.flagId !== undefined && !(await repo.findFlag(trx, reportId, input.flagId)))
      throw flagNotFound();
    const [commentId] = await repo.insertComments(trx, [
      {
        reportId,
        authorId: user.id,
        kind: input.flagId !== undefined ? 'quality' : 'note',
        body: input.body.trim(),
        field: input.field ?? null,
        flagId: input.flagId ?? null,
      },
    ]);
    await recordAudit(trx, ctx, {
      action: 'report.comment',
      entityType: 'annual_report',
      entityId: reportId,
      after: { commentId, flagId: input.flagId ?? null, field: input.field ?? null, body: input.body.trim() },
      provinceId: org.province_id,
    });
    return commentId;
  });
  const comment = (await repo.listComments(ctx.db, reportId)).find((c) => c.id === id)!;
  return toComment(comment);
}

/** Marks a quality flag explained or resolved (or open again), with an optional note in the trail (report.review). */
export async function setFlagStatus(
  ctx: Ctx,
  reportId: number,
  flagId: number,
  input: { status: FlagStatus; note?: string },
) {
  const user = requireUser(ctx);
  const { org } = await loadReportInScope(ctx, reportId);
  return ctx.db.transaction().execute(async (trx) => {
    const flag = await repo.findFlag(trx, reportId, flagId);
    if (!flag) throw flagNotFound();
    await repo.updateFlag(trx, flagId, { status: input.status });
    const note = input.note?.trim();
    await repo.insertComments(trx, [
      {
        reportId,
        authorId: user.id,
        kind: 'quality',
        flagId,
        body: `Đánh dấu cảnh báo là "${FLAG_STATUS_VI[input.status]}"${note ? `: ${note}` : '.'}`,
      },
    ]);
    await recordAudit(trx, ctx, {
      action: 'report.flag_status',
      entityType: 'annual_report',
      entityId: reportId,
      before: { flagId, rule: flag.rule, status: flag.status },
      after: { flagId, rule: flag.rule, status: input.status, note: note ?? null },
      provinceId: org.province_id,
    });
    return toFlag((await repo.findFlag(trx, reportId, flagId))!);
  });
}
