/**
 * The province's confirmation: final score per item = officer score where given, else the cooperative's; the final
 * total must be complete; the band follows the rubric (thresholds, an override such as "Yếu when sanctioned" under
 * TT 09/2017/TT-BNNPTNT Art. 6 winning). Classifications are recomputed from the approved figures.
 */
import { classifyTotal, totalScore } from '../../../core/assessment/score.js';
import type { NotClassifiedReason } from '../../../core/assessment/types.js';
import { AppError } from '../../http/problem.js';
import type * as repo from './assessment.repo.js';
import type { AssessmentContext } from './assessment-context.js';
import { sheetOf } from './assessment-view.js';
import { refreshClassifications } from './classification.js';
import { approvedFigures } from './figures.repo.js';

type Trx = Parameters<typeof repo.updateResult>[0];

/** The columns a confirmation sets (400 assessment.incomplete when the final sheet is not complete). */
export async function confirmSet(
  a: AssessmentContext,
  row: repo.ResultRow,
  scores: repo.ScoreRow[],
  input: { sanctioned?: boolean | null; comment?: string },
  userId: number,
  trx: Trx,
) {
  const def = a.rubric.def;
  const final = totalScore(def, sheetOf(scores, 'final'));
  if (final.issues.length > 0) {
    throw new AppError(
      400,
      'assessment.incomplete',
      `Chưa thể xác nhận: còn ${final.issues.length} tiêu chí chưa có điểm hợp lệ.`,
      final.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }
  const figures = (await approvedFigures(trx, [a.org.id], a.year)).get(a.org.id);
  const sanctioned = input.sanctioned ?? row.sanctioned ?? figures?.figures.administrativeSanction === true;
  const c = classifyTotal(def, final.total, {
    excludedReason: row.not_classified_reason as NotClassifiedReason | null,
    sanctioned,
  });
  await refreshClassifications(
    trx,
    a.year,
    [{ organisationId: a.org.id, field: a.org.field, serviceType: row.service_type }],
    figures ? new Map([[a.org.id, figures]]) : new Map(),
  );
  const officerGiven = scores.some((s) => s.officer_score !== null);
  return {
    final_total: String(final.total),
    officer_total: officerGiven ? String(final.total) : null,
    band: c.band,
    override_applied: c.override?.kind ?? null,
    sanctioned,
    confirmed_at: new Date(),
    confirmed_by: userId,
    review_comment: input.comment ?? row.review_comment,
  };
}
