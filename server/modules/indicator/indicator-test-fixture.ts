import { sql } from 'kysely';
import { organisationNameKey } from '../../../core/text.js';
import type { Harness } from '../../test/harness.js';

/** One organisation of the fixture. */
interface Org {
  key: string;
  kind: 'THT' | 'HTX' | 'LHHTX';
  field: string;
  founded: string;
  commune: 'own' | 'sibling' | 'other';
  model?: string;
  paper?: boolean;
  ended?: string;
  status?: string;
}

/**
 * The small registry the indicator tests count by hand (values in indicator-values.test.ts): six organisations in
 * Lạng Sơn, one dissolved in mid-2022, one in Ninh Bình that must never count; approved 2022 reports with chosen
 * figures; assessments for 2022 (one draft, one not classified); trademarks and a conversion event.
 */
export const ORGS: Org[] = [
  { key: 'o1', kind: 'HTX', field: 'agriculture', founded: '2020-03-01', commune: 'own', model: 'A_a' },
  { key: 'o2', kind: 'HTX', field: 'agriculture', founded: '2021-05-10', commune: 'sibling' },
  {
    key: 'o3',
    kind: 'HTX',
    field: 'trade_service',
    founded: '2022-02-01',
    commune: 'own',
    paper: true,
    status: 'suspended',
  },
  {
    key: 'o4',
    kind: 'HTX',
    field: 'industry_construction',
    founded: '2019-01-01',
    commune: 'own',
    ended: '2022-06-30',
  },
  { key: 'o5', kind: 'THT', field: 'agriculture', founded: '2022-07-01', commune: 'own' },
  { key: 'o6', kind: 'THT', field: 'trade_service', founded: '2021-01-15', commune: 'sibling' },
  { key: 'o7', kind: 'LHHTX', field: 'agriculture', founded: '2022-09-09', commune: 'own', model: 'A_c' },
  { key: 'o8', kind: 'HTX', field: 'agriculture', founded: '2020-01-01', commune: 'other' },
];

type Report = Record<string, number | boolean | string | null>;
const REPORTS: Record<string, Report> = {
  o1: {
    members_total: 100,
    revenue_total: '3000000000',
    avg_income_regular_worker: '50000000',
    manager_total: 4,
    manager_university: 2,
    manager_intermediate: 1,
    manager_untrained: 1,
    value_chain: true,
    enterprise_linkage: true,
    high_tech: true,
    land_allocated_leased: true,
    information_access: true,
    trade_promotion: true,
    worker_social_insurance: 5,
  },
  o2: {
    members_total: 50,
    revenue_total: '1000000000',
    avg_income_regular_worker: '40000000',
    manager_total: 2,
    manager_university: 0,
    manager_intermediate: 2,
    manager_untrained: 0,
    enterprise_linkage: true,
    technology_transfer: true,
    digital_transformation: true,
    information_access: true,
    worker_social_insurance: 0,
  },
  o3: {
    members_total: 20,
    manager_total: 1,
    manager_university: 1,
    manager_intermediate: 0,
    manager_untrained: 0,
  },
  o5: { members_total: 6, digital_transformation: true },
  o6: { members_total: 4 },
  o7: { members_total: 3, member_cooperatives: 3, value_chain: true },
  o8: { members_total: 999, value_chain: true, high_tech: true },
};

let codes = 0;
/** Inserts the fixture; returns organisation ids by key. */
export async function buildFixture(
  h: Harness,
  u: { dongDang: number; sibling: number; otherCommune: number; langSon: number; ninhBinh: number },
) {
  const db = h.database.db;
  const ids: Record<string, number> = {};
  for (const o of ORGS) {
    const commune = o.commune === 'own' ? u.dongDang : o.commune === 'sibling' ? u.sibling : u.otherCommune;
    const name = `Tổ chức kiểm thử ${o.key} ${process.pid}`;
    const r = await db
      .insertInto('organisation')
      .values({
        kind: o.kind,
        reg_code: `55${String(process.pid % 1000).padStart(3, '0')}${String(++codes).padStart(5, '0')}`,
        name,
        name_key: organisationNameKey(name),
        commune_id: commune,
        province_id: o.commune === 'other' ? u.ninhBinh : u.langSon,
        short_name: null,
        pre2025_commune_id: null,
        address: null,
        phone: null,
        email: null,
        founded_on: o.founded,
        registered_on: null,
        registering_authority: null,
        charter_capital: null,
        legal_rep_name: null,
        legal_rep_title: null,
        vsic_code: null,
        field: o.field,
        agri_subtype: null,
        new_model: o.model ?? null,
        governance: null,
        status_changed_on: o.ended ?? null,
        ended_on: o.ended ?? null,
        legal_status: o.ended ? 'dissolved' : (o.status ?? 'active'),
        paper_only: o.paper ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[o.key] = r.id;
  }
  for (const [key, rep] of Object.entries(REPORTS)) {
    await db
      .insertInto('annual_report')
      .values({ organisation_id: ids[key], year: 2022, status: 'approved', ...rep } as never)
      .execute();
  }
  // Not approved: never counted.
  await db
    .insertInto('annual_report')
    .values({
      organisation_id: ids.o1,
      year: 2021,
      status: 'submitted',
      members_total: 5000,
      value_chain: true,
    } as never)
    .execute();
  const rubric = (await sql<{ id: number }>`select id from rubric_version order by id limit 1`.execute(db))
    .rows[0].id;
  const assess = async (key: string, band: string | null, status = 'confirmed', imported = false) =>
    sql`insert into assessment_result (organisation_id, year, rubric_version_id, status, band, imported, not_classified_reason)
      values (${ids[key]}, 2022, ${rubric}, ${status}, ${band}, ${imported}, ${band ? null : 'not_submitted'})`.execute(
      db,
    );
  await assess('o1', 'tot');
  await assess('o2', 'kha');
  await assess('o3', 'yeu');
  await assess('o5', 'trung_binh');
  await assess('o7', 'tot');
  await assess('o6', null);
  await assess('o4', 'kha', 'draft', true);
  await assess('o8', 'tot');
  for (const [key, year] of [
    ['o1', 2022],
    ['o1', 2022],
    ['o2', 2021],
    ['o8', 2022],
  ] as const) {
    await db
      .insertInto('organisation_product')
      .values({
        organisation_id: ids[key],
        kind: 'trademark',
        name: `Nhãn ${key}`,
        stars: null,
        year,
        note: null,
      })
      .execute();
  }
  await db
    .insertInto('organisation_event')
    .values({
      organisation_id: ids.o2,
      kind: 'converted',
      occurred_on: '2022-04-01',
      note: null,
      detail: null,
      created_by: null,
    })
    .execute();
  return ids;
}

/** Hand-counted values of every built-in indicator over Lạng Sơn at 31/12/2022 (manual ones: see the test). */
export const EXPECTED: Record<string, number | null> = {
  tht_count: 2,
  htx_count: 3,
  lhhtx_count: 1,
  kttt_count: 6,
  htx_agri_count: 2,
  htx_nonagri_count: 1,
  tht_nonagri_count: 1,
  lhhtx_agri_count: 1,
  lhhtx_nonagri_count: 0,
  pilot_model_count: 2,
  htx_paper_only_count: 1,
  htx_suspended_count: 1,
  htx_founded: 1,
  tht_founded: 1,
  lhhtx_founded: 1,
  htx_dissolved: 1,
  tht_ended: 0,
  tht_converted: 1,
  htx_trademark_count: 1,
  htx_members: 170,
  tht_members: 10,
  htx_nonagri_members: 20,
  tht_nonagri_members: 4,
  lhhtx_member_coops: 3,
  tht_avg_members: 5,
  htx_avg_members: 56.67,
  htx_avg_revenue: 2000,
  htx_avg_income: 45,
  htx_manager_intermediate_share: 42.86,
  htx_manager_university_share: 42.86,
  htx_manager_trained_share: 85.71,
  htx_value_chain_share: 33.33,
  htx_agri_enterprise_chain_share: 50,
  htx_agri_linkage_share: 100,
  htx_tech_share: 66.67,
  htx_land_share: 33.33,
  htx_social_insurance_share: 33.33,
  htx_information_share: 66.67,
  htx_chain_trade_promotion_share: 100,
  kttt_digital_share: 33.33,
  htx_agri_high_tech_count: 1,
  htx_high_tech_count: 1,
  kttt_modern_model_count: 4,
  kttt_good_fair_share: 60,
  htx_good_fair_share: 66.67,
  htx_weak_count: 1,
  htx_weak_share: 33.33,
  kttt_good_fair_chain_share: 66.67,
  kttt_good_fair_linkage_share: 100,
  pilot_good_share: 100,
};
