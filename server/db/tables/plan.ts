import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json } from './foundation.js';

// Tables of the plans and indicators module (migrations 0008, 0009). Numeric columns come back as strings.

export interface PlanTable {
  id: Generated<number>;
  code: string | null;
  number: string | null;
  kind: string;
  title: string;
  issuer: string;
  signer: string | null;
  issued_on: string | null;
  unit_id: number | null;
  province_id: number | null;
  start_year: number;
  end_year: number;
  legal_bases: Json;
  status: Generated<string>;
  summary: string | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface PlanTargetTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  part: Generated<string>;
  parent_id: number | null;
  relation: string | null;
  objective: string | null;
  indicator_key: string;
  unit_label: string;
  comparator: string;
  value: string;
  value_max: string | null;
  tolerance: string | null;
  target_year: number;
  recurring: Generated<boolean>;
  period_start: string | null;
  baseline_value: string | null;
  baseline_date: string | null;
  wording: string;
  note: string | null;
  allocation_level: number | null;
  partition: Generated<boolean>;
  sort: Generated<number>;
}

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  agency: string;
  task: string;
  due_on: string | null;
  recurrence: string | null;
  deadline_md: string | null;
  status: Generated<string>;
  note: string | null;
  sort: Generated<number>;
}

export interface IndicatorManualValueTable {
  id: Generated<number>;
  indicator_key: string;
  unit_id: number | null;
  province_id: number | null;
  year: number;
  value: string;
  source: string;
  note: string | null;
  entered_by: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface IndicatorDefinitionTable {
  id: Generated<number>;
  key: string;
  name_vi: string;
  name_en: string;
  definition_vi: string;
  definition_en: string;
  unit: string;
  spec: Json;
  province_id: number | null;
  created_by: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** Aggregate key columns shared by the per-unit aggregates. */
interface AggKey {
  commune_id: number;
  pre_commune_id: number;
  kind: string;
  field: string;
  has_model: boolean;
}

export interface PlanOrgYearTable extends AggKey {
  paper_only: boolean;
  legal_status: string;
  year: number;
  founded: number;
  ended: number;
}

export interface PlanOrgDayTable extends AggKey {
  paper_only: boolean;
  legal_status: string;
  on_date: string;
  founded: number;
  ended: number;
}

export interface PlanReportYearTable extends AggKey {
  year: number;
  flags: number;
  reports: number;
  members_n: number;
  members_sum: number;
  coops_n: number;
  coops_sum: number;
  revenue_n: number;
  revenue_sum: string;
  income_n: number;
  income_sum: string;
  mgr_total: number;
  mgr_university: number;
  mgr_intermediate: number;
  mgr_trained: number;
}

export interface PlanAssessmentYearTable extends AggKey {
  year: number;
  band: string;
  status: string;
  flags: number;
  n: number;
}

/** A province rollup (migration 0010): the fine row's columns under the province of today instead of communes. */
type ProvinceRollup<T extends AggKey> = Omit<T, 'commune_id' | 'pre_commune_id'> & { province_id: number };

/** Plan and indicator tables. */
export interface PlanTables {
  plan: PlanTable;
  plan_target: PlanTargetTable;
  plan_task: PlanTaskTable;
  indicator_manual_value: IndicatorManualValueTable;
  indicator_definition: IndicatorDefinitionTable;
  plan_org_year: PlanOrgYearTable;
  plan_org_day: PlanOrgDayTable;
  plan_report_year: PlanReportYearTable;
  plan_assessment_year: PlanAssessmentYearTable;
  plan_org_year_province: ProvinceRollup<PlanOrgYearTable>;
  plan_org_day_province: ProvinceRollup<PlanOrgDayTable>;
  plan_report_year_province: ProvinceRollup<PlanReportYearTable>;
  plan_assessment_year_province: ProvinceRollup<PlanAssessmentYearTable>;
}
