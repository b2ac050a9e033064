/**
 * Rubrics (bộ tiêu chí đánh giá HTX) as data, not code: a version with its legal basis, what it applies to, band
 * thresholds, override and exclusion rules, deadlines, and a tree of items (group → criterion → sub-criterion).
 * Shared by the server (storage, scoring) and the web app (forms). Pure types and coded values only.
 */
import type { Field, OrganisationKind } from '../registry/enums.js';

/** The four rating bands (xếp loại) of TT 01/2020/TT-BKHĐT Art. 8 and TT 09/2017/TT-BNNPTNT Art. 6. */
export const BANDS = ['tot', 'kha', 'trung_binh', 'yeu'] as const;
export type Band = (typeof BANDS)[number];

/** Why an organisation got no band for a year (the contract of assessment_result.not_classified_reason). */
export const NOT_CLASSIFIED_REASONS = [
  'new_lt_12_months',
  'stopped_gt_3_months',
  'credit_fund',
  'no_rubric',
  'not_submitted',
] as const;
export type NotClassifiedReason = (typeof NOT_CLASSIFIED_REASONS)[number];

/** Workflow statuses of a yearly assessment (assessment_result.status). */
export const ASSESSMENT_STATUSES = [
  'draft',
  'self_submitted',
  'returned',
  'commune_reviewed',
  'confirmed',
  'published',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Levels of the item tree. */
export const ITEM_LEVELS = ['group', 'criterion', 'sub'] as const;
export type ItemLevel = (typeof ITEM_LEVELS)[number];

/** Lifecycle of a rubric version: a draft is edited, an active one is offered to campaigns, a retired one no longer. */
export const RUBRIC_STATUSES = ['draft', 'active', 'retired'] as const;
export type RubricStatus = (typeof RUBRIC_STATUSES)[number];

/** One level of a threshold rule: values from `min` up (strictly above it when `exclusive`) earn `points`. */
export interface LevelRule {
  /** Lower bound of the level; null only for the first level (every value below the next threshold). */
  min: number | null;
  exclusive?: boolean;
  points: number;
}

/** How a suggested score is computed from data: thresholds over one yearly figure, or the member survey average. */
export type ScoringRule =
  | { kind: 'levels'; figure: string; levels: LevelRule[] }
  /** TT 09/2017/TT-BNNPTNT Art. 5(1): average = sum of the valid satisfaction forms / number of valid forms. */
  | { kind: 'survey_average' };

/** One node of the tree. A leaf (no children) is what gets scored. */
export interface RubricItem {
  code: string;
  parentCode: string | null;
  level: ItemLevel;
  label: string;
  /** Null when the maximum is not in our sources (then needsAppendix must be true). */
  maxPoints: number | null;
  order: number;
  note: string | null;
  /** The official appendix with this item's maximum or sub-items is not in our sources ("cần bổ sung theo Phụ lục"). */
  needsAppendix: boolean;
  scoring: ScoringRule | null;
}

/** A band threshold: totals from `min` up get `band` (the highest qualifying band wins). */
export interface BandThreshold {
  band: Band;
  min: number;
}

/** A rule that decides the band whatever the total (e.g. sanctioned in the year → Yếu under TT 09/2017 Art. 6). */
export interface OverrideRule {
  kind: 'sanctioned';
  band: Band;
  legalRef: string;
}

/** A rule that leaves an organisation unclassified for the year. */
export type ExclusionRule =
  | { kind: 'founded_lt_months'; months: number; legalRef: string }
  | { kind: 'stopped_gt_months'; months: number; legalRef: string }
  | { kind: 'credit_fund'; legalRef: string };

/** Default deadlines of a campaign as month-day, in the assessed year (+ yearOffset). */
export interface RubricDeadlines {
  self: string;
  commune: string;
  province: string;
  yearOffset: 0 | 1;
  note: string | null;
}

/** Legal basis of a rubric version. */
export interface LegalBasis {
  documentNumber: string;
  issuer: string;
  signedOn: string | null;
  effectiveFrom: string | null;
  /** First day the document is no longer in force (null: in force or unknown). */
  expiresOn: string | null;
  repealedBy: string | null;
  sourceNote: string | null;
}

/** Which organisations a rubric applies to: kinds, and fields of activity (null = every field). */
export interface AppliesTo {
  kinds: OrganisationKind[];
  fields: Field[] | null;
}

/** A whole rubric version as data. */
export interface RubricDefinition {
  code: string;
  name: string;
  legal: LegalBasis;
  appliesTo: AppliesTo;
  maxTotal: number;
  bands: BandThreshold[];
  overrides: OverrideRule[];
  exclusions: ExclusionRule[];
  deadlines: RubricDeadlines;
  items: RubricItem[];
}

/** A problem found in a rubric or a score sheet, with a Vietnamese message. */
export interface Issue {
  path: string;
  code: string;
  message: string;
  itemCode?: string;
}
