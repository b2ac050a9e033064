import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from './foundation.js';

// Tables of the yearly assessment (migration 0007). Scores and totals are numeric(5,2) and come back as strings.

export interface RubricVersionTable {
  id: Generated<number>;
  code: string;
  name: string;
  document_number: string;
  issuer: string;
  signed_on: string | null;
  effective_from: string | null;
  expires_on: string | null;
  repealed_by: string | null;
  source_note: string | null;
  applies_kinds: string[];
  applies_fields: string[] | null;
  max_total: string;
  bands: Json;
  overrides: Json;
  exclusions: Json;
  deadlines: Json;
  status: Generated<string>;
  shipped: Generated<boolean>;
  owner_province_id: number | null;
  derived_from_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  activated_at: Timestamp | null;
}

export interface RubricItemTable {
  id: Generated<number>;
  rubric_version_id: number;
  code: string;
  parent_code: string | null;
  level: string;
  label: string;
  max_points: string | null;
  sort_order: number;
  note: string | null;
  needs_appendix: Generated<boolean>;
  scoring: Json;
}

export interface AssessmentCampaignTable {
  id: Generated<number>;
  province_id: number;
  year: number;
  rubric_version_id: number;
  self_deadline: string;
  commune_deadline: string;
  province_deadline: string;
  status: Generated<string>;
  opened_by: number | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface AssessmentResultTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  rubric_version_id: number;
  campaign_id: number | null;
  status: Generated<string>;
  self_total: string | null;
  officer_total: string | null;
  final_total: string | null;
  band: string | null;
  not_classified_reason: string | null;
  override_applied: string | null;
  sanctioned: boolean | null;
  imported: Generated<boolean>;
  board_name: string | null;
  board_approved_on: string | null;
  supervisor_name: string | null;
  supervisor_approved_on: string | null;
  survey_valid_forms: number | null;
  survey_score_sum: string | null;
  service_type: string | null;
  review_comment: string | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  confirmed_at: Timestamp | null;
  confirmed_by: number | null;
  published_at: Timestamp | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface AssessmentScoreTable {
  assessment_id: number;
  item_code: string;
  self_score: string | null;
  self_note: string | null;
  officer_score: string | null;
  officer_note: string | null;
  return_comment: string | null;
}

export interface AssessmentClassificationTable {
  organisation_id: number;
  year: number;
  member_scale: string | null;
  capital_scale: string | null;
  size_class: string | null;
  service_type: string | null;
  field: string | null;
  members_basis: number | null;
  capital_basis: string | null;
  revenue_basis: string | null;
  computed_at: GeneratedTimestamp;
}

/** Assessment tables. */
export interface AssessmentTables {
  rubric_version: RubricVersionTable;
  rubric_item: RubricItemTable;
  assessment_campaign: AssessmentCampaignTable;
  assessment_result: AssessmentResultTable;
  assessment_score: AssessmentScoreTable;
  assessment_classification: AssessmentClassificationTable;
}
