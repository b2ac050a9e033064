/**
 * The columns of the Excel import of past assessment results, and how their cells are read: registration code and
 * year identify the row; total, band and reason; one optional column per scored item ("Tiêu chí 1a", …).
 */
import { BAND_LABELS, NOT_CLASSIFIED_LABELS } from '../../../core/assessment/labels.js';
import {
  BANDS,
  type Band,
  NOT_CLASSIFIED_REASONS,
  type NotClassifiedReason,
} from '../../../core/assessment/types.js';
import { normaliseRegistrationCode } from '../../../core/registry/registration-code.js';
import { foldVietnamese } from '../../../core/text.js';
import { cleanText, decimalFromNumber, decimalString, parseDecimalText } from '../registry-io/cell-parse.js';
import type { ColumnSpec } from '../registry-io/columns.js';
import { isBlank, isCellError, isFormulaWithoutResult, type RawCell } from '../registry-io/raw-cell.js';

const col = (
  key: string,
  header: string,
  aliases: string[],
  width: number,
  note: string,
  info = false,
): ColumnSpec => ({ key, header, aliases, type: 'text', width, note, info });

/** The fixed columns. */
export const BASE_COLUMNS: readonly ColumnSpec[] = [
  col(
    'regCode',
    'Mã số HTX',
    ['Mã số', 'Mã số thuế', 'Mã HTX', 'Mã số hợp tác xã', 'Số giấy chứng nhận đăng ký'],
    16,
    'Mã số hợp tác xã (mã số thuế), bắt buộc.',
  ),
  col(
    'name',
    'Tên hợp tác xã',
    ['Tên HTX', 'Tên tổ chức'],
    40,
    'Chỉ để đối chiếu, không nhập vào hệ thống.',
    true,
  ),
  col('year', 'Năm đánh giá', ['Năm'], 10, 'Năm được đánh giá, bắt buộc.'),
  col(
    'rubric',
    'Bộ tiêu chí',
    ['Mã bộ tiêu chí'],
    14,
    'Mã bộ tiêu chí (TT01-2020, TT09-2017…); để trống: bộ tiêu chí của đợt đánh giá năm đó, hoặc TT01-2020.',
  ),
  col(
    'total',
    'Tổng điểm',
    ['Tổng số điểm', 'Điểm đánh giá'],
    10,
    'Tổng điểm; để trống khi đã nhập đủ điểm các tiêu chí.',
  ),
  col(
    'band',
    'Xếp loại',
    ['Loại', 'Kết quả xếp loại'],
    12,
    'Tốt, Khá, Trung bình hoặc Yếu; để trống để tính theo tổng điểm.',
  ),
  col(
    'reason',
    'Lý do không xếp loại',
    ['Không xếp loại'],
    36,
    `Một trong: ${NOT_CLASSIFIED_REASONS.map((r) => NOT_CLASSIFIED_LABELS[r]).join('; ')}.`,
  ),
];

/** The columns for a set of scored item codes. */
export function importColumns(itemCodes: readonly string[]): ColumnSpec[] {
  return [
    ...BASE_COLUMNS,
    ...itemCodes.map((c) =>
      col(
        `score:${c}`,
        `Tiêu chí ${c}`,
        [`TC ${c}`, `Điểm tiêu chí ${c}`],
        10,
        `Điểm tiêu chí ${c} (không bắt buộc).`,
      ),
    ),
  ];
}

/** A parsed cell: the value, or a Vietnamese message. */
export type Cell<T> = { value: T | null } | { error: string };

function text(v: RawCell): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cleanText(String(v));
}

/** Reads a cell as text (null when blank). */
export function readText(v: RawCell | undefined): Cell<string> {
  if (v === undefined || isBlank(v) || isFormulaWithoutResult(v)) return { value: null };
  if (isCellError(v)) return { error: `Ô có lỗi Excel ${v.cellError}.` };
  const t = text(v);
  return { value: t || null };
}

/** Reads a registration code. */
export function readCode(v: RawCell | undefined): Cell<string> {
  const t = readText(v);
  if ('error' in t || t.value === null) return t;
  return { value: normaliseRegistrationCode(typeof v === 'number' ? String(v) : t.value) };
}

/** Reads a decimal number with at most two decimals (Vietnamese "12,5" or a number cell). */
export function readNumber(v: RawCell | undefined, what: string): Cell<number> {
  if (v === undefined || v === null || isBlank(v) || isFormulaWithoutResult(v)) return { value: null };
  if (isCellError(v)) return { error: `${what}: ô có lỗi Excel ${v.cellError}.` };
  const d =
    typeof v === 'number'
      ? decimalFromNumber(v)
      : typeof v === 'string'
        ? parseDecimalText(cleanText(v))
        : null;
  if (!d) return { error: `${what} "${text(v as RawCell)}" không phải là số.` };
  const n = Number(decimalString(d));
  if (!Number.isFinite(n) || Math.abs(Math.round(n * 100) - n * 100) > 1e-6)
    return { error: `${what} chỉ được có tối đa 2 chữ số thập phân.` };
  return { value: n };
}

const BAND_WORDS: [Band, string][] = BANDS.map((b) => [b, foldVietnamese(BAND_LABELS[b])]);

/** Reads a band ("Tốt", "HTX Khá", "loại trung bình", "tot"…). */
export function readBand(v: RawCell | undefined): Cell<Band> {
  const t = readText(v);
  if ('error' in t || t.value === null) return t as Cell<Band>;
  const f = foldVietnamese(t.value)
    .replace(/^(htx|hop tac xa|loai)\s+/, '')
    .replace(/_/g, ' ')
    .trim();
  const hit = BAND_WORDS.find(([b, w]) => f === w || f === b.replace('_', ' '));
  return hit
    ? { value: hit[0] }
    : { error: `Xếp loại "${t.value}" không hợp lệ (Tốt, Khá, Trung bình hoặc Yếu).` };
}

const REASON_WORDS: [NotClassifiedReason, string[]][] = [
  ['new_lt_12_months', ['duoi 12 thang', 'moi thanh lap']],
  ['stopped_gt_3_months', ['ngung hoat dong', 'qua 3 thang']],
  ['credit_fund', ['quy tin dung']],
  ['no_rubric', ['khong co bo tieu chi']],
  ['not_submitted', ['khong nop']],
];

/** Reads a reason for no band (its code or words of its label). */
export function readReason(v: RawCell | undefined): Cell<NotClassifiedReason> {
  const t = readText(v);
  if ('error' in t || t.value === null) return t as Cell<NotClassifiedReason>;
  const f = foldVietnamese(t.value);
  const code = NOT_CLASSIFIED_REASONS.find((r) => r === t.value);
  const hit = code ?? REASON_WORDS.find(([, words]) => words.some((w) => f.includes(w)))?.[0];
  return hit ? { value: hit } : { error: `Lý do không xếp loại "${t.value}" không nhận ra.` };
}
