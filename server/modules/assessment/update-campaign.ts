/** Changing a campaign's deadlines, and closing it (who never submitted is recorded as 'not_submitted'). */
import { sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './campaign.repo.js';
import { campaignDto, loadCampaignInScope } from './campaign-view.js';
import { assertDeadlineOrder } from './open-campaign.js';

/** New deadlines (any subset) with the version read. */
export interface UpdateCampaignInput {
  selfDeadline?: string;
  communeDeadline?: string;
  provinceDeadline?: string;
  version: number;
}

/** Edits the deadlines of an open campaign. */
export async function updateCampaign(ctx: Ctx, id: number, input: UpdateCampaignInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCampaignInScope(ctx, id, trx, true);
    if (c.status !== 'open')
      throw conflict('campaign.closed', 'Đợt đánh giá đã kết thúc nên không sửa được hạn.');
    const next = {
      self: input.selfDeadline ?? c.self_deadline,
      commune: input.communeDeadline ?? c.commune_deadline,
      province: input.provinceDeadline ?? c.province_deadline,
    };
    assertDeadlineOrder(next);
    const r = await trx
      .updateTable('assessment_campaign')
      .set((eb) => ({
        self_deadline: next.self,
        commune_deadline: next.commune,
        province_deadline: next.province,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw conflict('campaign.version_conflict', 'Đợt đánh giá vừa được người khác sửa. Hãy tải lại.');
    const after = (await repo.findCampaign(trx, id))!;
    await recordAudit(trx, ctx, {
      action: 'assessment_campaign.update',
      entityType: 'assessment_campaign',
      entityId: id,
      before: campaignDto(c),
      after: campaignDto(after),
      provinceId: c.province_id,
    });
    return { campaign: campaignDto(after) };
  });
}

/** Closes an open campaign: results still in draft or returned get 'not_submitted' (no band). */
export async function closeCampaign(ctx: Ctx, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await loadCampaignInScope(ctx, id, trx, true);
    if (c.status !== 'open') throw conflict('campaign.closed', 'Đợt đánh giá đã kết thúc.');
    const marked = await sql<{
      id: number;
    }>`update assessment_result set not_classified_reason = 'not_submitted',
        version = version + 1, updated_at = now()
      where campaign_id = ${id} and not_classified_reason is null and status in ('draft', 'returned') returning id`.execute(
      trx,
    );
    await trx
      .updateTable('assessment_campaign')
      .set((eb) => ({
        status: 'closed',
        closed_at: new Date(),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .execute();
    const after = (await repo.findCampaign(trx, id))!;
    await recordAudit(trx, ctx, {
      action: 'assessment_campaign.close',
      entityType: 'assessment_campaign',
      entityId: id,
      before: campaignDto(c),
      after: { ...campaignDto(after), notSubmitted: marked.rows.length },
      provinceId: c.province_id,
    });
    return { campaign: campaignDto(after), notSubmitted: marked.rows.length };
  });
}
