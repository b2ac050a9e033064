import type { Coded } from '../../../core/registry/enums.js';
import { foldVietnamese } from '../../../core/text.js';
import { type CodedMatcher, codedMatcher } from './coded-match.js';

/** What a column holds, which decides how a cell is read and written. */
export type ColumnType = 'text' | 'int' | 'money' | 'signed_money' | 'percent' | 'date' | 'bool' | 'coded';

/** One column of a template, an export and an import. */
export interface ColumnSpec {
  key: string;
  /** The Vietnamese header written in templates and exports, and used in error messages. */
  header: string;
  /** Other headers found in real files; matched without diacritics, case or parenthesised notes. */
  aliases: readonly string[];
  type: ColumnType;
  coded?: readonly Coded[];
  matcher?: CodedMatcher;
  /** Column width in characters. */
  width: number;
  /** What the instructions sheet says about the column. */
  note: string;
  /** Written by exports for reading, ignored by the import. */
  info?: boolean;
  /** Dropdown from the communes sheet instead of a coded list. */
  communeList?: 'code' | 'name';
}

/** The three kinds of import, each with its template. */
export const IMPORT_KINDS = ['organisations', 'annual_reports', 'members'] as const;
/** One of the import kinds. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** Normalised header: folded, without notes in parentheses, stars or leading numbering ("1. Tên HTX (*)"). */
export function headerKey(header: string): string {
  const noNotes = header
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\*/g, ' ');
  return foldVietnamese(noNotes)
    .replace(/^\d+\s+/, '')
    .trim();
}

/** Builds a column, compiling the matcher of a coded list once. */
export function column(c: Omit<ColumnSpec, 'matcher'> & { extra?: Record<string, string[]> }): ColumnSpec {
  const { extra, ...rest } = c;
  return { ...rest, matcher: c.coded ? codedMatcher(c.coded, extra) : undefined };
}

const indexes = new WeakMap<readonly ColumnSpec[], Map<string, ColumnSpec>>();

/** Header key → column (built once per layout), refusing two columns that would read the same header. */
export function headerIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const cached = indexes.get(columns);
  if (cached) return cached;
  const map = new Map<string, ColumnSpec>();
  for (const c of columns) {
    for (const h of [c.header, ...c.aliases]) {
      const k = headerKey(h);
      const seen = map.get(k);
      if (seen && seen !== c)
        throw new Error(`registry-io: header "${h}" matches both ${seen.key} and ${c.key}`);
      map.set(k, c);
    }
  }
  indexes.set(columns, map);
  return map;
}

/** Yes/no values as written in templates and exports. */
export const YES_NO: readonly Coded[] = [
  { value: 'true', vi: 'Có', en: 'Yes' },
  { value: 'false', vi: 'Không', en: 'No' },
];
