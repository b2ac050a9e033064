import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aboveRange,
  COMPARATOR_VALUES,
  DEFAULT_ABOUT_TOLERANCE,
  describeFigure,
  meetsTarget,
  statedInterval,
  type TargetFigure,
} from './comparators.js';

const value = fc.double({ min: 0.5, max: 1e6, noNaN: true });
const actual = fc.double({ min: 0, max: 2e6, noNaN: true });

describe('meetsTarget', () => {
  it('reads "khoảng" with a ±5% tolerance by default: 57 meets "khoảng 60", 56.9 does not, 90 does', () => {
    const t: TargetFigure = { comparator: 'about', value: 60 };
    expect(DEFAULT_ABOUT_TOLERANCE).toBe(0.05);
    expect(meetsTarget(t, 57)).toBe(true);
    expect(meetsTarget(t, 56.9)).toBe(false);
    expect(meetsTarget(t, 90)).toBe(true);
    expect(meetsTarget({ ...t, tolerance: 0.1 }, 54)).toBe(true);
  });

  it('reads "trên" strictly, "ít nhất" and a bare figure inclusively, "từ … đến" from its lower end', () => {
    expect(meetsTarget({ comparator: 'more_than', value: 400 }, 400)).toBe(false);
    expect(meetsTarget({ comparator: 'more_than', value: 400 }, 401)).toBe(true);
    expect(meetsTarget({ comparator: 'at_least', value: 5 }, 5)).toBe(true);
    expect(meetsTarget({ comparator: 'plain', value: 20 }, 19)).toBe(false);
    expect(meetsTarget({ comparator: 'range', value: 60, valueMax: 70 }, 59.9)).toBe(false);
    expect(meetsTarget({ comparator: 'range', value: 60, valueMax: 70 }, 65)).toBe(true);
    expect(aboveRange({ comparator: 'range', value: 60, valueMax: 70 }, 75)).toBe(true);
  });

  it('reads 100% as all and "không có" as zero', () => {
    expect(meetsTarget({ comparator: 'all', value: 100 }, 100)).toBe(true);
    expect(meetsTarget({ comparator: 'all', value: 100 }, 99.99)).toBe(false);
    expect(meetsTarget({ comparator: 'none', value: 0 }, 0)).toBe(true);
    expect(meetsTarget({ comparator: 'none', value: 0 }, 1)).toBe(false);
  });

  it('is monotone: for every upward comparator, a larger actual never stops meeting a target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPARATOR_VALUES.filter((c) => c !== 'none')),
        value,
        actual,
        actual,
        (c, v, a, b) => {
          const t: TargetFigure = { comparator: c, value: v, valueMax: v * 1.2 };
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          if (meetsTarget(t, lo)) expect(meetsTarget(t, hi)).toBe(true);
        },
      ),
    );
  });

  it('agrees with the stated interval: a value inside it meets the target (except above-range cases, met too)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COMPARATOR_VALUES),
        value,
        fc.double({ min: 0, max: 1, noNaN: true }),
        (c, v, f) => {
          const t: TargetFigure = { comparator: c, value: v, valueMax: v * 1.5 };
          const i = statedInterval(t);
          const hi = Number.isFinite(i.hi) ? i.hi : i.lo * 3 + 1;
          const x = i.lo + (hi - i.lo) * f;
          if ((i.loStrict && x <= i.lo + 1e-6) || x < i.lo) return;
          expect(meetsTarget(t, x)).toBe(true);
        },
      ),
    );
  });
});

describe('describeFigure', () => {
  it('words each comparator as the plans do', () => {
    expect(describeFigure({ comparator: 'about', value: 270100 }, 'thành viên')).toBe(
      'khoảng 270.100 thành viên (±5%)',
    );
    expect(describeFigure({ comparator: 'more_than', value: 400 }, 'HTX')).toBe('trên 400 HTX');
    expect(describeFigure({ comparator: 'range', value: 60, valueMax: 70 }, '%')).toBe('từ 60 đến 70 %');
    expect(describeFigure({ comparator: 'none', value: 0 }, 'HTX')).toBe('không có');
  });
});
