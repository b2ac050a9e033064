/**
 * The assessment as the API returns it: the rubric tree with self, officer and final scores per item, the
 * suggested score from approved figures and whether the self-score differs from it, totals, band, approvals,
 * classifications and the actions the caller may take. A cooperative sees officer scores and the band only once
 * the result is published to it.
 */
import { numericFigures } from '../../../core/assessment/figures.js';
import {
  BAND_LABELS,
  NEEDS_APPENDIX_TEXT,
  NOT_CLASSIFIED_LABELS,
  STATUS_LABELS,
} from '../../../core/assessment/labels.js';
import { totalScore } from '../../../core/assessment/score.js';
import { suggestScores } from '../../../core/assessment/suggest.js';
import { ACTION_PERMISSION, allowedAssessmentActions } from '../../../core/assessment/transitions.js';
import { effectiveMax, indexTree, walkTree } from '../../../core/assessment/tree.js';
import type { AssessmentStatus, Band, NotClassifiedReason } from '../../../core/assessment/types.js';
import { hasPermission } from '../../../core/permissions.js';
import type { Ctx } from '../../context.js';
import { requireUser } from '../auth/scope.js';
import * as repo from './assessment.repo.js';
import type { AssessmentContext } from './assessment-context.js';
import { classificationRow, getClassification } from './classification.js';
import { notClassifiedReasonFor } from './eligibility.js';
import { approvedFigures, organisationFacts } from './figures.repo.js';
import { selfScoringBasis } from './self-scoring.js';

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

/** Self scores by item code. */
export function sheetOf(scores: repo.ScoreRow[], side: 'self' | 'final'): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const s of scores)
    out[s.item_code] = side === 'self' ? num(s.self_score) : (num(s.officer_score) ?? num(s.self_score));
  return out;
}

/** Whether the caller sees what the province decided (officer scores, final total, band). */
function seesDecision(ctx: Ctx, status: AssessmentStatus, imported: boolean) {
  return requireUser(ctx).scope.type !== 'organisation' || imported || status === 'published';
}

/** Builds the detail of one assessment (also for a draft not saved yet: id null). */
export async function assessmentView(ctx: Ctx, a: AssessmentContext) {
  const { org, row, rubric, campaign } = a;
  const def = rubric.def;
  const tree = indexTree(def.items);
  const scores = row ? await repo.listScores(ctx.db, row.id) : [];
  const byCode = new Map(scores.map((s) => [s.item_code, s]));
  const figures = (await approvedFigures(ctx.db, [org.id], a.year)).get(org.id);
  const survey = { validForms: row?.survey_valid_forms ?? null, scoreSum: num(row?.survey_score_sum) };
  const suggested = suggestScores(def, figures ? numericFigures(figures.figures) : {}, survey);
  const status = (row?.status ?? 'draft') as AssessmentStatus;
  const imported = row?.imported ?? false;
  const decision = seesDecision(ctx, status, imported);
  const self = totalScore(def, sheetOf(scores, 'self'), tree);
  const facts = row ? null : await organisationFacts(ctx.db, org.id);
  const reason = (
    row ? row.not_classified_reason : notClassifiedReasonFor(def, facts!, a.year, figures)
  ) as NotClassifiedReason | null;
  const user = requireUser(ctx);
  const selfBasis = await selfScoringBasis(ctx, ctx.db, org);
  const items = walkTree(tree).map(({ item, depth }) => {
    const s = byCode.get(item.code);
    const isLeaf = (tree.children.get(item.code) ?? []).length === 0;
    const selfScore = num(s?.self_score);
    const sug = suggested[item.code] ?? null;
    return {
      code: item.code,
      parentCode: item.parentCode,
      level: item.level,
      label: item.label,
      depth,
      isLeaf,
      note: item.note,
      maxPoints: item.maxPoints,
      effectiveMax: effectiveMax(def, tree, item.code),
      needsAppendix: item.needsAppendix,
      needsAppendixText: item.needsAppendix ? NEEDS_APPENDIX_TEXT : null,
      selfScore,
      selfNote: s?.self_note ?? null,
      officerScore: decision ? num(s?.officer_score) : null,
      officerNote: decision ? (s?.officer_note ?? null) : null,
      returnComment: s?.return_comment ?? null,
      suggested: isLeaf && item.scoring ? sug : null,
      scoringKind: isLeaf && item.scoring ? item.scoring.kind : null,
      differs:
        isLeaf && sug !== null && selfScore !== null && Math.round(sug * 100) !== Math.round(selfScore * 100),
    };
  });
  const classification =
    (await getClassification(ctx.db, org.id, a.year)) ??
    (() => {
      const r = classificationRow(
        { organisationId: org.id, field: org.field, serviceType: row?.service_type ?? null },
        a.year,
        figures,
      );
      return {
        memberScale: r.member_scale,
        capitalScale: r.capital_scale,
        sizeClass: r.size_class,
        serviceType: r.service_type,
        field: r.field,
        membersBasis: r.members_basis,
        capitalBasis: r.capital_basis,
        revenueBasis: r.revenue_basis,
      };
    })();
  const band = decision ? ((row?.band ?? null) as Band | null) : null;
  return {
    id: row?.id ?? null,
    year: a.year,
    status,
    statusLabel: STATUS_LABELS[status],
    imported,
    version: row?.version ?? 0,
    organisation: {
      id: org.id,
      kind: org.kind,
      name: org.name,
      regCode: org.reg_code,
      address: org.address,
      phone: org.phone,
      email: org.email,
      communeName: org.commune_name,
      provinceName: org.province_name,
      field: org.field,
      paperOnly: org.paper_only,
    },
    selfScoring: selfBasis,
    rubric: {
      id: rubric.row.id,
      code: def.code,
      name: def.name,
      documentNumber: def.legal.documentNumber,
      maxTotal: def.maxTotal,
      bands: def.bands,
      // TT 09/2017/TT-BNNPTNT Art. 5(1): an item scored by the member-satisfaction survey average.
      usesSurvey: def.items.some((i) => i.scoring?.kind === 'survey_average'),
    },
    campaign: campaign
      ? {
          id: campaign.id,
          selfDeadline: campaign.self_deadline,
          communeDeadline: campaign.commune_deadline,
          provinceDeadline: campaign.province_deadline,
          status: campaign.status,
        }
      : null,
    notClassifiedReason: reason,
    notClassifiedLabel: reason ? NOT_CLASSIFIED_LABELS[reason] : null,
    selfTotal: row ? num(row.self_total) : self.total,
    officerTotal: decision ? num(row?.officer_total) : null,
    finalTotal: decision ? num(row?.final_total) : null,
    band,
    bandLabel: band ? BAND_LABELS[band] : null,
    overrideApplied: decision ? (row?.override_applied ?? null) : null,
    sanctioned: decision ? (row?.sanctioned ?? null) : null,
    board: { name: row?.board_name ?? null, approvedOn: row?.board_approved_on ?? null },
    supervisor: { name: row?.supervisor_name ?? null, approvedOn: row?.supervisor_approved_on ?? null },
    survey,
    serviceType: row?.service_type ?? null,
    reviewComment: row?.review_comment ?? null,
    submittedAt: iso(row?.submitted_at ?? null),
    reviewedAt: iso(row?.reviewed_at ?? null),
    confirmedAt: decision ? iso(row?.confirmed_at ?? null) : null,
    publishedAt: iso(row?.published_at ?? null),
    items,
    issues: self.issues,
    classification,
    allowedActions:
      reason || imported
        ? []
        : allowedAssessmentActions(status).filter(
            (x) =>
              hasPermission(user.role, ACTION_PERMISSION[x]) &&
              (x !== 'submit' || selfBasis !== 'coop_account'),
          ),
  };
}
