/** Shapes of the assessment API (server/modules/assessment/assessment.responses.ts is the contract). */
import type { Band } from '../../../core/assessment/types';

export type * from './assessment-report-types';

/** A problem found in a score sheet or a rubric. */
export interface AssessmentIssue {
  path: string;
  code: string;
  message: string;
  itemCode?: string;
}

/** A rubric version as lists show it. */
export interface RubricSummary {
  id: number;
  code: string;
  name: string;
  status: 'draft' | 'active' | 'retired';
  shipped: boolean;
  inUse: boolean;
  ownerProvinceId: number | null;
  derivedFromId: number | null;
  version: number;
  maxTotal: number;
  valid: boolean;
  complete: boolean;
  activatedAt: string | null;
  legal: {
    documentNumber: string;
    issuer: string;
    signedOn: string | null;
    effectiveFrom: string | null;
    expiresOn: string | null;
    repealedBy: string | null;
    sourceNote: string | null;
  };
  appliesTo: { kinds: string[]; fields: string[] | null };
}

/** One node of a rubric tree as the API returns it. */
export interface RubricItemView {
  code: string;
  parentCode: string | null;
  level: 'group' | 'criterion' | 'sub';
  label: string;
  maxPoints: number | null;
  order: number;
  note: string | null;
  needsAppendix: boolean;
  needsAppendixText: string | null;
  scoring: unknown;
  depth: number;
  isLeaf: boolean;
  effectiveMax: number;
}

/** A rubric version with its tree and validation. */
export interface RubricDetail extends RubricSummary {
  bands: { band: Band; min: number }[];
  overrides: unknown[];
  exclusions: unknown[];
  deadlines: { self: string; commune: string; province: string; yearOffset: 0 | 1; note: string | null };
  items: RubricItemView[];
  validation: {
    valid: boolean;
    complete: boolean;
    errors: AssessmentIssue[];
    warnings: AssessmentIssue[];
  };
}

/** A yearly campaign of a province. */
export interface Campaign {
  id: number;
  provinceId: number;
  provinceName: string;
  year: number;
  rubricVersionId: number;
  rubricCode: string;
  rubricName: string;
  selfDeadline: string;
  communeDeadline: string;
  provinceDeadline: string;
  status: 'open' | 'closed';
  version: number;
  closedAt: string | null;
  createdAt: string;
}

/** A campaign with its counts by status. */
export interface CampaignDetail extends Campaign {
  counts: { byStatus: Record<string, number>; excluded: number; total: number };
}

/** One item of an assessment form. */
export interface AssessmentItem {
  code: string;
  parentCode: string | null;
  level: 'group' | 'criterion' | 'sub';
  label: string;
  depth: number;
  isLeaf: boolean;
  note: string | null;
  maxPoints: number | null;
  effectiveMax: number;
  needsAppendix: boolean;
  needsAppendixText: string | null;
  selfScore: number | null;
  selfNote: string | null;
  officerScore: number | null;
  officerNote: string | null;
  returnComment: string | null;
  suggested: number | null;
  /** How the suggestion is computed (survey_average: from the member survey of TT 09/2017). */
  scoringKind: 'levels' | 'survey_average' | null;
  differs: boolean;
}

/** An approval: who and when. */
export interface Approval {
  name: string | null;
  approvedOn: string | null;
}

/** The assessment of an organisation and year. */
export interface Assessment {
  id: number | null;
  year: number;
  status: string;
  statusLabel: string;
  imported: boolean;
  version: number;
  organisation: {
    id: number;
    kind: string;
    name: string;
    regCode: string;
    address: string | null;
    phone: string | null;
    email: string | null;
    communeName: string;
    provinceName: string;
    field: string | null;
    paperOnly: boolean;
  };
  /** Who enters the self-scores: coop_account = the cooperative itself (officers only read them). */
  selfScoring: 'own_account' | 'paper_only' | 'no_account' | 'coop_account';
  rubric: {
    id: number;
    code: string;
    name: string;
    documentNumber: string;
    maxTotal: number;
    bands: { band: Band; min: number }[];
    /** The rubric scores an item by the member-satisfaction survey (TT 09/2017/TT-BNNPTNT Art. 5(1)). */
    usesSurvey: boolean;
  };
  campaign: {
    id: number;
    selfDeadline: string;
    communeDeadline: string;
    provinceDeadline: string;
    status: string;
  } | null;
  notClassifiedReason: string | null;
  notClassifiedLabel: string | null;
  selfTotal: number | null;
  officerTotal: number | null;
  finalTotal: number | null;
  band: Band | null;
  bandLabel: string | null;
  overrideApplied: string | null;
  sanctioned: boolean | null;
  board: Approval;
  supervisor: Approval;
  survey: { validForms: number | null; scoreSum: number | null };
  serviceType: string | null;
  reviewComment: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  confirmedAt: string | null;
  publishedAt: string | null;
  items: AssessmentItem[];
  issues: AssessmentIssue[];
  classification: Record<string, string | number | null>;
  allowedActions: string[];
}

/** One year of an organisation's history. */
export interface HistoryItem {
  year: number;
  status: string;
  imported: boolean;
  rubricCode: string;
  maxTotal: number;
  selfTotal: number | null;
  total: number | null;
  band: Band | null;
  bandLabel: string | null;
  notClassifiedReason: string | null;
  notClassifiedLabel: string | null;
}
