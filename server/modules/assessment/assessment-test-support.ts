/**
 * Test support shared by the module's tests and its access-matrix cases: the shipped rubric ids, a campaign per
 * province, a complete TT 01/2020 score sheet, and a reset of an organisation's assessment to any workflow status.
 */
import { sql } from 'kysely';
import { TT01_2020 } from '../../../core/assessment/rubrics/index.js';
import { scoredItems } from '../../../core/assessment/score.js';
import type { Harness } from '../../test/harness.js';
import * as repo from './rubric.repo.js';
import { itemValues, versionValues } from './rubric-mapper.js';

/** A complete, valid TT 01/2020 sheet: half of every known maximum, 5 points for each of criteria 10–15 (total 60). */
export const HALF_SHEET: Record<string, number> = Object.fromEntries(
  scoredItems(TT01_2020).map(({ item, max }) => [item.code, max === 40 ? 5 : max / 2]),
);

/** The id of a shipped rubric by code. */
export async function rubricId(h: Harness, code = 'TT01-2020'): Promise<number> {
  return (await repo.findRubricVersionByCode(h.database.db, code))!.id;
}

/** A draft copy of TT 01/2020 owned by a province (null = national), inserted directly. */
export async function insertDraftRubric(
  h: Harness,
  ownerProvinceId: number | null,
  tag: string,
): Promise<number> {
  const def = { ...TT01_2020, code: `THU-${tag}`, name: `Bộ tiêu chí thử ${tag}` };
  const id = await repo.insertRubricVersion(h.database.db, {
    ...versionValues(def),
    owner_province_id: ownerProvinceId,
    derived_from_id: null,
    created_by: null,
  });
  await repo.replaceRubricItems(h.database.db, id, itemValues(def));
  return id;
}

/** The campaign of a province and year (opened directly with TT 01/2020 when missing), kept open. */
export async function ensureCampaign(
  h: Harness,
  provinceId: number,
  year: number,
  rubric?: number,
): Promise<number> {
  const db = h.database.db;
  const found = await db
    .selectFrom('assessment_campaign')
    .select('id')
    .where('province_id', '=', provinceId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (found) {
    await db
      .updateTable('assessment_campaign')
      .set({ status: 'open', closed_at: null })
      .where('id', '=', found.id)
      .execute();
    return found.id;
  }
  const r = await db
    .insertInto('assessment_campaign')
    .values({
      province_id: provinceId,
      year,
      rubric_version_id: rubric ?? (await rubricId(h)),
      self_deadline: `${year}-12-15`,
      commune_deadline: `${year}-12-18`,
      province_deadline: `${year}-12-21`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Puts an organisation's assessment of a year into a status with a complete TT 01/2020 sheet and both approvals. */
export async function resetAssessment(
  h: Harness,
  organisationId: number,
  year: number,
  status: string,
): Promise<number> {
  const db = h.database.db;
  const org = await db
    .selectFrom('organisation')
    .select('province_id')
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const campaign = await ensureCampaign(h, org.province_id, year);
  const decided = status === 'confirmed' || status === 'published';
  const values = {
    rubric_version_id: await rubricId(h),
    campaign_id: campaign,
    status,
    imported: false,
    not_classified_reason: null,
    self_total: '60',
    final_total: decided ? '60' : null,
    band: decided ? 'trung_binh' : null,
    override_applied: null,
    board_name: 'Nguyễn Văn An',
    board_approved_on: `${year}-12-01`,
    supervisor_name: 'Trần Thị Bình',
    supervisor_approved_on: `${year}-12-02`,
    submitted_at: status === 'draft' ? null : new Date(`${year}-12-10T03:00:00Z`),
  };
  const row = await db
    .insertInto('assessment_result')
    .values({ organisation_id: organisationId, year, ...values })
    .onConflict((oc) => oc.constraint('assessment_result_org_year_uq').doUpdateSet(values))
    .returning('id')
    .executeTakeFirstOrThrow();
  const codes = Object.keys(HALF_SHEET);
  await db.deleteFrom('assessment_score').where('assessment_id', '=', row.id).execute();
  await sql`insert into assessment_score (assessment_id, item_code, self_score)
    select ${row.id}, * from unnest(${codes}::text[], ${codes.map((c) => HALF_SHEET[c])}::numeric[])`.execute(
    db,
  );
  return row.id;
}
