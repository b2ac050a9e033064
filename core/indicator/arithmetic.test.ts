import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseFiguresYear, measureValue, type YearCoverage } from './arithmetic.js';
import { BUILT_IN_INDICATORS } from './catalogue.js';
import { flagMask, specProblems, ZIndicatorSpec } from './spec.js';

describe('measureValue', () => {
  it('computes count, sum (scaled), average, ratio and share from totals', () => {
    expect(measureValue({ type: 'count' }, { num: 7, den: 9 })).toBe(7);
    expect(measureValue({ type: 'sum', column: 'members' }, { num: 0, den: 0, sum: 120, n: 3 })).toBe(120);
    expect(
      measureValue({ type: 'average', column: 'revenue', scale: 1e-6 }, { num: 0, den: 0, sum: 9e9, n: 3 }),
    ).toBeCloseTo(3000);
    expect(
      measureValue(
        { type: 'ratio', numerator: 'manager_university', denominator: 'manager_total' },
        { num: 0, den: 0, ratioNum: 5, ratioDen: 20 },
      ),
    ).toBe(25);
    expect(measureValue({ type: 'share', where: { all: ['value_chain'] } }, { num: 3, den: 12 })).toBe(25);
  });

  it('answers null rather than 0 when nothing was reported or the base is empty', () => {
    expect(measureValue({ type: 'average', column: 'members' }, { num: 0, den: 0, sum: 0, n: 0 })).toBeNull();
    expect(measureValue({ type: 'share', where: { bands: ['tot'] } }, { num: 0, den: 0 })).toBeNull();
    expect(measureValue({ type: 'sum', column: 'members' }, { num: 0, den: 0 })).toBeNull();
  });

  it('keeps a share between 0 and 100 whenever the numerator is a subset of the base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a];
        if (den === 0) return;
        const v = measureValue({ type: 'share', where: { all: ['high_tech'] } }, { num, den })!;
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('chooseFiguresYear', () => {
  it('skips a year still being reported (under half the organisations) for the latest full one', () => {
    const years: YearCoverage[] = [
      { year: 2023, covered: 90, existing: 100 },
      { year: 2024, covered: 95, existing: 100 },
      { year: 2025, covered: 25, existing: 100 },
    ];
    expect(chooseFiguresYear(years, 2026)).toBe(2024);
    expect(chooseFiguresYear(years, 2023)).toBe(2023);
    expect(chooseFiguresYear([{ year: 2025, covered: 10, existing: 100 }], 2030)).toBe(2025);
    expect(chooseFiguresYear([], 2030)).toBeNull();
  });

  it('never picks a year after the cap nor one without figures', () => {
    const cov = fc.record({
      year: fc.integer({ min: 2015, max: 2035 }),
      covered: fc.integer({ min: 0, max: 50 }),
      existing: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(fc.array(cov, { maxLength: 10 }), fc.integer({ min: 2015, max: 2035 }), (ys, cap) => {
        const y = chooseFiguresYear(ys, cap);
        if (y === null) expect(ys.every((x) => x.year > cap || x.covered === 0)).toBe(true);
        else expect(ys.some((x) => x.year === y && x.covered > 0 && y <= cap)).toBe(true);
      }),
    );
  });
});

describe('the built-in catalogue', () => {
  it('has unique keys, a Vietnamese and English name and definition, and only computable specs', () => {
    const keys = BUILT_IN_INDICATORS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of BUILT_IN_INDICATORS) {
      expect(d.name.vi.length, d.key).toBeGreaterThan(3);
      expect(d.definition.en.length, d.key).toBeGreaterThan(10);
      expect(ZIndicatorSpec.parse(d.spec)).toEqual(d.spec);
      expect(specProblems(d.spec), d.key).toEqual([]);
    }
  });

  it('maps flags to distinct bits', () => {
    expect(flagMask(['value_chain', 'trade_promotion'])).toBe(129);
    expect(flagMask([])).toBe(0);
  });
});

describe('specProblems', () => {
  it('rejects a sum over organisations and a band condition on reports', () => {
    expect(
      specProblems({ source: 'organisations', filter: {}, measure: { type: 'sum', column: 'members' } }),
    ).toHaveLength(1);
    expect(
      specProblems({ source: 'reports', filter: {}, measure: { type: 'share', where: { bands: ['tot'] } } }),
    ).toHaveLength(1);
  });
});
