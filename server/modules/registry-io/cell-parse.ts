/**
 * Reading values the way officials type them in Excel: Vietnamese numbers (1.234.567 and 1.234,5), dates as
 * dd/mm/yyyy, d/m/yy, serial numbers or real date cells, Có/Không/x/1/0, stray and non-breaking spaces.
 * Pure functions: each returns the value or a Vietnamese message for the row's error list.
 */
import { foldVietnamese } from '../../../core/text.js';

/** A parse outcome: a value, or an error message for the cell. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

const FORMULA_START = /^'[=+\-@\t\r]/;

/** Removes the apostrophe our exports put before a cell that would start a formula (see excel-safe.ts). */
export function unneutralise(s: string): string {
  return FORMULA_START.test(s) ? s.slice(1) : s;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters (NUL included) are what is replaced.
const CONTROL = /[\u0000-\u001f\u007f]/g;
/**
 * What cleanText changes besides NFC, made of the same pieces: a neutralised formula's apostrophe, zero-width and
 * control characters, whitespace other than one space between words. Most cells have none, and then NFC is all
 * there is to do.
 */
const NEEDS_CLEANING = new RegExp(
  `${FORMULA_START.source}|${ZERO_WIDTH.source}|${CONTROL.source}|[^\\S ]| {2}|^ | $`,
);

/** NFC, zero-width characters removed, every run of spaces (non-breaking too) made one space, trimmed. */
export function cleanText(s: string): string {
  if (!NEEDS_CLEANING.test(s)) return s.normalize('NFC');
  return unneutralise(s)
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A decimal number as sign, integer digits and fraction digits: exact, never a float. */
export interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);

function splitDecimal(body: string): { int: string; frac: string } | null {
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let int = body;
  let frac = '';
  if (dots && commas) {
    const decimalSep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimalSep);
    [int, frac] = [body.slice(0, at), body.slice(at + 1)];
    if (!GROUPED(groupSep).test(int) || !/^\d+$/.test(frac)) return null;
    int = int.split(groupSep).join('');
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const count = dots || commas;
    // Vietnamese usage: "." groups thousands, "," marks decimals; "1.234" is one thousand two hundred and thirty-four.
    const grouping = count > 1 || (sep === '.' && GROUPED('.').test(body));
    if (grouping) {
      if (!GROUPED(sep).test(body)) return null;
      int = body.split(sep).join('');
    } else {
      const at = body.indexOf(sep);
      [int, frac] = [body.slice(0, at), body.slice(at + 1)];
    }
  }
  if (!/^\d+$/.test(int) || !/^\d*$/.test(frac)) return null;
  return { int: int.replace(/^0+(?=\d)/, ''), frac: frac.replace(/0+$/, '') };
}

/** Parses a number typed as text: "1.234.567", "1.234,5", "1 234 567", "1,234.5", "-5", "12%", "1.000.000 đ". */
export function parseDecimalText(input: string): Decimal | null {
  let s = cleanText(input).replace(/\s*(đồng|vnđ|vnd|đ|%)$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) [s, negative] = [s.slice(1, -1), true];
  if (/^[-−–]/.test(s)) [s, negative] = [s.slice(1).trim(), true];
  else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/(\d)[ \u00a0](?=\d{3}\b)/g, '$1');
  if (!/^[\d.,]+$/.test(s)) return null;
  const parts = splitDecimal(s);
  return parts ? { negative: negative && (parts.int !== '0' || parts.frac !== ''), ...parts } : null;
}

/** A Decimal from a number cell (finite), exact for safe integers. */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  const negative = n < 0;
  const abs = Math.abs(n);
  if (Number.isInteger(abs))
    return Number.isSafeInteger(abs) ? { negative, int: String(abs), frac: '' } : null;
  const [int, frac = ''] = String(Number(abs.toPrecision(15))).split('.');
  if (int.includes('e')) return null;
  return { negative, int, frac: frac.replace(/0+$/, '') };
}

/** "1234.5"-style canonical string of a Decimal. */
export function decimalString(d: Decimal): string {
  return `${d.negative ? '-' : ''}${d.int}${d.frac ? `.${d.frac}` : ''}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' when the day exists and the year is plausible (1900–2100). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number as 'YYYY-MM-DD' (1900 system with its phantom 29/2/1900, or the 1904 system). */
export function isoFromSerial(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const days = Math.floor(serial);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days < 60 ? 31 : 30);
  const t = new Date(base + days * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Parses a typed date: dd/mm/yyyy, d/m/yy (00–29 → 20xx), d-m-yyyy, d.m.yyyy or ISO yyyy-mm-dd. */
export function parseDateText(input: string): Parsed<string> {
  const s = cleanText(input);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let iso: string | null = null;
  if (dmy) {
    let y = Number(dmy[3]);
    if (dmy[3].length === 2) y += y < 30 ? 2000 : 1900; // Excel's two-digit-year window
    iso = isoDate(y, Number(dmy[2]), Number(dmy[1]));
  } else if (ymd) {
    iso = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  } else if (/^\d{5}$/.test(s)) {
    iso = isoFromSerial(Number(s));
  }
  return iso
    ? ok(iso)
    : fail(`Ngày "${s}" không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 15/01/2020.`);
}

const TRUE_WORDS = new Set(['co', 'x', '1', 'true', 'yes', 'c', 'dung', 'v', 'y']);
const FALSE_WORDS = new Set(['khong', '0', 'false', 'no', 'k', 'sai', 'n']);

/** Có/Không, x (ticked), 1/0, true/false; null for an empty cell. */
export function parseBoolText(input: string): Parsed<boolean | null> {
  const raw = cleanText(input);
  if (raw === '') return ok(null);
  const s = raw.toLowerCase() === 'x' ? 'x' : foldVietnamese(raw);
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return fail(`Giá trị "${raw}" không hợp lệ; hãy ghi "Có" hoặc "Không".`);
}
