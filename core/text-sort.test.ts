import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { vietnameseSortKey } from './text.js';

/**
 * vietnameseSortKey is checked against ICU's Vietnamese collation (Intl.Collator('vi')), after first checking
 * that this Node's ICU really applies Vietnamese rules (a full-icu build does; a small-icu build would fall
 * back to root order, where ă sorts with a and đ after z, and then these tests would say so).
 */
const collator = new Intl.Collator('vi', { numeric: true });
const byKey = (a: string, b: string) => {
  const x = vietnameseSortKey(a);
  const y = vietnameseSortKey(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Every form of every letter written out (tones in the order ngang, huyền, hỏi, ngã, sắc, nặng). */
const FORMS = [
  'aàảãáạ',
  'ăằẳẵắặ',
  'âầẩẫấậ',
  'b',
  'c',
  'd',
  'đ',
  'eèẻẽéẹ',
  'êềểễếệ',
  'f',
  'g',
  'h',
  'iìỉĩíị',
  'j',
  'k',
  'l',
  'm',
  'n',
  'oòỏõóọ',
  'ôồổỗốộ',
  'ơờởỡớợ',
  'p',
  'q',
  'r',
  's',
  't',
  'uùủũúụ',
  'ưừửữứự',
  'v',
  'w',
  'x',
  'yỳỷỹýỵ',
  'z',
];

describe('Intl.Collator("vi") in this Node', () => {
  it('orders the Vietnamese alphabet, then tones as a secondary key, then lower case first', () => {
    const alphabet = FORMS.map((f) => f[0]);
    expect([...alphabet].reverse().sort(collator.compare)).toEqual(alphabet);
    expect([...'ạáãảàa'].sort(collator.compare)).toEqual([...'aàảãáạ']);
    expect(['Ba', 'bà', 'ba', 'bá'].sort(collator.compare)).toEqual(['ba', 'Ba', 'bà', 'bá']);
    expect(['Đà Nẵng', 'Duy Tiên', 'Dương'].sort(collator.compare)).toEqual(['Duy Tiên', 'Dương', 'Đà Nẵng']);
  });
});

const letter = fc
  .constantFrom(...FORMS)
  .chain((forms) => fc.constantFrom(...forms))
  .chain((ch) => fc.constantFrom(ch, ch.toUpperCase()));
const digit = fc.constantFrom(...'0123456789');
const symbol = fc.constantFrom(' ', ' ', ' ', '-', ',', '.', '(', ')', '/', '&', "'");
const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((cs) => cs.join(''));
const number = fc.array(digit, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
/** Names like "Hợp tác xã Nông nghiệp Số 3 (Đồng Tiến)": words, numbers and a little punctuation. */
const name = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 1, arbitrary: number },
      { weight: 2, arbitrary: symbol },
    ),
    {
      minLength: 1,
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(''));
/** Realistic names sharing a prefix, so that later letters, tones and case decide the order. */
const SYLLABLES = [
  'Hợp',
  'tác',
  'xã',
  'Đồng',
  'Đông',
  'Dong',
  'Tiến',
  'Tiên',
  'tiền',
  'An',
  'Ăn',
  'Ấn',
  'Hòa',
  'Hoà',
  'Hoa',
  'Số',
  '2',
  '10',
  'Ơn',
];
const similarName = fc
  .array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 5 })
  .map((w) => w.join(' '));

describe('vietnameseSortKey', () => {
  it('sorts examples as a Vietnamese dictionary does', () => {
    const names = [
      'Hợp tác xã Ân Thi',
      'HTX Số 10',
      'HTX Số 2',
      'Hợp tác xã An Giang',
      'Hợp tác xã Ăn',
      'đá',
      'Da',
      'Đa',
    ];
    expect([...names].sort(byKey)).toEqual(
      [
        'Da',
        'đá',
        'Đa',
        'Hợp tác xã An Giang',
        'Hợp tác xã Ăn',
        'Hợp tác xã Ân Thi',
        'HTX Số 2',
        'HTX Số 10',
      ].sort(collator.compare),
    );
    expect([...names].sort(byKey).indexOf('HTX Số 2')).toBeLessThan(
      [...names].sort(byKey).indexOf('HTX Số 10'),
    );
  });

  it('gives the same key to composed and decomposed spellings and to leading zeros', () => {
    expect(vietnameseSortKey('Đồng Tiến'.normalize('NFD'))).toBe(vietnameseSortKey('Đồng Tiến'));
    expect(vietnameseSortKey('Đội 07')).toBe(vietnameseSortKey('Đội 7'));
    expect(vietnameseSortKey('Hòa')).not.toBe(vietnameseSortKey('Hoà'));
  });

  it('is plain ASCII without NUL, so that PostgreSQL text with COLLATE "C" compares it byte by byte', () => {
    expect(vietnameseSortKey('Hợp tác xã Nông nghiệp Đồng Tiến – 東 😀')).toMatch(/^[\x20-\x7e]*$/);
  });

  test.prop([fc.array(name, { minLength: 2, maxLength: 30 })], { numRuns: 300 })(
    'sorting by the key equals sorting with Intl.Collator("vi", { numeric: true })',
    (names) => {
      expect([...names].sort(byKey)).toEqual([...names].sort(collator.compare));
    },
  );

  test.prop([name, name], { numRuns: 2000 })(
    'agrees with the collator on any two names, ties included',
    (a, b) => {
      expect(Math.sign(byKey(a, b))).toBe(Math.sign(collator.compare(a, b)));
    },
  );

  test.prop([similarName, similarName], { numRuns: 1000 })(
    'agrees on names that differ only late, by tone or case',
    (a, b) => {
      expect(Math.sign(byKey(a, b))).toBe(Math.sign(collator.compare(a, b)));
    },
  );
});
