/**
 * The four classifications recorded with each yearly assessment: by number of members (TT 01/2020/TT-BKHĐT Art. 4),
 * by total capital (Art. 5; only the two smallest classes are in our sources), size class by field (NĐ 113/2024/NĐ-CP
 * Art. 5, thresholds as data: agriculture known, industry–construction "large" known, the rest not found), and by
 * products/services supplied to members (Art. 3, as the organisation records it). Unknown thresholds give
 * "undetermined" (chưa xác định), never a guess.
 */
import type { Field } from '../registry/enums.js';
import type { ScaleClass, ServiceType } from './labels.js';

const BILLION = 1_000_000_000;

/** TT 01/2020 Art. 4: < 50 micro; 50–300 small; > 300–1,000 medium; > 1,000 large. */
export function memberScale(members: number | null): ScaleClass | null {
  if (members === null || !Number.isFinite(members) || members < 0) return null;
  if (members < 50) return 'micro';
  if (members <= 300) return 'small';
  if (members <= 1000) return 'medium';
  return 'large';
}

/** TT 01/2020 Art. 5: < 1 bn micro; 1 – < 5 bn small; the medium and large thresholds are NOT FOUND → undetermined. */
export function capitalScale(totalCapital: number | null): ScaleClass | null {
  if (totalCapital === null || !Number.isFinite(totalCapital) || totalCapital < 0) return null;
  if (totalCapital < 1 * BILLION) return 'micro';
  if (totalCapital < 5 * BILLION) return 'small';
  return 'undetermined';
}

/** One size threshold of NĐ 113/2024 Art. 5: official members AND (revenue OR total capital). */
export interface SizeThreshold {
  size: Exclude<ScaleClass, 'undetermined'>;
  members: number;
  revenue: number;
  capital: number;
}

/** Thresholds per field, largest first; `complete` when every class is known (then the rest are micro). */
export const SIZE_THRESHOLDS: Readonly<
  Record<Field, { complete: boolean; levels: readonly SizeThreshold[] }>
> = {
  agriculture: {
    complete: true,
    levels: [
      { size: 'large', members: 300, revenue: 50 * BILLION, capital: 10 * BILLION },
      { size: 'medium', members: 200, revenue: 10 * BILLION, capital: 5 * BILLION },
      { size: 'small', members: 50, revenue: 2 * BILLION, capital: 1 * BILLION },
    ],
  },
  // Only "large" is in our sources for industry–construction; medium and small are NOT FOUND.
  industry_construction: {
    complete: false,
    levels: [{ size: 'large', members: 100, revenue: 80 * BILLION, capital: 20 * BILLION }],
  },
  finance: { complete: false, levels: [] },
  trade_service: { complete: false, levels: [] },
};

/** NĐ 113/2024 Art. 5 size class of a field; null when the members or both money figures are missing. */
export function sizeClass(
  field: Field | null,
  officialMembers: number | null,
  revenue: number | null,
  totalCapital: number | null,
): ScaleClass | null {
  if (officialMembers === null || (revenue === null && totalCapital === null)) return null;
  if (!field) return 'undetermined';
  const t = SIZE_THRESHOLDS[field];
  for (const l of t.levels) {
    const money =
      (revenue !== null && revenue >= l.revenue) || (totalCapital !== null && totalCapital >= l.capital);
    if (officialMembers >= l.members && money) return l.size;
  }
  return t.complete ? 'micro' : 'undetermined';
}

/** The figures a classification is computed from. */
export interface ClassificationInput {
  field: Field | null;
  officialMembers: number | null;
  totalMembers: number | null;
  revenue: number | null;
  totalCapital: number | null;
  serviceType: ServiceType | null;
}

/** The four classifications of one organisation and year. */
export interface Classifications {
  memberScale: ScaleClass | null;
  capitalScale: ScaleClass | null;
  sizeClass: ScaleClass | null;
  serviceType: ServiceType | null;
}

/** Computes all four; the member scale counts official members, else all members when only the total is known. */
export function classifyOrganisation(x: ClassificationInput): Classifications {
  return {
    memberScale: memberScale(x.officialMembers ?? x.totalMembers),
    capitalScale: capitalScale(x.totalCapital),
    sizeClass: sizeClass(x.field, x.officialMembers, x.revenue, x.totalCapital),
    serviceType: x.serviceType,
  };
}
