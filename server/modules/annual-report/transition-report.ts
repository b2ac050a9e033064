import {
  labelOf,
  type OrganisationKind,
  REPORT_STATUSES,
  type ReportStatus,
} from '../../../core/registry/enums.js';
import { REPORT_FIELD_BY_KEY } from '../../../core/registry/report-fields.js';
import { rowToFigures } from '../../../core/registry/report-input.js';
import {
  missingRequiredFigures,
  nextReportStatus,
  type ReportAction,
} from '../../../core/registry/report-workflow.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import * as repo from './annual-report.repo.js';
import { refreshQualityFlags } from './report-quality.js';
import { loadOrganisationInScope, reportDetail, reportNotFound } from './report-view.js';
import { assertYearOpen } from './save-report.js';

const ACTION_VI: Record<ReportAction, string> = {
  submit: 'gửi',
  return: 'trả lại',
  approve: 'duyệt',
  reopen: 'mở lại',
};
const DEFAULT_BODY: Partial<Record<ReportAction, string>> = {
  submit: 'Đã gửi báo cáo.',
  approve: 'Đã duyệt báo cáo.',
};

/** What a workflow step carries: the trail text and, on return, comments on single figures. */
export interface TransitionInput {
  comment?: string;
  fieldComments?: Record<string, string>;
}

/**
 * Moves a report along the workflow (core/registry/report-workflow.ts) in one transaction: checks the
 * transition (409 report.invalid_transition), on submit the required figures (400 report.incomplete)
 * and the data-quality rules, then writes the new status, the trail comments and one audit row.
 * Who may act is the route's permission plus the organisation scope checked here.
 */
async function transition(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  action: ReportAction,
  input: TransitionInput,
) {
  const user = requireUser(ctx);
  const org = await loadOrganisationInScope(ctx, organisationId);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const report = await repo.findReport(trx, organisationId, year, period, true);
    if (!report) throw reportNotFound(year, period);
    const from = report.status as ReportStatus;
    const to = nextReportStatus(from, action);
    if (!to) {
      throw conflict(
        'report.invalid_transition',
        `Không thể ${ACTION_VI[action]} báo cáo đang ở trạng thái "${labelOf(REPORT_STATUSES, from)}".`,
        { status: from, action },
      );
    }
    if (action === 'submit') {
      await assertYearOpen(trx, organisationId, year, period);
      const missing = missingRequiredFigures(
        org.kind as OrganisationKind,
        rowToFigures(report as unknown as Record<string, unknown>),
      );
      if (missing.length > 0) {
        const keys = missing.flatMap((m) => m.keys);
        throw new AppError(
          400,
          'report.incomplete',
          `Chưa thể gửi báo cáo: còn thiếu ${missing.length} yêu cầu về số liệu bắt buộc.`,
          missing.flatMap((m) => m.keys.map((k) => ({ path: `figures.${k}`, message: m.message }))),
          { missing: keys },
        );
      }
    }
    const now = new Date();
    const set =
      action === 'submit'
        ? { status: to, submitted_at: now, submitted_by: user.id }
        : action === 'reopen'
          ? { status: to }
          : { status: to, reviewed_at: now, reviewed_by: user.id };
    const updated = await repo.updateReport(trx, report.id, { status: from }, set);
    if (!updated)
      throw conflict('report.invalid_transition', 'Báo cáo vừa được người khác xử lý. Hãy tải lại.', {
        status: from,
        action,
      });
    const flags = action === 'submit' ? await refreshQualityFlags(trx, org, updated) : null;
    const body = input.comment?.trim() || DEFAULT_BODY[action] || '';
    await repo.insertComments(trx, [
      { reportId: report.id, authorId: user.id, kind: action, body },
      ...Object.entries(input.fieldComments ?? {})
        .filter(([, text]) => typeof text === 'string')
        .map(([field, text]) => ({
          reportId: report.id,
          authorId: user.id,
          kind: action,
          field,
          body: `${REPORT_FIELD_BY_KEY.get(field)?.vi ?? field}: ${text.trim()}`,
        })),
    ]);
    await recordAudit(trx, ctx, {
      action: `report.${action}`,
      entityType: 'annual_report',
      entityId: report.id,
      before: { status: from, version: report.version },
      after: {
        status: to,
        version: updated.version,
        organisationId,
        year,
        period,
        comment: body,
        ...(input.fieldComments ? { fieldComments: input.fieldComments } : {}),
        ...(flags ? { qualityFlags: flags.map((f) => f.rule) } : {}),
      },
      provinceId: org.province_id,
    });
    return updated;
  });
  return reportDetail(ctx.db, org, row);
}

/** Submits a draft or returned report (report.submit: the cooperative for itself, officers on its behalf). */
export function submitReport(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  input: { comment?: string } = {},
) {
  return transition(ctx, organisationId, year, period, 'submit', input);
}

/** Returns a submitted report for correction, with a comment and optional comments per figure (report.review). */
export function returnReport(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  input: { comment: string; fieldComments?: Record<string, string> },
) {
  return transition(ctx, organisationId, year, period, 'return', input);
}

/** Approves a submitted report; its figures are then locked (report.review). */
export function approveReport(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  input: { comment?: string } = {},
) {
  return transition(ctx, organisationId, year, period, 'approve', input);
}

/** Reopens an approved report as a draft; a reason is required (report.reopen, province roles). */
export function reopenReport(
  ctx: Ctx,
  organisationId: number,
  year: number,
  period: string,
  input: { reason: string },
) {
  return transition(ctx, organisationId, year, period, 'reopen', { comment: input.reason });
}
