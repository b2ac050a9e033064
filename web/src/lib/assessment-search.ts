/** URL search params of the assessment pages (bookmarkable unit and year; anything else is dropped). */

/** Search params of the board and the unit report. */
export interface UnitYearSearch {
  unitId?: number;
  year?: number;
  /** Pick among the units before 1/7/2025. */
  era?: 'pre2025';
}

/** Search params of the campaigns page. */
export interface CampaignSearch {
  year?: number;
}

function positiveInt(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 && n <= 2_147_483_647 ? n : undefined;
}

function year(v: unknown): number | undefined {
  const n = positiveInt(v);
  return n !== undefined && n >= 2000 && n <= 2100 ? n : undefined;
}

const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Keeps a valid unit id, year and era. */
export function validateUnitYearSearch(s: Record<string, unknown>): UnitYearSearch {
  return compact({
    unitId: positiveInt(s.unitId),
    year: year(s.year),
    era: s.era === 'pre2025' ? ('pre2025' as const) : undefined,
  });
}

/** Keeps a valid year. */
export function validateCampaignSearch(s: Record<string, unknown>): CampaignSearch {
  return compact({ year: year(s.year) });
}

/**
 * The year the assessment pages open on: the current year from December (campaigns close on 15–21/12, TT 01/2020
 * Art. 9), else the previous one, whose results are the latest complete ones.
 */
export function defaultAssessmentYear(now = new Date()): number {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  return vn.getUTCMonth() === 11 ? vn.getUTCFullYear() : vn.getUTCFullYear() - 1;
}
