import type { Coded } from '../../../core/registry/enums.js';
import { foldVietnamese } from '../../../core/text.js';
import { cleanText, type Parsed } from './cell-parse.js';

/** A coded list as the import reads it: each value with every spelling it accepts. */
export interface CodedMatcher {
  /** Folded spelling → value. */
  exact: Map<string, string>;
  /** Folded labels, for an unambiguous prefix ("Đầy đủ" for "Đầy đủ (ĐHTV, HĐQT, …)"). */
  labels: { folded: string; value: string }[];
  /** The labels to show in an error message. */
  hint: string;
  /** Answers already given, by input: a file repeats a handful of spellings over thousands of rows. */
  seen: Map<string, Parsed<string | null>>;
}

/** Most answers a matcher remembers (beyond, it just matches again). */
const MAX_SEEN = 1000;

/**
 * Builds the matcher of a coded list: the code ("HTX"), the Vietnamese label ("Hợp tác xã"), both without
 * diacritics and in any case ("hop tac xa"), plus extra spellings per value.
 */
export function codedMatcher(list: readonly Coded[], extra: Record<string, string[]> = {}): CodedMatcher {
  const exact = new Map<string, string>();
  const labels: { folded: string; value: string }[] = [];
  for (const c of list) {
    for (const s of [c.value, c.vi, ...(extra[c.value] ?? [])]) exact.set(foldVietnamese(s), c.value);
    labels.push({ folded: foldVietnamese(c.vi), value: c.value });
  }
  return { exact, labels, hint: list.map((c) => `"${c.vi}"`).join(', '), seen: new Map() };
}

/** Reads a coded value from a cell's text; null for an empty cell. */
export function matchCoded(m: CodedMatcher, input: string): Parsed<string | null> {
  let r = m.seen.get(input);
  if (!r) {
    r = matchOnce(m, input);
    if (m.seen.size < MAX_SEEN) m.seen.set(input, r);
  }
  return r;
}

function matchOnce(m: CodedMatcher, input: string): Parsed<string | null> {
  const raw = cleanText(input);
  if (raw === '') return { ok: true, value: null };
  const key = foldVietnamese(raw);
  const hit = m.exact.get(key);
  if (hit) return { ok: true, value: hit };
  const prefixed = new Set(
    m.labels.filter((l) => key.length >= 3 && l.folded.startsWith(`${key} `)).map((l) => l.value),
  );
  if (prefixed.size === 1) return { ok: true, value: [...prefixed][0] };
  return { ok: false, message: `Giá trị "${raw}" không có trong danh mục; hãy chọn một trong: ${m.hint}.` };
}
