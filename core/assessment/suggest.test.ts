import { describe, expect, it } from 'vitest';
import { TT09_2017 } from './rubrics/index.js';
import { levelPoints, suggestScores } from './suggest.js';

const BN = 1_000_000_000;
const noSurvey = { validForms: null, scoreSum: null };
const rule = (code: string) => {
  const r = TT09_2017.items.find((i) => i.code === code)!.scoring!;
  if (r.kind !== 'levels') throw new Error('levels expected');
  return r.levels;
};

describe('levelPoints (TT 09/2017 criterion 1 levels)', () => {
  it.each([
    [0, 4],
    [BN - 1, 4],
    [BN, 6],
    [5 * BN, 8],
    [9.99 * BN, 8],
    [10 * BN, 10],
  ])('revenue %d → %d points', (v, p) => {
    expect(levelPoints(rule('1b'), v)).toBe(p);
  });
  it('gives 0 for no profit and 2 just above it (exclusive threshold)', () => {
    expect(levelPoints(rule('1c'), 0)).toBe(0);
    expect(levelPoints(rule('1c'), -5)).toBe(0);
    expect(levelPoints(rule('1c'), 1)).toBe(2);
    expect(levelPoints(rule('1c'), 10_000_000)).toBe(10);
  });
});

describe('suggestScores', () => {
  it('suggests from collected figures, nothing for figures the yearly report lacks, and the survey average', () => {
    const s = suggestScores(
      TT09_2017,
      { revenueTotal: 6 * BN, fundDevelopmentPct: 19.99, fundReservePct: 5 },
      { validForms: 8, scoreSum: 130 },
    );
    expect(s).toEqual({ '1a': null, '1b': 8, '1c': null, '1d': 0, '1e': 5, 6: 16.25 });
  });
  it('suggests nothing without data', () => {
    const s = suggestScores(TT09_2017, {}, noSurvey);
    expect(Object.values(s).every((v) => v === null)).toBe(true);
  });
});
