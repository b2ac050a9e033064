import type { ColumnType, Generated, GeneratedAlways } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './foundation.js';

// Tables of the registry. Numeric money columns come back as strings (exact đồng, never floats).

export interface OrganisationTable {
  id: Generated<number>;
  kind: string;
  credit_fund: Generated<boolean>;
  reg_code: string;
  name: string;
  name_key: string;
  /** Vietnamese sort key (core/text.ts vietnameseSortKey), compared with COLLATE "C"; every writer of a name sets it. */
  name_sort: ColumnType<string, string | undefined, string>;
  short_name: string | null;
  /** hoptac_search_key(short_name), kept by the database (migration 0014). */
  short_key: GeneratedAlways<string | null>;
  commune_id: number;
  province_id: number;
  pre2025_commune_id: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  founded_on: string | null;
  registered_on: string | null;
  registering_authority: string | null;
  charter_capital: string | null;
  legal_rep_name: string | null;
  legal_rep_title: string | null;
  vsic_code: string | null;
  field: string | null;
  agri_subtype: string | null;
  new_model: string | null;
  governance: string | null;
  legal_status: Generated<string>;
  status_changed_on: string | null;
  ended_on: string | null;
  paper_only: Generated<boolean>;
  demo: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface OrganisationUnionMemberTable {
  union_id: number;
  member_id: number;
  joined_on: string | null;
  left_on: string | null;
}

export interface OrganisationEventTable {
  id: Generated<number>;
  organisation_id: number;
  kind: string;
  occurred_on: string;
  note: string | null;
  detail: Json;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface OrganisationProductTable {
  id: Generated<number>;
  organisation_id: number;
  kind: string;
  name: string;
  stars: number | null;
  year: number | null;
  note: string | null;
}

export interface RegistrationChangeRequestTable {
  id: Generated<number>;
  organisation_id: number;
  requested_by: number;
  changes: Json;
  status: Generated<string>;
  reviewer_id: number | null;
  reviewed_at: Timestamp | null;
  comment: string | null;
  created_at: GeneratedTimestamp;
}

export interface AnnualReportTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  period: Generated<string>;
  status: Generated<string>;
  members_official: number | null;
  members_total: number | null;
  member_official_individual: number | null;
  member_official_household: number | null;
  member_official_legal: number | null;
  member_associate_capital: number | null;
  member_associate_noncapital: number | null;
  member_women: number | null;
  member_ethnic_minority: number | null;
  member_foreign_official: number | null;
  member_cooperatives: number | null;
  worker_total: number | null;
  worker_regular: number | null;
  worker_social_insurance: number | null;
  worker_health_insurance: number | null;
  charter_capital: string | null;
  total_capital: string | null;
  total_assets: string | null;
  indivisible_assets: string | null;
  revenue_total: string | null;
  revenue_from_members: string | null;
  profit_before_tax: string | null;
  avg_income_regular_worker: string | null;
  fund_development_pct: string | null;
  fund_reserve_pct: string | null;
  fund_other_pct: string | null;
  manager_total: number | null;
  manager_university: number | null;
  manager_intermediate: number | null;
  manager_untrained: number | null;
  manager_young: number | null;
  value_chain: boolean | null;
  value_chain_partners: number | null;
  enterprise_linkage: boolean | null;
  high_tech: boolean | null;
  technology_transfer: boolean | null;
  digital_transformation: boolean | null;
  land_allocated_leased: boolean | null;
  information_access: boolean | null;
  trade_promotion: boolean | null;
  general_meeting_date: string | null;
  audited_statements: boolean | null;
  administrative_sanction: boolean | null;
  months_suspended: number | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ReportCommentTable {
  id: Generated<number>;
  report_id: number;
  flag_id: number | null;
  author_id: number | null;
  kind: string;
  field: string | null;
  body: string;
  created_at: GeneratedTimestamp;
}

export interface DataQualityFlagTable {
  id: Generated<number>;
  report_id: number;
  rule: string;
  message: string;
  status: Generated<string>;
  created_at: GeneratedTimestamp;
}

export interface MemberTable {
  id: Generated<number>;
  organisation_id: number;
  member_type: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  ethnicity: string | null;
  nationality: string | null;
  id_number: string | null;
  org_code: string | null;
  address: string | null;
  capital_pledged: string | null;
  capital_paid: string | null;
  joined_on: string | null;
  left_on: string | null;
  erased_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ImportJobTable {
  id: Generated<number>;
  kind: string;
  file_name: string;
  sha256: string;
  status: string;
  mode: string | null;
  total_rows: Generated<number>;
  accepted_rows: Generated<number>;
  rejected_rows: Generated<number>;
  inserted_rows: Generated<number>;
  updated_rows: Generated<number>;
  unchanged_rows: Generated<number>;
  province_id: number | null;
  report: Json;
  created_by: number | null;
  created_at: GeneratedTimestamp;
  committed_at: Timestamp | null;
}

/** A registration code an organisation no longer uses; it may never be given to another (NĐ 92/2024 Art. 14). */
export interface OrganisationRetiredCodeTable {
  reg_code: string;
  organisation_id: number;
  retired_at: GeneratedTimestamp;
}

/** Registry tables. */
export interface RegistryTables {
  organisation_retired_code: OrganisationRetiredCodeTable;
  organisation: OrganisationTable;
  organisation_union_member: OrganisationUnionMemberTable;
  organisation_event: OrganisationEventTable;
  organisation_product: OrganisationProductTable;
  registration_change_request: RegistrationChangeRequestTable;
  annual_report: AnnualReportTable;
  report_comment: ReportCommentTable;
  data_quality_flag: DataQualityFlagTable;
  member: MemberTable;
  import_job: ImportJobTable;
}
