import type { Comparator } from '../../core/plan/comparators.js';

/** A target of a shipped plan, encoded from the document's wording (quoted exactly). */
export interface SeedTarget {
  code: string;
  part?: string;
  /** The parent target as "CODE" or "CODE/part". */
  parent?: string;
  relation?: 'of_which' | 'allocated';
  objective?: string;
  indicator: string;
  unit: string;
  comparator: Comparator;
  value: number;
  valueMax?: number;
  year: number;
  recurring?: boolean;
  wording: string;
  note?: string;
  allocationLevel?: number;
  partition?: boolean;
}

/** A task of "Tổ chức thực hiện". */
export interface SeedTask {
  agency: string;
  task: string;
  dueOn?: string;
  recurrence?: 'semiannual' | 'annual';
  deadlineMd?: string;
}

/** A shipped plan document. */
export interface SeedPlan {
  code: string;
  number: string | null;
  kind: 'ke_hoach' | 'chuong_trinh_hanh_dong' | 'de_an' | 'nghi_quyet' | 'quyet_dinh';
  title: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  /** The unit covered: a pre-2025 unit by level and code, or null for the nation. */
  unit: { era: 'pre2025' | 'post2025'; level: 1 | 2 | 3; code: string } | null;
  startYear: number;
  endYear: number;
  legalBases: string[];
  summary: string;
  targets: SeedTarget[];
  tasks: SeedTask[];
}

/** Shorthand for a target. */
export function tg(
  code: string,
  indicator: string,
  comparator: Comparator,
  value: number,
  unit: string,
  year: number,
  wording: string,
  extra: Partial<SeedTarget> = {},
): SeedTarget {
  return { code, indicator, comparator, value, unit, year, wording, ...extra };
}
