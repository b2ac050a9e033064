/** Reading assessments: one organisation's assessment of a year, and its history for the organisation page. */
import { BAND_LABELS, NOT_CLASSIFIED_LABELS } from '../../../core/assessment/labels.js';
import { bandVisible } from '../../../core/assessment/transitions.js';
import type { AssessmentStatus, Band, NotClassifiedReason } from '../../../core/assessment/types.js';
import type { Ctx } from '../../context.js';
import { requireUser } from '../auth/scope.js';
import { loadOrganisationInScope } from '../organisation/organisation-access.js';
import * as repo from './assessment.repo.js';
import { loadAssessmentContext } from './assessment-context.js';
import { assessmentView } from './assessment-view.js';

/** The assessment of an organisation and year in the caller's scope (a draft not yet saved when only the campaign exists). */
export async function getAssessment(ctx: Ctx, organisationId: number, year: number) {
  return { assessment: await assessmentView(ctx, await loadAssessmentContext(ctx, organisationId, year)) };
}

/**
 * Year, total and band of every assessment of an organisation, for a small chart. A cooperative sees the province's
 * total and band once published; before that only its own total and the status.
 */
export async function assessmentHistory(ctx: Ctx, organisationId: number) {
  await loadOrganisationInScope(ctx, organisationId);
  const coop = requireUser(ctx).scope.type === 'organisation';
  const rows = await repo.listHistory(ctx.db, organisationId);
  return {
    items: rows.map((r) => {
      const shown =
        bandVisible(r.status as AssessmentStatus, r.imported) &&
        (!coop || r.imported || r.status === 'published');
      const band = shown ? (r.band as Band | null) : null;
      const reason = r.not_classified_reason as NotClassifiedReason | null;
      return {
        year: r.year,
        status: r.status,
        imported: r.imported,
        rubricCode: r.rubric_code,
        maxTotal: Number(r.max_total),
        selfTotal: r.self_total === null ? null : Number(r.self_total),
        total: shown && r.final_total !== null ? Number(r.final_total) : null,
        band,
        bandLabel: band ? BAND_LABELS[band] : null,
        notClassifiedReason: reason,
        notClassifiedLabel: reason ? NOT_CLASSIFIED_LABELS[reason] : null,
      };
    }),
  };
}
