/** Vietnamese text normalisation used for search keys, duplicate detection and sorting. */

const PREFIXES = ['lien hiep hop tac xa', 'hop tac xa', 'to hop tac', 'lien hiep htx', 'lhhtx', 'htx', 'tht'];

/** The organisation kind each legal-form prefix names. */
const PREFIX_KINDS = new Map<string, 'HTX' | 'THT' | 'LHHTX'>([
  ['lien hiep hop tac xa', 'LHHTX'],
  ['lien hiep htx', 'LHHTX'],
  ['lhhtx', 'LHHTX'],
  ['hop tac xa', 'HTX'],
  ['htx', 'HTX'],
  ['to hop tac', 'THT'],
  ['tht', 'THT'],
]);

/**
 * The kind a text names when it is a legal form and nothing else ("Tổ hợp tác", "htx", "Liên hiệp hợp tác xã"),
 * else undefined. Names are keyed without their legal form, so such a box holds no name words to search for.
 */
export function legalFormKind(input: string): 'HTX' | 'THT' | 'LHHTX' | undefined {
  return PREFIX_KINDS.get(foldVietnamese(input));
}

/** Lower case, strips diacritics (đ→d), collapses whitespace and punctuation. */
export function foldVietnamese(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Search key for an organisation name: folded, with a leading legal-form prefix ("Hợp tác xã", "HTX"…) removed. */
export function organisationNameKey(input: string): string {
  const key = foldVietnamese(input);
  for (const p of PREFIXES) {
    if (key === p) return key;
    if (key.startsWith(`${p} `)) return key.slice(p.length + 1);
  }
  return key;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Compares two strings in Vietnamese dictionary order (PGlite has no Vietnamese collation). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

// ---- Vietnamese sort key -------------------------------------------------------------------------------
// PGlite has no ICU collation, so names are sorted in the database by a stored key compared byte-wise
// (COLLATE "C"). The key follows CLDR's Vietnamese collation as Intl.Collator('vi', { numeric: true }) applies
// it: primary = the letter of the alphabet (a ă â b c d đ e ê … with f j w z where Latin has them), digits
// by numeric value, spaces and punctuation before them; secondary = tone marks in dictionary order
// (ngang, huyền, hỏi, ngã, sắc, nặng); tertiary = lower case before upper case.

/** Whitespace and punctuation in collation order (space < _ < - < , … < $), all before digits. */
const SORT_SYMBOLS = '\t\n\r _-–—,;:!?.·\'"«»()[]{}§@*/\\&#%•`^°+<=>|~$';
/** The Vietnamese alphabet plus the Latin letters it lacks, in collation order. */
const SORT_LETTERS = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
/** Weight characters start above the level separator ' ' so that a shorter prefix sorts first. */
const weight = (i: number) => String.fromCharCode(0x21 + i);
const PRIMARY = new Map<string, string>([
  ...[...SORT_SYMBOLS].map((ch, i) => [ch, weight(i)] as [string, string]),
  ...[...SORT_LETTERS].map((ch, i) => [ch, weight(SORT_SYMBOLS.length + 1 + i)] as [string, string]),
]);
const NUMBER = weight(SORT_SYMBOLS.length);
/** Anything else sorts after z, by code point (rare in names: foreign scripts, emoji). */
const OTHER = '~';
/** Letter-forming marks: breve, circumflex, horn (ă â ê ô ơ ư are letters of their own, not accents). */
const LETTER_MARKS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
/** Tone marks in dictionary order: huyền, hỏi, ngã, sắc, nặng (ngang = no mark). */
const TONES = '\u0300\u0309\u0303\u0301\u0323';
const COMMON = '!';
const UPPER = '"';
const TYPOGRAPHIC: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...' };
const hex = (cp: number, width: number) => cp.toString(16).padStart(width, '0');
const MARK = /\p{M}/u;
/** A combining mark: Vietnamese's are all in U+0300–U+036F, none is below it (the regular expression for the rest). */
function isMark(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x300) return false;
  return c <= 0x36f || MARK.test(ch);
}

/**
 * A key whose byte-wise order (COLLATE "C") is Vietnamese dictionary order, for storing beside a name
 * (organisation.name_sort) so that the database sorts and pages by it. Equal keys mean equal under the collator.
 */
export function vietnameseSortKey(input: string): string {
  const s = input.replace(/[‘’“”…]/g, (c) => TYPOGRAPHIC[c]).normalize('NFD');
  let primary = '';
  let secondary = '';
  let tertiary = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i];
    if (ch >= '0' && ch <= '9') {
      let run = '';
      while (i < chars.length && chars[i] >= '0' && chars[i] <= '9') run += chars[i++];
      // Numbers compare by value (leading zeros ignored, as the numeric collator does): length, then digits.
      const digits = run.replace(/^0+/, '') || '0';
      primary += NUMBER + String(Math.min(digits.length, 99)).padStart(2, '0') + digits;
      secondary += COMMON;
      tertiary += COMMON;
      continue;
    }
    i++;
    const lower = ch.toLowerCase();
    let letter = lower;
    // The marks that follow, in order: a letter-forming one makes a letter of its own, the others are accents.
    let accents = '';
    while (i < chars.length && isMark(chars[i])) {
      const m = chars[i++];
      const formed = LETTER_MARKS[m]?.[letter];
      if (formed) {
        letter = formed;
        continue;
      }
      const tone = TONES.indexOf(m);
      accents += tone >= 0 ? weight(1 + tone) : weight(TONES.length + 1) + hex(m.codePointAt(0) ?? 0, 4);
    }
    primary += PRIMARY.get(letter) ?? OTHER + hex(letter.codePointAt(0) ?? 0, 6);
    secondary += COMMON + accents;
    tertiary += lower !== ch ? UPPER : COMMON;
  }
  return `${primary} ${secondary} ${tertiary}`;
}

/**
 * True when `pattern` occurs somewhere in `text` with at most `maxEdits` edits (insert, delete, substitute a
 * character, or swap two adjacent ones): approximate substring matching (Sellers' algorithm with adjacent
 * transpositions). Search uses it on folded keys to accept "dong tein" for "… dong tien" but not "dong tam".
 */
export function fuzzyContains(text: string, pattern: string, maxEdits = 1): boolean {
  const m = pattern.length;
  if (m === 0) return true;
  // rows[i][j]: fewest edits turning pattern[0..i) into a substring of text ending at j (free start: row 0 is 0).
  let prev2: number[] = [];
  let prev = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(text.length + 1);
    cur[0] = i;
    for (let j = 1; j <= text.length; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && pattern[i - 1] === text[j - 2] && pattern[i - 2] === text[j - 1])
        d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    prev2 = prev;
    prev = cur;
  }
  return Math.min(...prev) <= maxEdits;
}
