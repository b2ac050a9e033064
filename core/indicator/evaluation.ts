/** An indicator's value over a territory, with how it was obtained and its yearly series (server and web). */
export interface IndicatorEvaluation {
  value: number | null;
  /** Year of the figures used (reports, assessments, manual figures). */
  figuresYear: number | null;
  numerator: number | null;
  denominator: number | null;
  /** For report and assessment figures: organisations with figures that year, and organisations existing then. */
  coverage: { covered: number; existing: number } | null;
  window: { from: string; to: string } | null;
  /** Manual figures: the source entered with the value. */
  source: string | null;
  series: { year: number; value: number | null }[];
}
