/**
 * Locating the assessment of an organisation and year for a request: the organisation in the caller's scope (404
 * outside it), its result row if any, the province's campaign of that year, and the rubric that applies. Without a
 * row, an open campaign stands for a draft not yet saved (created lazily by the first save).
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';
import { loadOrganisationInScope } from '../organisation/organisation-access.js';
import * as repo from './assessment.repo.js';
import * as campaigns from './campaign.repo.js';
import { type LoadedRubric, loadRubric } from './load-rubric.js';

type OrganisationRecord = Awaited<ReturnType<typeof loadOrganisationInScope>>;

/** Everything a request on one assessment needs. */
export interface AssessmentContext {
  org: OrganisationRecord;
  year: number;
  row: repo.ResultRow | null;
  campaign: campaigns.CampaignRow | null;
  rubric: LoadedRubric;
}

/** Loads the context (404 when the organisation is out of scope, or no result and no campaign exist). */
export async function loadAssessmentContext(
  ctx: Ctx,
  organisationId: number,
  year: number,
  db: Kysely<DB> = ctx.db,
  lock = false,
): Promise<AssessmentContext> {
  const org = await loadOrganisationInScope(ctx, organisationId, db);
  const row = (await repo.findResult(db, organisationId, year, lock)) ?? null;
  const campaign = row?.campaign_id
    ? ((await campaigns.findCampaign(db, row.campaign_id)) ?? null)
    : ((await campaigns.findCampaignFor(db, org.province_id, year)) ?? null);
  if (!row && (!campaign || (org.kind !== 'HTX' && org.kind !== 'LHHTX'))) {
    throw notFound(
      `Chưa có phiếu đánh giá năm ${year} của tổ chức này (tỉnh chưa mở đợt đánh giá hoặc tổ chức không thuộc diện đánh giá).`,
    );
  }
  const rubric = await loadRubric(db, row?.rubric_version_id ?? campaign!.rubric_version_id);
  return { org, year, row, campaign, rubric };
}
