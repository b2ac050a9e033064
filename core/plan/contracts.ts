/**
 * The shapes of plan data that the server and the web share: what an officer encodes (plan header, target) and a
 * target's evaluation as the API returns it. One definition, so the two sides cannot drift apart.
 */
import type { IndicatorEvaluation } from '../indicator/evaluation.js';
import type { DatedValue } from './status.js';

/** A plan document's header. */
export interface PlanInput {
  number?: string | null;
  kind: string;
  title: string;
  issuer: string;
  signer?: string | null;
  issuedOn?: string | null;
  unitId: number | null;
  startYear: number;
  endYear: number;
  legalBases?: string[];
  status?: string;
  summary?: string | null;
}

/** A target as an officer encodes it from the plan's text. */
export interface TargetInput {
  code: string;
  part?: string;
  parentId?: number | null;
  relation?: 'of_which' | 'allocated' | null;
  objective?: string | null;
  indicatorKey: string;
  unit: string;
  comparator: string;
  value: number;
  valueMax?: number | null;
  tolerance?: number | null;
  targetYear: number;
  recurring?: boolean;
  periodStart?: string | null;
  baselineValue?: number | null;
  baselineDate?: string | null;
  wording: string;
  note?: string | null;
  allocationLevel?: number | null;
  partition?: boolean;
  sort?: number;
}

/** A target's evaluation at a date: actual, status, projection to the end, trend and the territory caveat. */
export interface TargetEvaluation
  extends Pick<
    IndicatorEvaluation,
    'figuresYear' | 'numerator' | 'denominator' | 'coverage' | 'window' | 'source'
  > {
  date: string;
  /** The date the actual stands at: the evaluation date, or the end date once it has passed. */
  asOf: string;
  year: number;
  actual: number | null;
  status: string;
  statusLabel: string;
  required: number | null;
  projected: number | null;
  aboveRange: boolean;
  baseline: DatedValue | null;
  /** The indicator's yearly series. */
  trend: IndicatorEvaluation['series'];
  approximate: boolean;
  explanation: string | null;
}
