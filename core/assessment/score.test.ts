import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { TT01_2020, TT09_2017 } from './rubrics/index.js';
import { bandForTotal, classifyTotal, scoredItems, totalScore } from './score.js';
import { BANDS, type Band } from './types.js';

const leaves01 = scoredItems(TT01_2020);
const leaves09 = scoredItems(TT09_2017);
const full = (items: typeof leaves01, f: (code: string, max: number) => number) =>
  Object.fromEntries(items.map(({ item, max }) => [item.code, f(item.code, max)]));

describe('totalScore (hand-computed)', () => {
  it('TT 01/2020: full marks on groups I and II plus 40 spread over criteria 10–15 give 100', () => {
    const scores = {
      ...full(leaves01, (_c, max) => (max === 40 ? 0 : max)),
      10: 10,
      11: 10,
      12: 5,
      13: 5,
      14: 5,
      15: 5,
    };
    expect(totalScore(TT01_2020, scores)).toEqual({ total: 100, maxTotal: 100, issues: [] });
  });

  it('TT 01/2020: a typical cooperative totals 70,5 → Khá', () => {
    const scores = {
      '1a': 4,
      '1b': 1,
      '2a': 3,
      '2b': 0,
      '3a': 3,
      '3b': 2,
      '3c': 2.5,
      '4a': 2,
      '4b': 1,
      '4c': 0,
      5: 7,
      6: 6,
      '7a': 1,
      '7b': 2,
      '7c': 1,
      8: 4,
      9: 2,
      10: 6,
      11: 6,
      12: 5,
      13: 4,
      14: 4,
      15: 4,
    };
    // I: 4+1+3+0+3+2+2.5+2+1+0 = 18.5; II: 7+6+1+2+1+4+2 = 23; III: 29 → 70.5
    const t = totalScore(TT01_2020, scores);
    expect(t.total).toBe(70.5);
    expect(t.issues).toEqual([]);
    expect(classifyTotal(TT01_2020, t.total, { excludedReason: null, sanctioned: false }).band).toBe('kha');
  });

  it('lists missing and over-maximum items, and bounds criteria 10–15 by group III together', () => {
    const scores = { ...full(leaves01, (_c, max) => (max === 40 ? 0 : max)), '1a': 7, 10: 30, 11: 20 };
    delete (scores as Record<string, number>)['4c'];
    const t = totalScore(TT01_2020, scores);
    expect(t.issues.map((i) => `${i.code}:${i.itemCode}`)).toEqual([
      'exceeds:1a',
      'missing:4c',
      'group_exceeds:III',
    ]);
    expect(t.total).toBe(30 - 2 + 30 + 40);
  });

  it('TT 09/2017: the known criterion-1 sub-scores and the survey average sum exactly', () => {
    const scores = { '1a': 4, '1b': 6, '1c': 4, '1d': 5, '1e': 5, '2a': 8, 3: 15, 4: 12, 5: 5, 6: 17.25 };
    expect(totalScore(TT09_2017, scores)).toEqual({ total: 81.25, maxTotal: 100, issues: [] });
  });
});

describe('bandForTotal at the boundaries of TT 01/2020 Art. 8', () => {
  it.each([
    [49.5, 'yeu'],
    [49.99, 'yeu'],
    [50, 'trung_binh'],
    [64.9, 'trung_binh'],
    [65, 'kha'],
    [79.9, 'kha'],
    [80, 'tot'],
    [100, 'tot'],
    [0, 'yeu'],
  ] as [number, Band][])('%s → %s', (total, band) => {
    expect(bandForTotal(total, TT01_2020.bands)).toBe(band);
    expect(bandForTotal(total, TT09_2017.bands)).toBe(band);
  });
});

describe('classifyTotal', () => {
  it('TT 09/2017 Art. 6: a sanctioned cooperative with 92 points is Yếu', () => {
    const c = classifyTotal(TT09_2017, 92, { excludedReason: null, sanctioned: true });
    expect(c.band).toBe('yeu');
    expect(c.override?.kind).toBe('sanctioned');
  });

  it('TT 01/2020 has no sanction rule in our sources: a sanctioned cooperative with 92 points stays Tốt', () => {
    expect(classifyTotal(TT01_2020, 92, { excludedReason: null, sanctioned: true })).toEqual({
      band: 'tot',
      notClassifiedReason: null,
      override: null,
    });
  });

  it('an excluded organisation gets no band, even with a sanction', () => {
    expect(classifyTotal(TT09_2017, 95, { excludedReason: 'new_lt_12_months', sanctioned: true })).toEqual({
      band: null,
      notClassifiedReason: 'new_lt_12_months',
      override: null,
    });
  });
});

const rank = (b: Band) => BANDS.length - BANDS.indexOf(b);
const anyScore = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -1000, max: 15000 }).map((c) => c / 100),
);
const sheet = (items: typeof leaves01) =>
  fc
    .tuple(...items.map(() => anyScore))
    .map((v) => Object.fromEntries(items.map(({ item }, k) => [item.code, v[k]])));
// Criteria 10–15 share group III's 40 points: each at most 6,66 keeps their sum within it.
const validSheet = (items: typeof leaves01) =>
  fc
    .tuple(...items.map(({ max }) => fc.integer({ min: 0, max: max === 40 ? 666 : Math.round(max * 100) })))
    .map((v) => Object.fromEntries(items.map(({ item }, k) => [item.code, v[k] / 100])));
const total = fc.integer({ min: 0, max: 10000 }).map((c) => c / 100);
const reason = fc.constantFrom(
  'new_lt_12_months',
  'stopped_gt_3_months',
  'credit_fund',
  'no_rubric',
  'not_submitted' as const,
);

describe('scoring properties', () => {
  test.prop([
    fc
      .constantFrom(TT01_2020, TT09_2017)
      .chain((r) => sheet(r === TT01_2020 ? leaves01 : leaves09).map((s) => [r, s] as const)),
  ])('the total always lies within [0, maximum]', ([rubric, s]) => {
    const t = totalScore(rubric, s);
    expect(t.total).toBeGreaterThanOrEqual(0);
    expect(t.total).toBeLessThanOrEqual(rubric.maxTotal);
  });

  test.prop([validSheet(leaves01)])(
    'a sheet within every maximum totals exactly the sum of its leaf scores, without issues',
    (s) => {
      const t = totalScore(TT01_2020, s);
      const sum = Object.values(s).reduce((a, x) => a + Math.round((x ?? 0) * 100), 0) / 100;
      expect(t.issues).toEqual([]);
      expect(t.total).toBe(sum);
    },
  );

  test.prop([total, total])('the band is monotonic in the total', (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(rank(bandForTotal(hi, TT01_2020.bands))).toBeGreaterThanOrEqual(
      rank(bandForTotal(lo, TT01_2020.bands)),
    );
  });

  test.prop([total, fc.constantFrom(...BANDS)])('an override always wins over the total', (t, band) => {
    const rubric = { ...TT09_2017, overrides: [{ kind: 'sanctioned' as const, band, legalRef: 'thử' }] };
    expect(classifyTotal(rubric, t, { excludedReason: null, sanctioned: true }).band).toBe(band);
  });

  test.prop([total, reason, fc.boolean()])(
    'an excluded organisation never gets a band',
    (t, r, sanctioned) => {
      for (const rubric of [TT01_2020, TT09_2017]) {
        const c = classifyTotal(rubric, t, { excludedReason: r, sanctioned });
        expect(c.band).toBeNull();
        expect(c.notClassifiedReason).toBe(r);
      }
    },
  );
});
