import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { REPORT_FIELDS } from './report-fields.js';
import { figuresToColumns, rowToFigures, ZReportFigures } from './report-input.js';

const errorsOf = (input: unknown) => {
  const r = ZReportFigures.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('ZReportFigures', () => {
  it('accepts every type and clears with null', () => {
    const r = ZReportFigures.parse({
      workerTotal: 12,
      charterCapital: '1500000000',
      profitBeforeTax: -20_000_000,
      fundReservePct: 12.5,
      valueChain: true,
      generalMeetingDate: '2024-03-30',
      revenueTotal: null,
    });
    expect(r).toEqual({
      workerTotal: 12,
      charterCapital: 1_500_000_000,
      profitBeforeTax: -20_000_000,
      fundReservePct: 12.5,
      valueChain: true,
      generalMeetingDate: '2024-03-30',
      revenueTotal: null,
    });
  });

  it('refuses an unknown key with a Vietnamese message naming it', () => {
    const errors = errorsOf({ workerTotal: 1, soThanhVien: 3 });
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain('soThanhVien');
    expect(errors[0].message).toMatch(/không có trong danh mục/);
  });

  it('gives one Vietnamese error per bad field, naming the field label', () => {
    const errors = errorsOf({
      workerTotal: -1,
      memberWomen: 2.5,
      charterCapital: -5,
      revenueTotal: 1.5,
      fundOtherPct: 100.5,
      fundReservePct: 1.234,
      valueChain: 'có',
      generalMeetingDate: '2024-02-30',
      totalAssets: '12a',
    });
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(Object.keys(byPath).sort()).toEqual([
      'charterCapital',
      'fundOtherPct',
      'fundReservePct',
      'generalMeetingDate',
      'memberWomen',
      'revenueTotal',
      'totalAssets',
      'valueChain',
      'workerTotal',
    ]);
    expect(byPath.workerTotal).toBe('"Tổng số lao động" phải là số nguyên không âm.');
    expect(byPath.charterCapital).toMatch(/^"Vốn điều lệ \(đồng\)" phải là số nguyên không âm/);
    expect(byPath.fundOtherPct).toMatch(/từ 0 đến 100/);
    expect(byPath.fundReservePct).toMatch(/2 chữ số thập phân/);
    expect(byPath.generalMeetingDate).toMatch(/YYYY-MM-DD/);
  });

  it('allows a negative amount only for profit before tax', () => {
    expect(errorsOf({ profitBeforeTax: '-1000' })).toEqual([]);
    const moneyKeys = REPORT_FIELDS.filter((f) => f.type === 'money' && f.key !== 'profitBeforeTax').map(
      (f) => f.key,
    );
    for (const key of moneyKeys) expect(errorsOf({ [key]: -1 }).map((e) => e.path)).toEqual([key]);
  });

  it('refuses amounts beyond 15 digits', () => {
    expect(errorsOf({ totalAssets: 1e16 }).map((e) => e.path)).toEqual(['totalAssets']);
    expect(errorsOf({ totalAssets: '1234567890123456' }).map((e) => e.path)).toEqual(['totalAssets']);
  });
});

describe('figuresToColumns / rowToFigures', () => {
  it('maps only the keys given, money and percent as decimal strings', () => {
    expect(
      figuresToColumns({ charterCapital: 5, fundReservePct: 2.5, workerTotal: null, valueChain: false }),
    ).toEqual({
      charter_capital: '5',
      fund_reserve_pct: '2.5',
      worker_total: null,
      value_chain: false,
    });
  });

  test.prop([
    fc.record({
      workerTotal: fc.option(fc.nat({ max: 1_000_000 })),
      charterCapital: fc.option(fc.nat({ max: 1e12 })),
      profitBeforeTax: fc.option(fc.integer({ min: -1e12, max: 1e12 })),
      fundDevelopmentPct: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100)),
      highTech: fc.option(fc.boolean()),
    }),
  ])('round-trips through the columns and back', (figures) => {
    const parsed = ZReportFigures.parse(figures);
    const back = rowToFigures(figuresToColumns(parsed));
    for (const [k, v] of Object.entries(figures)) expect(back[k]).toEqual(v);
    expect(Object.keys(back)).toHaveLength(REPORT_FIELDS.length);
  });
});
