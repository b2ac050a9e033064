import { describe, expect, it } from 'vitest';
import { TT01_2020, TT09_2017 } from './rubrics/index.js';
import type { RubricDefinition, RubricItem } from './types.js';
import { validateRubric } from './validate-rubric.js';

const clone = (d: RubricDefinition): RubricDefinition => structuredClone(d);
const edit = (d: RubricDefinition, code: string, patch: Partial<RubricItem>) => {
  const c = clone(d);
  Object.assign(c.items.find((i) => i.code === code)!, patch);
  return c;
};
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateRubric on the shipped rubrics', () => {
  it('accepts TT 01/2020 as valid but incomplete: criteria 10–15 need the appendix and are bounded by group III = 40', () => {
    const v = validateRubric(TT01_2020);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.complete).toBe(false);
    expect(v.warnings.map((w) => w.itemCode)).toEqual(['10', '11', '12', '13', '14', '15']);
    expect(v.warnings[0].message).toContain('cần bổ sung theo Phụ lục');
    expect(v.warnings[0].message).toContain('40');
  });

  it('ships TT 01/2020 with the maxima of regulations.md §1.3: groups 30/30/40, 15 criteria', () => {
    const max = (c: string) => TT01_2020.items.find((i) => i.code === c)?.maxPoints;
    expect(['I', 'II', 'III'].map(max)).toEqual([30, 30, 40]);
    expect(['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(max)).toEqual([7, 6, 11, 6, 8, 6, 6, 6, 4]);
    expect(['1a', '1b', '2a', '2b', '3a', '3b', '3c', '4a', '4b', '4c', '7a', '7b', '7c'].map(max)).toEqual([
      6, 1, 5, 1, 4, 3, 4, 2, 2, 2, 2, 2, 2,
    ]);
    expect(TT01_2020.items.filter((i) => i.level === 'criterion').map((i) => i.code)).toEqual(
      Array.from({ length: 15 }, (_, k) => String(k + 1)),
    );
    expect(TT01_2020.items.every((i) => i.scoring === null)).toBe(true);
    expect(TT01_2020.legal.expiresOn).toBe('2025-09-18');
  });

  it('accepts TT 09/2017: 6 criteria without known maxima, criterion 1 levels as found, the sanction override', () => {
    const v = validateRubric(TT09_2017);
    expect(v.valid).toBe(true);
    expect(v.complete).toBe(false);
    expect(TT09_2017.items.filter((i) => i.parentCode === null)).toHaveLength(6);
    expect(
      TT09_2017.items
        .filter((i) => i.parentCode === null)
        .every((i) => i.maxPoints === null && i.needsAppendix),
    ).toBe(true);
    expect(TT09_2017.overrides).toEqual([expect.objectContaining({ kind: 'sanctioned', band: 'yeu' })]);
    expect(TT09_2017.items.find((i) => i.code === '6')?.scoring).toEqual({ kind: 'survey_average' });
  });
});

describe('validateRubric errors', () => {
  it('rejects sub-criteria that do not sum to their criterion', () => {
    const v = validateRubric(edit(TT01_2020, '1a', { maxPoints: 5 }));
    expect(v.valid).toBe(false);
    expect(v.errors).toEqual([expect.objectContaining({ code: 'rubric.children_sum', itemCode: '1' })]);
    expect(v.errors[0].message).toContain('phải bằng 7');
  });

  it('rejects groups that do not sum to the total of 100', () => {
    const c = edit(edit(TT01_2020, 'II', { maxPoints: 31 }), '9', { maxPoints: 5 });
    const v = validateRubric(c);
    expect(codes(v.errors)).toEqual(['rubric.children_sum']);
    expect(v.errors[0].path).toBe('maxTotal');
  });

  it('checks an appendix item against the group maximum only: 41 points under group III (40) is refused, 40 passes', () => {
    expect(codes(validateRubric(edit(TT01_2020, '10', { maxPoints: 41 })).errors)).toContain(
      'rubric.children_exceed',
    );
    expect(validateRubric(edit(TT01_2020, '10', { maxPoints: 40 })).valid).toBe(true);
    const two = edit(edit(TT01_2020, '10', { maxPoints: 25 }), '11', { maxPoints: 16 });
    expect(validateRubric(two).errors).toEqual([
      expect.objectContaining({ code: 'rubric.children_exceed', itemCode: 'III' }),
    ]);
  });

  it('requires a maximum unless the item is flagged as needing the appendix', () => {
    const v = validateRubric(edit(TT01_2020, '10', { needsAppendix: false }));
    expect(v.errors).toEqual([expect.objectContaining({ code: 'rubric.max_missing', itemCode: '10' })]);
  });

  it('rejects thresholds out of order and points above the item maximum', () => {
    const c = clone(TT09_2017);
    const rule = c.items.find((i) => i.code === '1b')!.scoring!;
    if (rule.kind !== 'levels') throw new Error('levels expected');
    rule.levels[2].min = 500;
    rule.levels[3].points = 11;
    const v = validateRubric(c);
    expect(codes(v.errors).sort()).toEqual(['rubric.scoring_order', 'rubric.scoring_points']);
  });

  it('rejects a rule over a figure the yearly report does not know, and a rule on a non-leaf', () => {
    const c = edit(TT01_2020, '1', {
      scoring: { kind: 'levels', figure: 'soCayXanh', levels: [{ min: null, points: 1 }] },
    });
    expect(codes(validateRubric(c).errors).sort()).toEqual([
      'rubric.scoring_figure',
      'rubric.scoring_not_leaf',
    ]);
  });

  it('rejects band thresholds that are not strictly decreasing or do not start Yếu at 0', () => {
    const c = clone(TT01_2020);
    c.bands[1].min = 85;
    expect(codes(validateRubric(c).errors)).toContain('rubric.band_order');
    const d = clone(TT01_2020);
    d.bands[3].min = 10;
    expect(codes(validateRubric(d).errors)).toEqual(['rubric.band_floor']);
  });

  it('rejects duplicate codes, unknown parents and a sub-criterion directly under a group', () => {
    const c = clone(TT01_2020);
    c.items.push({ ...c.items[2] });
    c.items.push({ ...c.items[2], code: '1z', parentCode: 'X' });
    c.items.push({ ...c.items[2], code: '1y', parentCode: 'I', maxPoints: 1 });
    const found = codes(validateRubric(c).errors);
    expect(found).toEqual(
      expect.arrayContaining(['rubric.item_duplicate', 'rubric.item_parent', 'rubric.item_level']),
    );
  });
});
