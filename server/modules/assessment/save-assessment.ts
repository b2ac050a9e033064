/**
 * The cooperative's self-assessment: scores and notes per item, the approvals of its board (HĐQT) and supervisory
 * board (Ban kiểm soát, TT 01/2020/TT-BKHĐT Art. 8), the member survey (TT 09/2017 Art. 5), the service type it
 * ticks. Saved while it holds the assessment (draft or returned); the first save creates the row of the campaign.
 * A score above its maximum is kept but listed (submission is refused until corrected). An officer saves on the
 * cooperative's behalf only when it is paper-only or has no account of its own (self-scoring.ts).
 */
import type { ServiceType } from '../../../core/assessment/labels.js';
import { totalScore } from '../../../core/assessment/score.js';
import { isSelfEditable } from '../../../core/assessment/transitions.js';
import type { AssessmentStatus } from '../../../core/assessment/types.js';
import type { Ctx } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './assessment.repo.js';
import { loadAssessmentContext } from './assessment-context.js';
import { sheetOf } from './assessment-view.js';
import { refreshClassifications } from './classification.js';
import { notClassifiedReasonFor } from './eligibility.js';
import { approvedFigures, organisationFacts } from './figures.repo.js';
import { getAssessment } from './get-assessment.js';
import { checkScoreInput, type ScoreInput } from './score-input.js';
import { assertMaySelfScore } from './self-scoring.js';

/** An approval: who and when. */
export interface Approval {
  name: string;
  approvedOn: string;
}

/** What a save may change (omitted parts stay). */
export interface SaveAssessmentInput {
  scores?: ScoreInput[];
  board?: Approval | null;
  supervisor?: Approval | null;
  survey?: { validForms: number; scoreSum: number } | null;
  serviceType?: ServiceType | null;
  version?: number;
}

const EXCLUDED = 'Tổ chức không thuộc diện tự chấm điểm năm này (đã ghi lý do không xếp loại).';

/** Saves the self-assessment in one transaction with one audit row, then returns the assessment. */
export async function saveAssessment(
  ctx: Ctx,
  organisationId: number,
  year: number,
  input: SaveAssessmentInput,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await loadAssessmentContext(ctx, organisationId, year, trx, true);
    const def = a.rubric.def;
    await assertMaySelfScore(ctx, trx, a.org);
    checkScoreInput(def, input.scores ?? [], false);
    let row = a.row;
    if (!row) {
      if (a.campaign?.status !== 'open') throw conflict('campaign.closed', 'Đợt đánh giá đã kết thúc.');
      const facts = (await organisationFacts(trx, organisationId))!;
      const figures = (await approvedFigures(trx, [organisationId], year)).get(organisationId);
      if (notClassifiedReasonFor(def, facts, year, figures)) throw conflict('assessment.excluded', EXCLUDED);
      row = await repo.insertResult(trx, {
        organisation_id: organisationId,
        year,
        rubric_version_id: a.rubric.row.id,
        campaign_id: a.campaign.id,
        status: 'draft',
      });
    } else {
      if (row.imported)
        throw conflict(
          'assessment.imported',
          'Kết quả đánh giá năm cũ được nhập; sửa bằng chức năng ghi nhận kết quả.',
        );
      if (row.not_classified_reason) throw conflict('assessment.excluded', EXCLUDED);
      if (!isSelfEditable(row.status as AssessmentStatus)) {
        throw conflict(
          'assessment.not_editable',
          'Phiếu đã nộp; chỉ sửa được khi đang tự chấm hoặc bị trả lại.',
          { status: row.status },
        );
      }
      if (input.version !== undefined && input.version !== row.version) {
        throw conflict(
          'assessment.version_conflict',
          'Phiếu vừa được người khác sửa. Hãy tải lại trước khi lưu.',
        );
      }
    }
    const before = a.row ? { ...row, scores: await repo.listScores(trx, row.id) } : null;
    await repo.upsertScores(
      trx,
      row.id,
      'self',
      (input.scores ?? []).map((s) => ({ code: s.code, score: s.score, note: s.note?.trim() || null })),
    );
    const sheet = sheetOf(await repo.listScores(trx, row.id), 'self');
    const set: Parameters<typeof repo.updateResult>[2] = { self_total: String(totalScore(def, sheet).total) };
    if (input.board !== undefined)
      Object.assign(set, {
        board_name: input.board?.name.trim() ?? null,
        board_approved_on: input.board?.approvedOn ?? null,
      });
    if (input.supervisor !== undefined) {
      Object.assign(set, {
        supervisor_name: input.supervisor?.name.trim() ?? null,
        supervisor_approved_on: input.supervisor?.approvedOn ?? null,
      });
    }
    if (input.survey !== undefined) {
      Object.assign(set, {
        survey_valid_forms: input.survey?.validForms ?? null,
        survey_score_sum: input.survey ? String(input.survey.scoreSum) : null,
      });
    }
    if (input.serviceType !== undefined) set.service_type = input.serviceType;
    await repo.updateResult(trx, row.id, set);
    if (input.serviceType !== undefined) {
      await refreshClassifications(trx, year, [
        { organisationId, field: a.org.field, serviceType: input.serviceType },
      ]);
    }
    const after = { ...(await repo.findResultById(trx, row.id)), scores: await repo.listScores(trx, row.id) };
    await recordAudit(trx, ctx, {
      action: 'assessment.save',
      entityType: 'assessment',
      entityId: row.id,
      before,
      after,
      provinceId: a.org.province_id,
    });
  });
  return getAssessment(ctx, organisationId, year);
}
