import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, legalFormKind, organisationNameKey } from './text.js';

/**
 * The 29 letters of the Vietnamese alphabet in dictionary order, each with every form it takes: the five tone
 * marks on vowels (huyền, hỏi, ngã, sắc, nặng) and capitals. Written out, not derived with NFD, so that the
 * tests do not share the implementation's method. `plain` is the letter with all diacritics removed.
 */
const LETTERS: { forms: string; plain: string }[] = [
  { forms: 'aàảãáạ', plain: 'a' },
  { forms: 'ăằẳẵắặ', plain: 'a' },
  { forms: 'âầẩẫấậ', plain: 'a' },
  { forms: 'b', plain: 'b' },
  { forms: 'c', plain: 'c' },
  { forms: 'd', plain: 'd' },
  { forms: 'đ', plain: 'd' },
  { forms: 'eèẻẽéẹ', plain: 'e' },
  { forms: 'êềểễếệ', plain: 'e' },
  { forms: 'g', plain: 'g' },
  { forms: 'h', plain: 'h' },
  { forms: 'iìỉĩíị', plain: 'i' },
  { forms: 'k', plain: 'k' },
  { forms: 'l', plain: 'l' },
  { forms: 'm', plain: 'm' },
  { forms: 'n', plain: 'n' },
  { forms: 'oòỏõóọ', plain: 'o' },
  { forms: 'ôồổỗốộ', plain: 'o' },
  { forms: 'ơờởỡớợ', plain: 'o' },
  { forms: 'p', plain: 'p' },
  { forms: 'q', plain: 'q' },
  { forms: 'r', plain: 'r' },
  { forms: 's', plain: 's' },
  { forms: 't', plain: 't' },
  { forms: 'uùủũúụ', plain: 'u' },
  { forms: 'ưừửữứự', plain: 'u' },
  { forms: 'v', plain: 'v' },
  { forms: 'x', plain: 'x' },
  { forms: 'yỳỷỹýỵ', plain: 'y' },
];
const UPPER: Record<string, string> = {
  aàảãáạ: 'AÀẢÃÁẠ',
  ăằẳẵắặ: 'ĂẰẲẴẮẶ',
  âầẩẫấậ: 'ÂẦẨẪẤẬ',
  đ: 'Đ',
  eèẻẽéẹ: 'EÈẺẼÉẸ',
  êềểễếệ: 'ÊỀỂỄẾỆ',
  iìỉĩíị: 'IÌỈĨÍỊ',
  oòỏõóọ: 'OÒỎÕÓỌ',
  ôồổỗốộ: 'ÔỒỔỖỐỘ',
  ơờởỡớợ: 'ƠỜỞỠỚỢ',
  uùủũúụ: 'UÙỦŨÚỤ',
  ưừửữứự: 'ƯỪỬỮỨỰ',
  yỳỷỹýỵ: 'YỲỶỸÝỴ',
};

/** One character of Vietnamese text: the letter's rank in the alphabet (or -1) and its diacritic-free spelling. */
interface Char {
  ch: string;
  rank: number;
  plain: string;
}
const letterChar: fc.Arbitrary<Char> = fc.integer({ min: 0, max: LETTERS.length - 1 }).chain((rank) => {
  const { forms, plain } = LETTERS[rank];
  const upper = UPPER[forms] ?? forms.toUpperCase();
  return fc
    .integer({ min: 0, max: forms.length - 1 })
    .chain((i) =>
      fc.constantFrom({ ch: forms[i], rank, plain }, { ch: upper[i], rank, plain: plain.toUpperCase() }),
    );
});
const otherChar: fc.Arbitrary<Char> = fc
  .constantFrom(...' 0123456789-,.()/'.split(''))
  .map((ch) => ({ ch, rank: -1, plain: ch }));
const vietnameseText = fc.array(
  fc.oneof({ weight: 4, arbitrary: letterChar }, { weight: 1, arbitrary: otherChar }),
  { maxLength: 40 },
);
const text = (cs: Char[]) => cs.map((c) => c.ch).join('');

describe('foldVietnamese', () => {
  it('lower-cases, removes every diacritic and turns đ into d', () => {
    expect(foldVietnamese('Thành phố Hà Nội')).toBe('thanh pho ha noi');
    expect(foldVietnamese('ĐỒNG ĐĂNG')).toBe('dong dang');
    expect(foldVietnamese('  Bà Rịa – Vũng Tàu ')).toBe('ba ria vung tau');
    expect(foldVietnamese('Hợp tác xã Số 1')).toBe('hop tac xa so 1');
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 60 })])('is idempotent on any text', (s) => {
    expect(foldVietnamese(foldVietnamese(s))).toBe(foldVietnamese(s));
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 60 })])(
    'yields only a-z, 0-9 and single inner spaces',
    (s) => {
      expect(foldVietnamese(s)).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
    },
  );

  test.prop([vietnameseText])('ignores case, including on accented capitals and Đ', (cs) => {
    const s = text(cs);
    expect(foldVietnamese(s.toUpperCase())).toBe(foldVietnamese(s));
    expect(foldVietnamese(s.toLowerCase())).toBe(foldVietnamese(s));
  });

  test.prop([vietnameseText])(
    'equals the diacritic-free text, lower-cased with punctuation as spaces',
    (cs) => {
      const plain = cs.map((c) => c.plain).join('');
      expect(foldVietnamese(text(cs))).toBe(
        plain
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, ' ')
          .trim(),
      );
      expect(foldVietnamese(text(cs))).toBe(foldVietnamese(plain));
    },
  );

  test.prop([vietnameseText])('treats decomposed (NFD) input like composed input', (cs) => {
    const s = text(cs);
    expect(foldVietnamese(s.normalize('NFD'))).toBe(foldVietnamese(s));
  });
});

describe('legalFormKind', () => {
  it('names the kind of a box holding a legal form only, with or without diacritics', () => {
    expect(legalFormKind('Tổ hợp tác')).toBe('THT');
    expect(legalFormKind(' tht ')).toBe('THT');
    expect(legalFormKind('HỢP TÁC XÃ')).toBe('HTX');
    expect(legalFormKind('htx')).toBe('HTX');
    expect(legalFormKind('Liên hiệp hợp tác xã')).toBe('LHHTX');
    expect(legalFormKind('lhhtx')).toBe('LHHTX');
    expect(legalFormKind('Tổ hợp tác Tiến Thành')).toBeUndefined();
    expect(legalFormKind('hợp tác')).toBeUndefined();
    expect(legalFormKind('constructor')).toBeUndefined();
  });
});

describe('organisationNameKey', () => {
  it('gives the same key with or without the legal-form prefix and diacritics', () => {
    const keys = [
      'Hợp tác xã Nông nghiệp Đồng Tiến',
      'HTX Nông nghiệp Đồng Tiến',
      'htx nong nghiep dong tien',
      'HỢP TÁC XÃ NÔNG NGHIỆP ĐỒNG TIẾN',
    ].map(organisationNameKey);
    expect(new Set(keys)).toEqual(new Set(['nong nghiep dong tien']));
  });

  it('strips the prefixes of cooperative groups and unions too', () => {
    expect(organisationNameKey('Tổ hợp tác Chăn nuôi Bản Chu')).toBe('chan nuoi ban chu');
    expect(organisationNameKey('THT Chăn nuôi Bản Chu')).toBe('chan nuoi ban chu');
    expect(organisationNameKey('Liên hiệp hợp tác xã Thương mại Lạng Sơn')).toBe('thuong mai lang son');
    expect(organisationNameKey('LHHTX Thương mại Lạng Sơn')).toBe('thuong mai lang son');
  });

  const SYLLABLES = [
    'Nông',
    'nghiệp',
    'Đồng',
    'Tiến',
    'Dịch',
    'vụ',
    'Thương',
    'mại',
    'Chè',
    'Tân',
    'Cương',
    'Rau',
    'sạch',
    'Phú',
    'Bình',
    'Vận',
    'tải',
    'Xanh',
    'Ấp',
    '3',
  ];
  const PREFIXES = [
    'Hợp tác xã',
    'HTX',
    'Htx',
    'hop tac xa',
    'Tổ hợp tác',
    'THT',
    'Liên hiệp hợp tác xã',
    'Liên hiệp HTX',
    'LHHTX',
  ];
  const name = fc
    .array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 6 })
    .map((w) => w.join(' '));

  test.prop([fc.constantFrom(...PREFIXES), name])('is the folded name whatever the prefix', (prefix, n) => {
    expect(organisationNameKey(`${prefix} ${n}`)).toBe(foldVietnamese(n));
    expect(organisationNameKey(n)).toBe(foldVietnamese(n));
  });
});

describe('compareVietnamese', () => {
  const sorted = (xs: string[]) => [...xs].sort(compareVietnamese);

  it('puts each letter of the Vietnamese alphabet in its place: a ă â b c d đ e ê …', () => {
    const alphabet = LETTERS.map((l) => l.forms[0]);
    expect(sorted([...alphabet].reverse())).toEqual(alphabet);
  });

  it('sorts Ân after An, Ă between them, and every Đ word after every D word', () => {
    expect(sorted(['Ân Thi', 'Ăn', 'An Giang'])).toEqual(['An Giang', 'Ăn', 'Ân Thi']);
    expect(sorted(['Đà Nẵng', 'Dương Minh Châu', 'Đắk Lắk', 'Duy Tiên'])).toEqual([
      'Duy Tiên',
      'Dương Minh Châu',
      'Đà Nẵng',
      'Đắk Lắk',
    ]);
    expect(compareVietnamese('Dzũ', 'Đa')).toBeLessThan(0);
    expect(compareVietnamese('Hưng Yên', 'Huế')).toBeGreaterThan(0);
  });

  it('does not let tone marks or case separate letters, and puts shorter words first', () => {
    expect(compareVietnamese('Lạng Sơn', 'LANG SƠN')).toBe(0);
    expect(compareVietnamese('Lạng Sơn', 'LANG SON')).toBeGreaterThan(0);
    expect(sorted(['Lào Cai', 'Lâm Đồng', 'Lạng Sơn', 'Lai Châu'])).toEqual([
      'Lai Châu',
      'Lạng Sơn',
      'Lào Cai',
      'Lâm Đồng',
    ]);
    expect(sorted(['Hải Phòng', 'Hà Tĩnh', 'Hà Nội'])).toEqual(['Hà Nội', 'Hà Tĩnh', 'Hải Phòng']);
  });

  it('orders numbers by value', () => {
    expect(sorted(['Phường 10', 'Phường 2', 'Phường 1'])).toEqual(['Phường 1', 'Phường 2', 'Phường 10']);
  });

  const word = fc.array(letterChar, { minLength: 1, maxLength: 8 });
  /** Dictionary order from the alphabet ranks alone: tones and case ignored, a prefix first. */
  const byRank = (a: Char[], b: Char[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++)
      if (a[i].rank !== b[i].rank) return a[i].rank - b[i].rank;
    return a.length - b.length;
  };

  test.prop([word, word])('agrees with the alphabet order on any two words', (a, b) => {
    expect(Math.sign(compareVietnamese(text(a), text(b)))).toBe(Math.sign(byRank(a, b)));
  });
});
