/**
 * Moves an assessment along the workflow of core/assessment/transitions.ts in one transaction with one audit row:
 * submit (complete scores and both approvals required: 400 assessment.incomplete listing what is missing), accept or
 * return by the commune (comments per item), confirm by the province (officer scores beside self-scores; final =
 * officer score where given else self; band from the rubric, an override winning), publish, reopen. Illegal moves:
 * 409 assessment.invalid_transition. Who may act is the route's permission plus the organisation scope.
 */
import { STATUS_LABELS } from '../../../core/assessment/labels.js';
import { totalScore } from '../../../core/assessment/score.js';
import {
  ACTION_LABELS,
  type AssessmentAction,
  nextAssessmentStatus,
} from '../../../core/assessment/transitions.js';
import type { AssessmentStatus } from '../../../core/assessment/types.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict, type FieldError } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import * as repo from './assessment.repo.js';
import { type AssessmentContext, loadAssessmentContext } from './assessment-context.js';
import { sheetOf } from './assessment-view.js';
import { confirmSet } from './confirm-assessment.js';
import { getAssessment } from './get-assessment.js';
import { checkScoreInput, type ScoreInput } from './score-input.js';
import { assertMaySelfScore } from './self-scoring.js';

/** What a step may carry. */
export interface TransitionInput {
  comment?: string;
  /** Return: comments on single items. */
  items?: { code: string; comment: string }[];
  /** Accept / confirm: the officer's scores. */
  officerScores?: ScoreInput[];
  /** Confirm: administratively sanctioned in the year (default: the approved yearly figure). */
  sanctioned?: boolean | null;
}

type Row = repo.ResultRow;

/** The reasons a self-assessment cannot be submitted yet, per item and approval. */
function submissionProblems(a: AssessmentContext, row: Row, scores: repo.ScoreRow[]): FieldError[] {
  const out: FieldError[] = totalScore(a.rubric.def, sheetOf(scores, 'self')).issues.map((i) => ({
    path: i.path,
    message: i.message,
  }));
  if (!row.board_name || !row.board_approved_on) {
    out.push({
      path: 'board',
      message:
        'Chưa ghi Hội đồng quản trị (hoặc Giám đốc với HTX quản trị rút gọn) thông qua kết quả tự chấm.',
    });
  }
  if (!row.supervisor_name || !row.supervisor_approved_on) {
    out.push({
      path: 'supervisor',
      message: 'Chưa ghi Ban kiểm soát hoặc kiểm soát viên thông qua kết quả tự chấm.',
    });
  }
  return out;
}

async function applyAction(
  ctx: Ctx,
  a: AssessmentContext,
  row: Row,
  action: AssessmentAction,
  input: TransitionInput,
  trx: Parameters<typeof repo.updateResult>[0],
): Promise<Parameters<typeof repo.updateResult>[2]> {
  const user = requireUser(ctx);
  const now = new Date();
  if (action === 'submit') {
    if (a.campaign && a.campaign.status !== 'open')
      throw conflict('campaign.closed', 'Đợt đánh giá đã kết thúc.');
    await assertMaySelfScore(ctx, trx, a.org);
    const problems = submissionProblems(a, row, await repo.listScores(trx, row.id));
    if (problems.length > 0) {
      throw new AppError(
        400,
        'assessment.incomplete',
        `Chưa thể nộp phiếu: còn ${problems.length} mục chưa đạt yêu cầu.`,
        problems,
      );
    }
    return { submitted_at: now, submitted_by: user.id };
  }
  if (action === 'accept' || action === 'confirm') {
    checkScoreInput(a.rubric.def, input.officerScores ?? [], true);
    await repo.upsertScores(
      trx,
      row.id,
      'officer',
      (input.officerScores ?? []).map((s) => ({
        code: s.code,
        score: s.score,
        note: s.note?.trim() || null,
      })),
    );
  }
  if (action === 'accept')
    return { reviewed_at: now, reviewed_by: user.id, review_comment: input.comment ?? row.review_comment };
  if (action === 'return') {
    checkScoreInput(
      a.rubric.def,
      (input.items ?? []).map((i) => ({ code: i.code, score: null })),
      false,
    );
    await repo.setReturnComments(trx, row.id, input.items ?? []);
    return { reviewed_at: now, reviewed_by: user.id, review_comment: input.comment ?? null };
  }
  if (action === 'confirm')
    return confirmSet(a, row, await repo.listScores(trx, row.id), input, user.id, trx);
  if (action === 'publish') return { published_at: now };
  // reopen: the band exists only once confirmed (assessment_result_band_when_ck).
  return {
    band: null,
    final_total: null,
    officer_total: null,
    override_applied: null,
    confirmed_at: null,
    confirmed_by: null,
    published_at: null,
    review_comment: input.comment ?? null,
  };
}

/** Applies one workflow action and returns the assessment as the caller now sees it. */
export async function transitionAssessment(
  ctx: Ctx,
  organisationId: number,
  year: number,
  action: AssessmentAction,
  input: TransitionInput,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadAssessmentContext(ctx, organisationId, year, trx, true);
    const row = a.row;
    const from = (row?.status ?? 'draft') as AssessmentStatus;
    const to = nextAssessmentStatus(from, action);
    if (!row || !to || row.imported || row.not_classified_reason) {
      const why = row?.imported
        ? ' (kết quả nhập từ năm cũ)'
        : row?.not_classified_reason
          ? ' (tổ chức không thuộc diện xếp loại năm này)'
          : '';
      throw conflict(
        'assessment.invalid_transition',
        `Không thể ${ACTION_LABELS[action]} phiếu đánh giá đang ở trạng thái "${STATUS_LABELS[from]}"${why}.`,
        { status: from, action },
      );
    }
    const set = await applyAction(ctx, a, row, action, input, trx);
    await repo.updateResult(trx, row.id, { ...set, status: to });
    const after = (await repo.findResultById(trx, row.id))!;
    await recordAudit(trx, ctx, {
      action: `assessment.${action}`,
      entityType: 'assessment',
      entityId: row.id,
      before: { status: from, band: row.band, finalTotal: row.final_total },
      after: {
        status: to,
        band: after.band,
        finalTotal: after.final_total,
        selfTotal: after.self_total,
        comment: input.comment ?? null,
        items: input.items ?? undefined,
        officerScores: input.officerScores ?? undefined,
      },
      provinceId: a.org.province_id,
    });
  });
  return getAssessment(ctx, organisationId, year);
}
