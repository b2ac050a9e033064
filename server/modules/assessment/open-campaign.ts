/**
 * Opening the yearly assessment of a province: a rubric version and deadlines (defaults from the rubric, e.g.
 * 15/12, 18/12, 21/12 under TT 01/2020/TT-BKHĐT Art. 9), then one draft result per HTX/LHHTX of the year, with the
 * reason recorded for those the rubric excludes or does not cover. One transaction, one audit row.
 */
import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertProvinceScope } from '../auth/scope.js';
import * as repo from './campaign.repo.js';
import { campaignDto } from './campaign-view.js';
import { refreshClassifications } from './classification.js';
import { notClassifiedReasonFor } from './eligibility.js';
import { approvedFigures, cooperativesOfYear } from './figures.repo.js';
import { type LoadedRubric, loadRubric } from './load-rubric.js';

/** What opening a campaign takes; omitted deadlines come from the rubric. */
export interface OpenCampaignInput {
  provinceId: number;
  year: number;
  rubricVersionId: number;
  selfDeadline?: string;
  communeDeadline?: string;
  provinceDeadline?: string;
}

/** Checks deadlines: each step no earlier than the one before. */
export function assertDeadlineOrder(d: { self: string; commune: string; province: string }) {
  if (d.self > d.commune || d.commune > d.province) {
    throw invalid(
      'campaign.deadlines_order',
      'Hạn xã xem xét không được trước hạn HTX nộp, hạn tỉnh xác nhận không được trước hạn xã.',
      [{ path: 'communeDeadline', message: 'Thứ tự hạn không hợp lệ.' }],
    );
  }
}

/** Warnings when the rubric's legal text is not in force for the whole campaign (never a refusal: provinces decide). */
export function legalWarnings(r: LoadedRubric, year: number, selfDeadline: string): string[] {
  const out: string[] = [];
  const l = r.def.legal;
  if (l.effectiveFrom && l.effectiveFrom > `${year}-12-31`)
    out.push(`Văn bản ${l.documentNumber} có hiệu lực từ ${l.effectiveFrom}, sau năm đánh giá ${year}.`);
  if (l.expiresOn && l.expiresOn <= selfDeadline)
    out.push(
      `Văn bản ${l.documentNumber} hết hiệu lực từ ${l.expiresOn}, trước hạn tự chấm ${selfDeadline}.`,
    );
  return out;
}

/** Creates the draft results of a campaign for the province's cooperatives of the year (skips existing ones). */
export async function createCampaignResults(
  trx: Kysely<DB>,
  campaign: { id: number; province_id: number; year: number },
  r: LoadedRubric,
) {
  const orgs = await cooperativesOfYear(trx, campaign.province_id, campaign.year);
  const figures = await approvedFigures(
    trx,
    orgs.map((o) => o.id),
    campaign.year,
  );
  const reasons = orgs.map((o) => notClassifiedReasonFor(r.def, o, campaign.year, figures.get(o.id)));
  const inserted = await sql<{ organisation_id: number }>`insert into assessment_result
      (organisation_id, year, rubric_version_id, campaign_id, status, not_classified_reason)
    select v.org, ${campaign.year}, ${r.row.id}, ${campaign.id}, 'draft', v.reason
    from unnest(${orgs.map((o) => o.id)}::int[], ${reasons}::text[]) as v(org, reason)
    on conflict on constraint assessment_result_org_year_uq do nothing
    returning organisation_id`.execute(trx);
  const created = new Set(inserted.rows.map((x) => x.organisation_id));
  await refreshClassifications(
    trx,
    campaign.year,
    orgs
      .filter((o) => created.has(o.id))
      .map((o) => ({ organisationId: o.id, field: o.field, serviceType: null })),
    figures,
  );
  return {
    created: created.size,
    excluded: reasons.filter((x, i) => x && created.has(orgs[i].id)).length,
    skipped: orgs.length - created.size,
  };
}

/** Opens the campaign of a province and year (409 campaign.exists when already open). */
export async function openCampaign(ctx: Ctx, input: OpenCampaignInput) {
  const unit = await getUnitBasics(ctx.db, input.provinceId);
  if (!unit) throw notFound('Không tìm thấy tỉnh, thành phố.');
  assertProvinceScope(ctx, { provinceId: unit.level === 1 ? unit.id : unit.provinceId });
  const era = await ctx.db
    .selectFrom('admin_unit')
    .select('era')
    .where('id', '=', unit.id)
    .executeTakeFirstOrThrow();
  if (unit.level !== 1 || era.era !== 'post2025') {
    throw invalid('campaign.province_invalid', 'Đợt đánh giá mở cho một tỉnh, thành phố hiện hành.', [
      { path: 'provinceId', message: 'Không phải tỉnh hiện hành.' },
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const rubric = await loadRubric(trx, input.rubricVersionId);
    if (rubric.row.status !== 'active') {
      throw conflict(
        'rubric.not_active',
        'Chỉ chọn được bộ tiêu chí đang áp dụng (đã kích hoạt, chưa ngừng sử dụng).',
      );
    }
    if (await repo.findCampaignFor(trx, unit.id, input.year)) {
      throw conflict('campaign.exists', `Tỉnh đã mở đợt đánh giá năm ${input.year}.`);
    }
    const d = rubric.def.deadlines;
    const y = input.year + d.yearOffset;
    const deadlines = {
      self: input.selfDeadline ?? `${y}-${d.self}`,
      commune: input.communeDeadline ?? `${y}-${d.commune}`,
      province: input.provinceDeadline ?? `${y}-${d.province}`,
    };
    assertDeadlineOrder(deadlines);
    const row = await trx
      .insertInto('assessment_campaign')
      .values({
        province_id: unit.id,
        year: input.year,
        rubric_version_id: rubric.row.id,
        self_deadline: deadlines.self,
        commune_deadline: deadlines.commune,
        province_deadline: deadlines.province,
        opened_by: ctx.user?.id ?? null,
      })
      .returning(['id', 'province_id', 'year'])
      .executeTakeFirstOrThrow();
    const results = await createCampaignResults(trx, row, rubric);
    const warnings = legalWarnings(rubric, input.year, deadlines.self);
    const campaign = (await repo.findCampaign(trx, row.id))!;
    await recordAudit(trx, ctx, {
      action: 'assessment_campaign.open',
      entityType: 'assessment_campaign',
      entityId: row.id,
      after: { ...campaignDto(campaign), results, warnings },
      provinceId: unit.id,
    });
    return { campaign: campaignDto(campaign), results, warnings };
  });
}
