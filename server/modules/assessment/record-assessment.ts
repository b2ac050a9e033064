/** An officer records a past year's result by hand (imported = true), e.g. from a paper archive. */
import type { Band, NotClassifiedReason } from '../../../core/assessment/types.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { loadOrganisationInScope } from '../organisation/organisation-access.js';
import * as repo from './assessment.repo.js';
import * as campaigns from './campaign.repo.js';
import { getAssessment } from './get-assessment.js';
import { blockedByExisting, checkPastResult, writePastResult } from './imported-result.js';
import { type LoadedRubric, loadRubric } from './load-rubric.js';
import { findRubricVersionByCode } from './rubric.repo.js';

/** The rubric a past result of a province and year is read with: the one given, that of the year's campaign, else TT 01/2020. */
export async function pastRubric(
  db: Ctx['db'],
  provinceId: number,
  year: number,
  rubricVersionId?: number | null,
): Promise<LoadedRubric> {
  if (rubricVersionId) return loadRubric(db, rubricVersionId);
  const c = await campaigns.findCampaignFor(db, provinceId, year);
  if (c) return loadRubric(db, c.rubric_version_id);
  const shipped = await findRubricVersionByCode(db, 'TT01-2020');
  return loadRubric(db, shipped!.id);
}

/** A past result as an officer enters it. */
export interface RecordAssessmentInput {
  rubricVersionId?: number | null;
  total?: number | null;
  band?: Band | null;
  notClassifiedReason?: NotClassifiedReason | null;
  scores?: { code: string; score: number }[];
}

/** Records (or replaces) an organisation's past result; 409 when the year has a result in the workflow. */
export async function recordAssessment(
  ctx: Ctx,
  organisationId: number,
  year: number,
  input: RecordAssessmentInput,
) {
  const user = requireUser(ctx);
  const org = await loadOrganisationInScope(ctx, organisationId);
  if (org.kind === 'THT')
    throw invalid('assessment.not_applicable', 'Tổ hợp tác không thuộc diện đánh giá, xếp loại hợp tác xã.');
  await ctx.db.transaction().execute(async (trx) => {
    const rubric = await pastRubric(trx, org.province_id, year, input.rubricVersionId);
    const existing = await repo.findResult(trx, organisationId, year, true);
    const blocked = blockedByExisting(existing, year);
    if (blocked) throw conflict('assessment.exists_in_workflow', blocked);
    const checked = checkPastResult(rubric, {
      total: input.total ?? null,
      band: input.band ?? null,
      reason: input.notClassifiedReason ?? null,
      scores: input.scores ?? [],
    });
    if ('errors' in checked)
      throw new AppError(
        400,
        'assessment.record_invalid',
        'Kết quả đánh giá nhập tay chưa hợp lệ.',
        checked.errors,
      );
    const w = await writePastResult(
      trx,
      { organisationId, field: org.field },
      year,
      rubric,
      checked.ok,
      user.id,
    );
    await recordAudit(trx, ctx, {
      action: 'assessment.record',
      entityType: 'assessment',
      entityId: w.id,
      before: existing
        ? { band: existing.band, finalTotal: existing.final_total, reason: existing.not_classified_reason }
        : null,
      after: { year, rubric: rubric.def.code, ...checked.ok },
      provinceId: org.province_id,
    });
  });
  return getAssessment(ctx, organisationId, year);
}
