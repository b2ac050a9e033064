/** Name handling for administrative-unit sources: type prefixes and matching keys. */

/** Longest first, so 'Thành phố X' is not read as a unit named 'phố X'. */
const UNIT_TYPES = [
  'Thành phố',
  'Thị trấn',
  'Thị xã',
  'Đặc khu',
  'Phường',
  'Quận',
  'Huyện',
  'Tỉnh',
  'Xã',
] as const;

export type UnitType = (typeof UNIT_TYPES)[number];

/** Vietnamese tone marks (grave, acute, tilde, hook, dot below) as combining characters after NFD. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

// The same ~25,000 names are split and keyed many times while reconciling; caching keeps the load well under 1 s.
const splitCache = new Map<string, { type: UnitType; name: string }>();
const keyCache = new Map<string, string>();
const spellingCache = new Map<string, string>();

/** Collapses runs of white space; the 2023 list has e.g. 'Huyện  Vũng Liêm'. */
export function cleanSpaces(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Splits 'Thị trấn Đồng Đăng' into type 'Thị trấn' and bare name 'Đồng Đăng' (type matched case-insensitively). */
export function splitTyped(fullName: string): { type: UnitType; name: string } {
  const hit = splitCache.get(fullName);
  if (hit) return hit;
  const result = splitUncached(fullName);
  splitCache.set(fullName, result);
  return result;
}

function splitUncached(fullName: string): { type: UnitType; name: string } {
  const s = cleanSpaces(fullName);
  const lower = s.toLowerCase();
  for (const t of UNIT_TYPES) {
    if (lower.startsWith(`${t.toLowerCase()} `)) return { type: t, name: s.slice(t.length + 1).trim() };
  }
  throw new Error(`Administrative unit name without a known type: "${fullName}"`);
}

/**
 * Key for comparing names written by different sources: lower case, one tone-mark convention, i/y folded,
 * no leading zeros ('Phường 05' = 'Phường 5'), hyphens as spaces, 'NT' spelled out. Only for matching, never for display.
 */
export function matchKey(s: string): string {
  let key = keyCache.get(s);
  if (key === undefined) {
    key = matchKeyUncached(s);
    keyCache.set(s, key);
  }
  return key;
}

function matchKeyUncached(s: string): string {
  return (
    cleanSpaces(s)
      .toLowerCase()
      .replace(/\s*-\s*/g, ' ')
      // The 2023 list abbreviates 'Thị trấn Nông trường X' as 'Thị trấn NT X'.
      .replace(/(^| )nt(?= |$)/g, '$1nông trường')
      .split(' ')
      .map((word) => {
        // Tone moved to the end of the syllable: 'hoà' and 'hòa' both become 'hoa' + grave; y and i are folded.
        const nfd = word.normalize('NFD');
        const tones = (nfd.match(TONE_MARKS) ?? []).join('');
        const base = nfd.replace(TONE_MARKS, '').normalize('NFC').replace(/y/g, 'i');
        return (base + tones).normalize('NFC').replace(/^0+(\d)/, '$1');
      })
      .join(' ')
  );
}

/** Matching key of the bare name (type dropped), e.g. for 'Thị trấn X' later upgraded to 'Phường X'. */
export function bareKey(fullName: string): string {
  return matchKey(splitTyped(fullName).name);
}

/**
 * Bare-name key without any diacritics. Two names equal under it are one unit whose spelling was corrected
 * ('Sập Vạt' → 'Sặp Vạt', 'Mương Chanh' → 'Mường Chanh'), not a merger that took a new name.
 */
export function spellingKey(fullName: string): string {
  let key = spellingCache.get(fullName);
  if (key === undefined) {
    key = bareKey(fullName)
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd');
    spellingCache.set(fullName, key);
  }
  return key;
}

/** Syllables of a bare name; merged communes are usually named from syllables of their parts ('Kim Đức'). */
export function syllables(bareName: string): Set<string> {
  return new Set(
    matchKey(bareName)
      .split(' ')
      .filter((w) => w.length > 0 && !/^\d+$/.test(w)),
  );
}
