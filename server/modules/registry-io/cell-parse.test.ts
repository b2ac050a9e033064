import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { GOVERNANCE_MODES, ORGANISATION_KINDS } from '../../../core/registry/enums.js';
import {
  cleanText,
  decimalString,
  isoFromSerial,
  parseBoolText,
  parseDateText,
  parseDecimalText,
  unneutralise,
} from './cell-parse.js';
import { codedMatcher, matchCoded } from './coded-match.js';
import { headerIndex, headerKey } from './columns.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { neutralise } from './excel-safe.js';

const num = (s: string) => {
  const d = parseDecimalText(s);
  return d ? decimalString(d) : null;
};

describe('parseDecimalText', () => {
  it.each([
    ['1.234.567', '1234567'],
    ['1.234,5', '1234.5'],
    ['1234567', '1234567'],
    ['1 234 567', '1234567'],
    ['1\u00a0234\u00a0567', '1234567'],
    ['1,234,567', '1234567'],
    ['1,234.5', '1234.5'],
    ['12,5', '12.5'],
    ['12,50%', '12.5'],
    ['1.000.000 đ', '1000000'],
    ['-5.000', '-5000'],
    ['(5.000)', '-5000'],
    ['0,0', '0'],
    ['1.5', '1.5'],
    [' 007 ', '7'],
  ])('reads "%s" as %s', (input, want) => {
    expect(num(input)).toBe(want);
  });

  it.each(['abc', '1.23.4', '1,2,3', '1..2', '', '12e3', '1.234.56'])('rejects "%s"', (input) => {
    expect(parseDecimalText(input)).toBeNull();
  });

  test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })])(
    'reads back any integer written the Vietnamese way',
    (n) => {
      expect(num(n.toLocaleString('vi-VN'))).toBe(String(n));
    },
  );
});

describe('parseDateText and isoFromSerial', () => {
  it.each([
    ['15/01/2020', '2020-01-15'],
    ['5/3/19', '2019-03-05'],
    ['5/3/95', '1995-03-05'],
    ['05-03-2019', '2019-03-05'],
    ['5.3.2019', '2019-03-05'],
    ['2019-03-05', '2019-03-05'],
    ['43845', '2020-01-15'],
    ['29/02/2024', '2024-02-29'],
  ])('reads "%s" as %s', (input, want) => {
    expect(parseDateText(input)).toEqual({ ok: true, value: want });
  });

  it.each(['31/02/2020', '29/02/2023', '13/13/2020', 'hôm qua', '1/1/1850'])(
    'rejects "%s" with a Vietnamese message',
    (input) => {
      const r = parseDateText(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain('ngày/tháng/năm');
    },
  );

  it('follows the 1900 system (with its phantom 29/2/1900) and the 1904 system', () => {
    expect(isoFromSerial(1)).toBe('1900-01-01');
    expect(isoFromSerial(59)).toBe('1900-02-28');
    expect(isoFromSerial(61)).toBe('1900-03-01');
    expect(isoFromSerial(45658)).toBe('2025-01-01');
    expect(isoFromSerial(44196, true)).toBe('2025-01-01');
    expect(isoFromSerial(45658.75)).toBe('2025-01-01');
    expect(isoFromSerial(0)).toBeNull();
  });
});

describe('parseBoolText', () => {
  it.each([
    ['Có', true],
    ['có', true],
    ['CO', true],
    ['x', true],
    ['X', true],
    ['1', true],
    ['Không', false],
    ['khong', false],
    ['0', false],
    ['', null],
  ])('reads "%s" as %s', (input, want) => {
    expect(parseBoolText(input)).toEqual({ ok: true, value: want });
  });
  it('rejects anything else', () => {
    expect(parseBoolText('Có thể').ok).toBe(false);
  });
});

describe('cleanText and neutralise', () => {
  it('removes non-breaking and zero-width spaces, control characters and doubled spaces', () => {
    expect(cleanText('\u00a0 Hợp\u00a0 tác\u200b xã\u0000 A\t ')).toBe('Hợp tác xã A');
    expect(cleanText('Hợp tác xã'.normalize('NFD'))).toBe('Hợp tác xã'.normalize('NFC'));
  });

  it('cleans each thing on its own in otherwise clean text', () => {
    const cases: [string, string][] = [
      [' xã', 'xã'],
      ['xã ', 'xã'],
      ['Hợp  tác', 'Hợp tác'],
      ['Hợp\u00a0tác', 'Hợp tác'],
      ['Hợp\ttác', 'Hợp tác'],
      ['Hợp\u200btác', 'Hợptác'],
      ['Hợp\u0000tác', 'Hợp tác'],
      ["'=1+2", '=1+2'],
      ['Ho\u0323\u0302i'.normalize('NFD'), 'Hội'],
    ];
    for (const [dirty, clean] of cases) expect(cleanText(dirty)).toBe(clean);
  });

  /** Every step of cleanText applied, as it was written before its shortcut for text with nothing to clean. */
  const everyStep = (s: string) =>
    unneutralise(s)
      .normalize('NFC')
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced.
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const tricky = [
    ..."aàăằđĐ xã\u00a0\u2000\u2002\u3000\u200b\u200d\u2060\ufeff\u0000\u001f\u007f\t\n\r\u0300\u0323\u0306'=+-@",
  ];
  const words = fc
    .array(fc.constantFrom('xã', 'Hợp', 'a', 'Đ', '12'), { maxLength: 4 })
    .map((a) => a.join(' '));
  const edge = fc.constantFrom('', '', '  ', ...tricky);
  test.prop(
    [
      fc.oneof(
        // Words with one space between them, a character that may need cleaning before, inside or after.
        fc.tuple(edge, words, edge, words, edge).map((a) => a.join('')),
        fc.array(fc.constantFrom(...tricky), { maxLength: 12 }).map((a) => a.join('')),
        fc.string({ unit: 'binary' }),
      ),
    ],
    { numRuns: 1000 },
  )('gives what every step gives, for text with something to clean or nothing', (s) => {
    expect(cleanText(s)).toBe(everyStep(s));
  });

  test.prop([fc.constantFrom('=', '+', '-', '@', '\t', '\r'), fc.string()])(
    'an exported formula-like text reads back unchanged',
    (lead, rest) => {
      const text = lead + rest;
      const out = neutralise(text);
      expect(out.startsWith("'")).toBe(true);
      expect(unneutralise(out)).toBe(text);
    },
  );
  it('leaves ordinary text alone', () => {
    expect(neutralise('Hợp tác xã')).toBe('Hợp tác xã');
    expect(unneutralise("'Hợp tác xã")).toBe("'Hợp tác xã");
  });
});

describe('headers and coded values', () => {
  it('matches headers without diacritics, in any case, with notes and known variants', () => {
    const index = headerIndex(ORGANISATION_COLUMNS);
    const keyOf = (h: string) => index.get(headerKey(h))?.key;
    expect(keyOf('Mã số thuế')).toBe('regCode');
    expect(keyOf('MST')).toBe('regCode');
    expect(keyOf('ma so')).toBe('regCode');
    expect(keyOf('MÃ SỐ HTX (*)')).toBe('regCode');
    expect(keyOf('1. Tên HTX')).toBe('name');
    expect(keyOf('Vốn điều lệ (triệu đồng)')).toBe('charterCapital');
    expect(keyOf('Ghi chú')).toBeUndefined();
  });

  it('reads kinds by code, label or folded label, and labels by an unambiguous prefix', () => {
    const kinds = codedMatcher(ORGANISATION_KINDS);
    for (const s of ['HTX', 'htx', 'Hợp tác xã', 'hop tac xa', 'HỢP TÁC XÃ'])
      expect(matchCoded(kinds, s)).toEqual({ ok: true, value: 'HTX' });
    expect(matchCoded(kinds, 'Công ty').ok).toBe(false);
    expect(matchCoded(codedMatcher(GOVERNANCE_MODES), 'Đầy đủ')).toEqual({ ok: true, value: 'full' });
  });
});
