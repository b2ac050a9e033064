/**
 * How a plan states a target, as its Vietnamese wording says it (seeds/INDEX.md: "the wording decides the
 * comparator"), and when an actual value meets it. Pure: shared by the server and the web.
 */

/** Comparators, each named after the words that select it. */
export const COMPARATORS = [
  { value: 'about', vi: 'khoảng', en: 'about' },
  { value: 'more_than', vi: 'trên / hơn', en: 'more than' },
  { value: 'at_least', vi: 'ít nhất / tối thiểu / từ … trở lên', en: 'at least' },
  { value: 'range', vi: 'từ … đến …', en: 'from … to …' },
  { value: 'all', vi: '100% / tất cả', en: 'all (100%)' },
  { value: 'none', vi: 'không có', en: 'none (0)' },
  { value: 'plain', vi: 'con số không kèm từ hạn định (phải đạt tới)', en: 'a bare figure (to be reached)' },
] as const;
export type Comparator = (typeof COMPARATORS)[number]['value'];
export const COMPARATOR_VALUES = COMPARATORS.map((c) => c.value) as [Comparator, ...Comparator[]];

/**
 * Default tolerance of "khoảng": ±5% of the stated figure. A target may carry its own tolerance.
 * "Khoảng 60 HTX" is met from 57; exceeding a development target is never a failure.
 */
export const DEFAULT_ABOUT_TOLERANCE = 0.05;

/** A target's figure as the text states it. */
export interface TargetFigure {
  comparator: Comparator;
  /** The stated figure (the lower end of a range; ignored by 'all' and 'none'). */
  value: number;
  /** Upper end of a range ("từ 60% đến 70%"). */
  valueMax?: number | null;
  /** Tolerance of "khoảng" as a fraction (0.05 = ±5%). */
  tolerance?: number | null;
}

/** An interval of values; bounds may be open (strict) or infinite. */
export interface Interval {
  lo: number;
  loStrict: boolean;
  hi: number;
  hiStrict: boolean;
}

/** The tolerance a target uses. */
export function toleranceOf(t: TargetFigure): number {
  return t.tolerance ?? DEFAULT_ABOUT_TOLERANCE;
}

/** 'up' when more is better (every comparator but 'none'), 'down' for "không có". */
export function directionOf(t: TargetFigure): 'up' | 'down' {
  return t.comparator === 'none' ? 'down' : 'up';
}

/**
 * The level an actual value must reach (or, for 'none', not exceed): about → value·(1−tol), more_than →
 * value (strictly above), at_least/plain/range → value (the lower end), all → 100, none → 0.
 */
export function thresholdOf(t: TargetFigure): { level: number; strict: boolean } {
  switch (t.comparator) {
    case 'about':
      return { level: t.value * (1 - toleranceOf(t)), strict: false };
    case 'more_than':
      return { level: t.value, strict: true };
    case 'all':
      return { level: 100, strict: false };
    case 'none':
      return { level: 0, strict: false };
    default:
      return { level: t.value, strict: false };
  }
}

// Percentages computed from integer counts are compared with a little slack for floating-point noise.
const EPS = 1e-9;

/** True when an actual value meets the target figure. */
export function meetsTarget(t: TargetFigure, actual: number): boolean {
  const { level, strict } = thresholdOf(t);
  if (directionOf(t) === 'down') return actual <= level + EPS;
  return strict ? actual > level + EPS : actual >= level - EPS;
}

/** True when a value lies above the upper end of a range target (still met: reported for information). */
export function aboveRange(t: TargetFigure, actual: number): boolean {
  return t.comparator === 'range' && t.valueMax != null && actual > t.valueMax + EPS;
}

/**
 * The values the stated figure describes, for consistency checks: about → [v(1−tol), v(1+tol)], more_than →
 * (v, ∞), at_least/plain → [v, ∞), range → [v, vmax], all → [100, 100], none → [0, 0].
 */
export function statedInterval(t: TargetFigure): Interval {
  switch (t.comparator) {
    case 'about': {
      const tol = toleranceOf(t);
      return { lo: t.value * (1 - tol), loStrict: false, hi: t.value * (1 + tol), hiStrict: false };
    }
    case 'more_than':
      return { lo: t.value, loStrict: true, hi: Number.POSITIVE_INFINITY, hiStrict: false };
    case 'range':
      return { lo: t.value, loStrict: false, hi: t.valueMax ?? t.value, hiStrict: false };
    case 'all':
      return { lo: 100, loStrict: false, hi: 100, hiStrict: false };
    case 'none':
      return { lo: 0, loStrict: false, hi: 0, hiStrict: false };
    default:
      return { lo: t.value, loStrict: false, hi: Number.POSITIVE_INFINITY, hiStrict: false };
  }
}

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** The figure in words, e.g. "khoảng 60 HTX (±5%)", "từ 60 đến 70 %", "không có". */
export function describeFigure(t: TargetFigure, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  switch (t.comparator) {
    case 'about':
      return `khoảng ${nf.format(t.value)}${u} (±${nf.format(toleranceOf(t) * 100)}%)`;
    case 'more_than':
      return `trên ${nf.format(t.value)}${u}`;
    case 'at_least':
      return `ít nhất ${nf.format(t.value)}${u}`;
    case 'range':
      return `từ ${nf.format(t.value)} đến ${nf.format(t.valueMax ?? t.value)}${u}`;
    case 'all':
      return '100%';
    case 'none':
      return 'không có';
    default:
      return `${nf.format(t.value)}${u}`;
  }
}
