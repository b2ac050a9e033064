/** Reading campaigns: the list in the caller's scope and one campaign with its progress counts. */
import type { Ctx } from '../../context.js';
import { notFound } from '../../http/problem.js';
import { assertProvinceScope, scopeProvinceFilter } from '../auth/scope.js';
import * as repo from './campaign.repo.js';

/** A campaign as the API returns it. */
export function campaignDto(c: repo.CampaignRow) {
  return {
    id: c.id,
    provinceId: c.province_id,
    provinceName: c.province_name,
    year: c.year,
    rubricVersionId: c.rubric_version_id,
    rubricCode: c.rubric_code,
    rubricName: c.rubric_name,
    selfDeadline: c.self_deadline,
    communeDeadline: c.commune_deadline,
    provinceDeadline: c.province_deadline,
    status: c.status,
    version: c.version,
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    createdAt: new Date(c.created_at).toISOString(),
  };
}

/** Campaigns of the caller's province (all for the nation), optionally of one year. */
export async function listCampaigns(ctx: Ctx, q: { year?: number }) {
  const rows = await repo.listCampaigns(ctx.db, { provinceId: scopeProvinceFilter(ctx), year: q.year });
  return { items: rows.map(campaignDto) };
}

/** A campaign in the caller's province (404 otherwise), or with a lock inside a transaction. */
export async function loadCampaignInScope(ctx: Ctx, id: number, db = ctx.db, lock = false) {
  const c = await repo.findCampaign(db, id, lock);
  if (!c) throw notFound('Không tìm thấy đợt đánh giá.');
  assertProvinceScope(ctx, { provinceId: c.province_id });
  return c;
}

/** One campaign with the number of results per status and of organisations not classified. */
export async function getCampaign(ctx: Ctx, id: number) {
  const c = await loadCampaignInScope(ctx, id);
  const counts = await repo.campaignCounts(ctx.db, id);
  const byStatus: Record<string, number> = {};
  let excluded = 0;
  for (const r of counts) {
    if (r.not_classified_reason) excluded += Number(r.n);
    else byStatus[r.status] = (byStatus[r.status] ?? 0) + Number(r.n);
  }
  return {
    campaign: {
      ...campaignDto(c),
      counts: { byStatus, excluded, total: counts.reduce((s, r) => s + Number(r.n), 0) },
    },
  };
}
