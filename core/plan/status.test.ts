import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPARATOR_VALUES, meetsTarget, type TargetFigure, thresholdOf } from './comparators.js';
import { elapsedFraction, projectLinear, targetStatus } from './status.js';

const isoDate = fc
  .integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2045, 11, 31) })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
const figure = fc
  .record({ comparator: fc.constantFrom(...COMPARATOR_VALUES), value: fc.integer({ min: 1, max: 10_000 }) })
  .map((f): TargetFigure => ({ ...f, valueMax: f.value * 2 }));
const amount = fc.integer({ min: 0, max: 20_000 });

describe('targetStatus', () => {
  it('answers no_data without an actual value, whatever the dates', () => {
    fc.assert(
      fc.property(figure, isoDate, isoDate, (f, date, end) => {
        expect(targetStatus({ figure: f, actual: null, date, end }).status).toBe('no_data');
      }),
    );
  });

  it('at or after the end: achieved exactly when the figure is met, else not_achieved', () => {
    fc.assert(
      fc.property(figure, amount, isoDate, isoDate, (f, a, x, y) => {
        const [end, date] = x <= y ? [x, y] : [y, x];
        const s = targetStatus({
          figure: f,
          actual: a,
          date,
          end,
          baseline: { date: '2010-01-01', value: 0 },
        }).status;
        expect(s).toBe(meetsTarget(f, a) ? 'achieved' : 'not_achieved');
      }),
    );
  });

  it('before the end: only on_track or at_risk, and on_track whenever the figure is already met', () => {
    fc.assert(
      fc.property(figure, amount, amount, isoDate, isoDate, isoDate, (f, a, b, d1, d2, d3) => {
        const [bd, date, end] = [d1, d2, d3].sort();
        if (date >= end) return;
        const s = targetStatus({ figure: f, actual: a, date, end, baseline: { date: bd, value: b } }).status;
        expect(['on_track', 'at_risk']).toContain(s);
        if (meetsTarget(f, a)) expect(s).toBe('on_track');
      }),
    );
  });

  it('is on_track exactly when the linear projection from the baseline reaches the threshold (upward targets)', () => {
    fc.assert(
      fc.property(figure, amount, amount, isoDate, isoDate, isoDate, (f, a, b, d1, d2, d3) => {
        if (f.comparator === 'none') return;
        const [bd, date, end] = [d1, d2, d3].sort();
        if (!(bd < date && date < end) || meetsTarget(f, a)) return;
        const r = targetStatus({ figure: f, actual: a, date, end, baseline: { date: bd, value: b } });
        const p = projectLinear({ date: bd, value: b }, a, date, end)!;
        const level = thresholdOf(f).level;
        // Away from the boundary (rounding), the two formulations agree.
        if (Math.abs(p - level) < 1e-6 * Math.max(1, Math.abs(level))) return;
        expect(r.status).toBe(p >= level ? 'on_track' : 'at_risk');
      }),
    );
  });

  it('never turns at_risk when the actual grows (monotone in the actual value)', () => {
    fc.assert(
      fc.property(figure, amount, amount, amount, isoDate, isoDate, isoDate, (f, a1, a2, b, d1, d2, d3) => {
        if (f.comparator === 'none') return;
        const [bd, date, end] = [d1, d2, d3].sort();
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const st = (a: number) =>
          targetStatus({ figure: f, actual: a, date, end, baseline: { date: bd, value: b } }).status;
        if (st(lo) === 'on_track') expect(st(hi)).toBe('on_track');
        if (st(lo) === 'achieved') expect(st(hi)).toBe('achieved');
      }),
    );
  });

  it('a worked case: HP-02 "trên 400 HTX" by 2025, 350 at the end of 2020 and 380 in mid-2023', () => {
    const f: TargetFigure = { comparator: 'more_than', value: 400 };
    const base = { date: '2020-12-31', value: 350 };
    const mid = targetStatus({
      figure: f,
      actual: 380,
      date: '2023-07-01',
      end: '2025-12-31',
      baseline: base,
    });
    expect(mid.status).toBe('on_track'); // the path requires 350 + 50·0.5 = 375
    expect(mid.required).toBeCloseTo(375, 0);
    expect(
      targetStatus({ figure: f, actual: 360, date: '2023-07-01', end: '2025-12-31', baseline: base }).status,
    ).toBe('at_risk');
    expect(
      targetStatus({ figure: f, actual: 401, date: '2025-12-31', end: '2025-12-31', baseline: base }).status,
    ).toBe('achieved');
    expect(
      targetStatus({ figure: f, actual: 400, date: '2026-01-10', end: '2025-12-31', baseline: base }).status,
    ).toBe('not_achieved');
  });

  it('"không có HTX yếu kém": on_track while the count falls along the path to zero', () => {
    const f: TargetFigure = { comparator: 'none', value: 0 };
    const base = { date: '2021-01-01', value: 10 };
    expect(
      targetStatus({ figure: f, actual: 4, date: '2023-07-02', end: '2025-12-31', baseline: base }).status,
    ).toBe('on_track');
    expect(
      targetStatus({ figure: f, actual: 8, date: '2023-07-02', end: '2025-12-31', baseline: base }).status,
    ).toBe('at_risk');
  });
});

describe('elapsedFraction', () => {
  it('stays within [0, 1]', () => {
    fc.assert(
      fc.property(isoDate, isoDate, isoDate, (a, b, c) => {
        const f = elapsedFraction(a, b, c);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }),
    );
  });
});
