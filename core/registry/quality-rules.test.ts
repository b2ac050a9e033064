import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INCOME_RANGE,
  evaluateQualityRules,
  foundingYearWarning,
  incomeRangeFor,
  legalMinimumWarnings,
  QUALITY_RULE_FIELD,
  QUALITY_RULE_IDS,
  type QualityInput,
} from './quality-rules.js';
import { totalMembers } from './report-fields.js';

const base = {
  memberOfficialIndividual: 20,
  memberOfficialHousehold: 0,
  memberOfficialLegal: 0,
  workerTotal: 5,
  workerRegular: 3,
  revenueTotal: 2_000_000_000,
  profitBeforeTax: 150_000_000,
  charterCapital: 500_000_000,
  totalCapital: 800_000_000,
  avgIncomeRegularWorker: 60_000_000,
};
const rules = (i: QualityInput) => evaluateQualityRules(i).map((f) => f.rule);

describe('evaluateQualityRules', () => {
  it('finds nothing in a plausible report', () => {
    expect(evaluateQualityRules({ current: base, previous: base, previousYear: 2023 })).toEqual([]);
  });

  it('flags members down by more than 30%, not by exactly 30%', () => {
    const previous = { ...base, memberOfficialIndividual: 100 };
    const drop = evaluateQualityRules({
      current: { ...base, memberOfficialIndividual: 69 },
      previous,
      previousYear: 2023,
    });
    expect(drop).toEqual([
      { rule: 'members_drop', field: null, message: expect.stringContaining('từ 100 xuống 69') },
    ]);
    expect(drop[0].message).toContain('năm 2023');
    expect(rules({ current: { ...base, memberOfficialIndividual: 70 }, previous })).toEqual([]);
    expect(rules({ current: { ...base, memberOfficialIndividual: 1 }, previous: null })).toEqual([]);
  });

  it('flags revenue with no members', () => {
    const current = { ...base, memberOfficialIndividual: 0 };
    expect(rules({ current, previous: null })).toEqual(['revenue_without_members']);
    expect(rules({ current: { ...current, revenueTotal: 0, profitBeforeTax: 0 }, previous: null })).toEqual(
      [],
    );
  });

  it('flags profit above revenue', () => {
    const f = evaluateQualityRules({ current: { ...base, profitBeforeTax: 2_000_000_001 }, previous: null });
    expect(f.map((x) => x.rule)).toEqual(['profit_above_revenue']);
    expect(f[0].field).toBe('profitBeforeTax');
    expect(f[0].message).toContain('2.000.000.001 đồng');
  });

  it('flags negative total capital and negative charter capital separately', () => {
    expect(rules({ current: { ...base, totalCapital: -1 }, previous: null })).toEqual([
      'negative_total_capital',
    ]);
    expect(rules({ current: { ...base, charterCapital: -1, totalCapital: -2 }, previous: null })).toEqual([
      'negative_total_capital',
      'negative_charter_capital',
    ]);
  });

  it('flags an average income outside the band, with a province override', () => {
    expect(rules({ current: { ...base, avgIncomeRegularWorker: 11_999_999 }, previous: null })).toEqual([
      'income_out_of_range',
    ]);
    expect(rules({ current: { ...base, avgIncomeRegularWorker: 600_000_001 }, previous: null })).toEqual([
      'income_out_of_range',
    ]);
    expect(rules({ current: { ...base, avgIncomeRegularWorker: 600_000_000 }, previous: null })).toEqual([]);
    const hanoi = incomeRangeFor('01');
    expect(
      rules({
        current: { ...base, avgIncomeRegularWorker: 800_000_000 },
        previous: null,
        incomeRange: hanoi,
      }),
    ).toEqual([]);
    expect(incomeRangeFor('20')).toEqual(DEFAULT_INCOME_RANGE);
    expect(incomeRangeFor('20', { '20': { min: 1, max: 2 } })).toEqual({ min: 1, max: 2 });
    // No regular workers: an income of 0 is not implausible.
    expect(
      rules({ current: { ...base, workerRegular: 0, avgIncomeRegularWorker: 0 }, previous: null }),
    ).toEqual([]);
  });
});

const count = fc.option(fc.nat({ max: 5_000 }), { nil: null });
const amount = fc.option(fc.integer({ min: -5e12, max: 5e12 }), { nil: null });
const figures = fc.record({
  memberOfficialIndividual: count,
  memberOfficialHousehold: count,
  memberOfficialLegal: count,
  memberAssociateCapital: count,
  memberAssociateNoncapital: count,
  workerRegular: count,
  revenueTotal: amount,
  profitBeforeTax: amount,
  totalCapital: amount,
  charterCapital: amount,
  avgIncomeRegularWorker: fc.option(fc.nat({ max: 2e9 }), { nil: null }),
});

describe('evaluateQualityRules (properties)', () => {
  test.prop([figures, fc.option(figures, { nil: null })])(
    'is deterministic, returns known rules once each in catalogue order',
    (current, previous) => {
      const a = evaluateQualityRules({ current, previous });
      expect(evaluateQualityRules({ current, previous })).toEqual(a);
      const ids = a.map((f) => f.rule);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(QUALITY_RULE_IDS.filter((r) => ids.includes(r)));
      for (const f of a) {
        expect(f.field).toBe(QUALITY_RULE_FIELD[f.rule]);
        expect(f.message.length).toBeGreaterThan(10);
      }
    },
  );

  test.prop([figures, figures])(
    'members_drop fires exactly when the total falls below 70% of last year',
    (current, previous) => {
      const fired = rules({ current, previous }).includes('members_drop');
      const reported = (r: typeof current) =>
        [
          r.memberOfficialIndividual,
          r.memberOfficialHousehold,
          r.memberOfficialLegal,
          r.memberAssociateCapital,
          r.memberAssociateNoncapital,
        ].some((v) => v !== null);
      const expected =
        reported(current) && reported(previous) && totalMembers(current) * 10 < totalMembers(previous) * 7;
      expect(fired).toBe(expected);
    },
  );

  test.prop([figures])(
    'profit_above_revenue and the negative-capital rules fire exactly on their conditions',
    (current) => {
      const r = rules({ current, previous: null });
      const { profitBeforeTax: p, revenueTotal: rev, totalCapital: tc, charterCapital: cc } = current;
      expect(r.includes('profit_above_revenue')).toBe(p !== null && rev !== null && p > rev);
      expect(r.includes('negative_total_capital')).toBe(tc !== null && tc < 0);
      expect(r.includes('negative_charter_capital')).toBe(cc !== null && cc < 0);
      expect(r.includes('members_drop')).toBe(false);
    },
  );
});

describe('legalMinimumWarnings', () => {
  it('reports the shared legal minimums (Art. 4 members, Art. 30/34 foreign share) with the figure to look at', () => {
    expect(legalMinimumWarnings('HTX', { memberOfficialIndividual: 4, memberAssociateCapital: 10 })).toEqual([
      { code: 'legal_min.members', field: null, message: expect.stringContaining('4 thành viên chính thức') },
    ]);
    expect(legalMinimumWarnings('HTX', { memberOfficialIndividual: 5 })).toEqual([]);
    expect(legalMinimumWarnings('THT', { memberOfficialIndividual: 1 }).map((w) => w.code)).toEqual([
      'legal_min.members',
    ]);
    expect(
      legalMinimumWarnings('THT', { memberOfficialIndividual: 1, memberAssociateNoncapital: 1 }),
    ).toEqual([]);
    expect(legalMinimumWarnings('LHHTX', { memberCooperatives: 2 })).toEqual([
      {
        code: 'legal_min.members',
        field: 'memberCooperatives',
        message: expect.stringContaining('2 HTX thành viên'),
      },
    ]);
    expect(legalMinimumWarnings('HTX', { memberOfficialIndividual: 10, memberForeignOfficial: 4 })).toEqual([
      {
        code: 'legal_min.foreign_share',
        field: 'memberForeignOfficial',
        message: expect.stringContaining('35%'),
      },
    ]);
  });

  it('says nothing while no member figure is given', () => {
    expect(legalMinimumWarnings('HTX', { workerTotal: 3 })).toEqual([]);
  });
});

describe('foundingYearWarning', () => {
  it('warns for a year before the founding year only', () => {
    expect(foundingYearWarning(2019, '2020-01-15')?.code).toBe('report.before_founding');
    expect(foundingYearWarning(2020, '2020-12-31')).toBeNull();
    expect(foundingYearWarning(2019, null)).toBeNull();
  });
});
