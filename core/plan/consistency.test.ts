import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TargetFigure } from './comparators.js';
import { checkConsistency } from './consistency.js';

describe('checkConsistency', () => {
  it('HP-02..04: 310 + 150 HTX "of which" fit "trên 400 HTX"', () => {
    const r = checkConsistency(
      { comparator: 'more_than', value: 400 },
      [{ figure: { comparator: 'plain', value: 310 } }, { figure: { comparator: 'plain', value: 150 } }],
      false,
    );
    expect(r.consistent).toBe(true);
    expect(r.partsSum.lo).toBe(460);
  });

  it('flags an invented inconsistent case: "khoảng 60 HTX", of which at least 40 and at least 30', () => {
    const r = checkConsistency(
      { comparator: 'about', value: 60 },
      [{ figure: { comparator: 'at_least', value: 40 } }, { figure: { comparator: 'at_least', value: 30 } }],
      false,
    );
    expect(r.consistent).toBe(false);
    expect(r.reason).toContain('vượt mức tối đa');
  });

  it('LS-05 / LS-06: 11 districts each "ít nhất từ 05 đến 07" THT fit the province\'s 55–70; 4–5 HTX fit 45–50', () => {
    expect(
      checkConsistency(
        { comparator: 'range', value: 55, valueMax: 70 },
        [{ figure: { comparator: 'range', value: 5, valueMax: 7 }, count: 11 }],
        true,
      ).consistent,
    ).toBe(true);
    expect(
      checkConsistency(
        { comparator: 'range', value: 45, valueMax: 50 },
        [{ figure: { comparator: 'range', value: 4, valueMax: 5 }, count: 11 }],
        true,
      ).consistent,
    ).toBe(true);
    // Three districts at 5–7 cannot make a partition of 55–70.
    const short = checkConsistency(
      { comparator: 'range', value: 55, valueMax: 70 },
      [{ figure: { comparator: 'range', value: 5, valueMax: 7 }, count: 3 }],
      true,
    );
    expect(short.consistent).toBe(false);
    expect(short.reason).toContain('không đạt mức tối thiểu');
  });

  it('"trên" is strict: parts adding up to exactly 400 at least still fit under "trên 400" (no upper bound), but a partition of exactly 400 cannot reach it', () => {
    const whole: TargetFigure = { comparator: 'more_than', value: 400 };
    const parts = [
      { figure: { comparator: 'range' as const, value: 100, valueMax: 200 } },
      { figure: { comparator: 'range' as const, value: 100, valueMax: 200 } },
    ];
    expect(checkConsistency(whole, parts, true).consistent).toBe(false);
  });

  it('adding a part never makes inconsistent parts consistent (subset rule)', () => {
    const fig = fc
      .record({
        comparator: fc.constantFrom('about', 'at_least', 'plain', 'range', 'more_than'),
        value: fc.integer({ min: 0, max: 500 }),
      })
      .map((f) => ({ ...f, valueMax: f.value + 50 }) as TargetFigure);
    fc.assert(
      fc.property(fig, fc.array(fig, { maxLength: 4 }), fig, (whole, parts, extra) => {
        const a = checkConsistency(
          whole,
          parts.map((figure) => ({ figure })),
          false,
        );
        const b = checkConsistency(
          whole,
          [...parts, extra].map((figure) => ({ figure })),
          false,
        );
        if (!a.consistent) expect(b.consistent).toBe(false);
      }),
    );
  });
});
