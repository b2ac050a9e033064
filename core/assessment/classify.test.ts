import { describe, expect, it } from 'vitest';
import { capitalScale, classifyOrganisation, memberScale, sizeClass } from './classify.js';
import { exclusionReason, monthsOperatingAtYearEnd } from './exclusions.js';
import { TT01_2020, TT09_2017 } from './rubrics/index.js';

const BN = 1_000_000_000;

describe('memberScale (TT 01/2020 Art. 4)', () => {
  it.each([
    [0, 'micro'],
    [49, 'micro'],
    [50, 'small'],
    [300, 'small'],
    [301, 'medium'],
    [1000, 'medium'],
    [1001, 'large'],
  ] as const)('%i members → %s', (n, cls) => expect(memberScale(n)).toBe(cls));
  it('is unknown without a member count', () => expect(memberScale(null)).toBeNull());
});

describe('capitalScale (TT 01/2020 Art. 5)', () => {
  it('knows micro (< 1 bn) and small (1 – < 5 bn) only; larger capital is undetermined', () => {
    expect(capitalScale(999_999_999)).toBe('micro');
    expect(capitalScale(1 * BN)).toBe('small');
    expect(capitalScale(5 * BN - 1)).toBe('small');
    expect(capitalScale(5 * BN)).toBe('undetermined');
    expect(capitalScale(80 * BN)).toBe('undetermined');
  });
});

describe('sizeClass (NĐ 113/2024 Art. 5)', () => {
  it('classifies agriculture on members AND (revenue OR capital)', () => {
    expect(sizeClass('agriculture', 300, 50 * BN, null)).toBe('large');
    expect(sizeClass('agriculture', 300, 49 * BN, 10 * BN)).toBe('large');
    expect(sizeClass('agriculture', 299, 60 * BN, 20 * BN)).toBe('medium');
    expect(sizeClass('agriculture', 200, 1 * BN, 5 * BN)).toBe('medium');
    expect(sizeClass('agriculture', 50, 2 * BN, 0)).toBe('small');
    expect(sizeClass('agriculture', 50, 1.9 * BN, 0.9 * BN)).toBe('micro');
    expect(sizeClass('agriculture', 49, 90 * BN, 90 * BN)).toBe('micro');
  });
  it('knows only "large" for industry–construction and nothing for the other fields', () => {
    expect(sizeClass('industry_construction', 100, 80 * BN, null)).toBe('large');
    expect(sizeClass('industry_construction', 100, 79 * BN, 19 * BN)).toBe('undetermined');
    expect(sizeClass('trade_service', 5, 1, 1)).toBe('undetermined');
    expect(sizeClass(null, 5, 1, 1)).toBe('undetermined');
  });
  it('is unknown without members or without both money figures', () => {
    expect(sizeClass('agriculture', null, 1, 1)).toBeNull();
    expect(sizeClass('agriculture', 60, null, null)).toBeNull();
  });
});

describe('classifyOrganisation', () => {
  it('records the service type as given (null when the organisation has not recorded it)', () => {
    const c = classifyOrganisation({
      field: 'agriculture',
      officialMembers: 60,
      totalMembers: 80,
      revenue: 3 * BN,
      totalCapital: 0.8 * BN,
      serviceType: null,
    });
    expect(c).toEqual({ memberScale: 'small', capitalScale: 'micro', sizeClass: 'small', serviceType: null });
  });
});

describe('exclusionReason', () => {
  it('counts whole months to the year end', () => {
    expect(monthsOperatingAtYearEnd('2024-01-01', 2024)).toBe(12);
    expect(monthsOperatingAtYearEnd('2024-01-02', 2024)).toBe(11);
    expect(monthsOperatingAtYearEnd('2023-12-20', 2024)).toBe(12);
    expect(monthsOperatingAtYearEnd('2025-03-01', 2024)).toBe(0);
  });

  it('TT 01/2020: credit funds first, then < 12 months, then stopped > 3 months', () => {
    const base = { year: 2024, foundedOn: '2015-05-01', creditFund: false, monthsSuspended: 0 };
    expect(exclusionReason(TT01_2020.exclusions, base)).toBeNull();
    expect(
      exclusionReason(TT01_2020.exclusions, { ...base, creditFund: true, foundedOn: '2024-06-01' }),
    ).toBe('credit_fund');
    expect(exclusionReason(TT01_2020.exclusions, { ...base, foundedOn: '2024-01-15' })).toBe(
      'new_lt_12_months',
    );
    expect(exclusionReason(TT01_2020.exclusions, { ...base, monthsSuspended: 3 })).toBeNull();
    expect(exclusionReason(TT01_2020.exclusions, { ...base, monthsSuspended: 4 })).toBe(
      'stopped_gt_3_months',
    );
  });

  it('TT 09/2017 carries only the < 12 months rule', () => {
    const base = { year: 2024, foundedOn: '2015-05-01', creditFund: false, monthsSuspended: 6 };
    expect(exclusionReason(TT09_2017.exclusions, base)).toBeNull();
    expect(exclusionReason(TT09_2017.exclusions, { ...base, foundedOn: '2024-07-01' })).toBe(
      'new_lt_12_months',
    );
  });
});
