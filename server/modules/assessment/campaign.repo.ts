/** Queries of assessment campaigns (no rules). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

/** One campaign with its province and rubric names. */
export async function findCampaign(db: Kysely<DB>, id: number, lock = false) {
  let q = db
    .selectFrom('assessment_campaign as c')
    .innerJoin('admin_unit as p', 'p.id', 'c.province_id')
    .innerJoin('rubric_version as r', 'r.id', 'c.rubric_version_id')
    .selectAll('c')
    .select(['p.full_name as province_name', 'r.code as rubric_code', 'r.name as rubric_name'])
    .where('c.id', '=', id);
  if (lock) q = q.forUpdate('c');
  return q.executeTakeFirst();
}

/** The campaign of a province and year, if opened. */
export async function findCampaignFor(db: Kysely<DB>, provinceId: number, year: number) {
  const r = await db
    .selectFrom('assessment_campaign')
    .select('id')
    .where('province_id', '=', provinceId)
    .where('year', '=', year)
    .executeTakeFirst();
  return r ? findCampaign(db, r.id) : undefined;
}

/** Campaigns, optionally of one province and one year, newest year first. */
export async function listCampaigns(db: Kysely<DB>, q: { provinceId: number | null; year?: number }) {
  let s = db
    .selectFrom('assessment_campaign as c')
    .innerJoin('admin_unit as p', 'p.id', 'c.province_id')
    .innerJoin('rubric_version as r', 'r.id', 'c.rubric_version_id')
    .selectAll('c')
    .select(['p.full_name as province_name', 'r.code as rubric_code', 'r.name as rubric_name']);
  if (q.provinceId !== null) s = s.where('c.province_id', '=', q.provinceId);
  if (q.year !== undefined) s = s.where('c.year', '=', q.year);
  return s.orderBy('c.year', 'desc').orderBy('p.full_name').execute();
}

/** Counts of a campaign's results by status and whether excluded. */
export async function campaignCounts(db: Kysely<DB>, campaignId: number) {
  return db
    .selectFrom('assessment_result')
    .select(['status', 'not_classified_reason'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .groupBy(['status', 'not_classified_reason'])
    .execute();
}
