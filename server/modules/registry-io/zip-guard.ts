import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../http/problem.js';

/** Limits of an uploaded workbook (DESIGN.md §5: size cap, zip-bomb guard before inflating). */
export const XLSX_LIMITS = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Sum of the declared uncompressed sizes of every entry. */
  maxTotalUncompressed: 300 * 1024 * 1024,
  /** Compression ratio allowed for an entry whose declared uncompressed size is large. */
  maxRatio: 200,
  /** An entry counts as large from this declared uncompressed size on. */
  largeEntryBytes: 1024 * 1024,
  maxEntries: 10_000,
} as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

/** One entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const bad = (message: string) => new AppError(400, 'import.file_unreadable', message);
const bomb = (message: string) => new AppError(400, 'import.zip_rejected', message);

function findEndOfCentralDirectory(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * Reads the central directory of a zip from its bytes, without inflating anything. ZIP64 is refused:
 * a workbook within the 20 MB cap never needs it, and its 64-bit sizes are a classic way to hide a bomb.
 */
export function readCentralDirectory(buf: Buffer): { entries: ZipEntry[]; centralOffset: number } {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) {
    throw new AppError(
      415,
      'import.not_xlsx',
      'Tệp không phải bảng tính Excel .xlsx. Nếu là tệp .xls hoặc .csv, hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".',
    );
  }
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw bad('Tệp .xlsx bị hỏng hoặc không đầy đủ (không đọc được mục lục nén).');
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff)
    throw bomb('Tệp dùng định dạng ZIP64, không được hỗ trợ cho bảng tính nhập liệu.');
  if (count > XLSX_LIMITS.maxEntries)
    throw bomb(`Tệp nén chứa ${count} mục, vượt giới hạn ${XLSX_LIMITS.maxEntries}.`);
  if (offset + size > eocd) throw bad('Tệp .xlsx bị hỏng (mục lục nén nằm ngoài tệp).');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL)
      throw bad('Tệp .xlsx bị hỏng (mục lục nén không đúng cấu trúc).');
    const nameLength = buf.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localOffset === 0xffffffff
    ) {
      throw bomb('Tệp dùng định dạng ZIP64, không được hỗ trợ cho bảng tính nhập liệu.');
    }
    entries.push(entry);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { entries, centralOffset: offset };
}

/** Checks the declared sizes: total, per-entry ratio on large entries, encryption and methods. */
export function checkDeclaredSizes(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw bad('Tệp .xlsx được đặt mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.');
    if (e.method !== 0 && e.method !== 8)
      throw bad(`Tệp .xlsx dùng kiểu nén không được hỗ trợ (${e.method}).`);
    total += e.uncompressedSize;
    if (
      e.uncompressedSize >= XLSX_LIMITS.largeEntryBytes &&
      e.uncompressedSize > XLSX_LIMITS.maxRatio * Math.max(e.compressedSize, 1)
    ) {
      throw bomb(
        `Mục "${e.name}" có tỉ lệ nén bất thường (trên ${XLSX_LIMITS.maxRatio}:1); tệp bị từ chối để bảo vệ hệ thống.`,
      );
    }
  }
  if (total > XLSX_LIMITS.maxTotalUncompressed) {
    throw new AppError(
      413,
      'import.uncompressed_too_large',
      `Nội dung bảng tính sau giải nén (${Math.round(total / 1048576)} MB) vượt giới hạn ${XLSX_LIMITS.maxTotalUncompressed / 1048576} MB.`,
    );
  }
}

/**
 * Checks that the local headers, read front to back as a streaming unzipper reads them, are exactly
 * the central directory's entries, back to back: no hidden entry between them, no overlap.
 */
export function checkLocalHeaders(buf: Buffer, entries: ZipEntry[], centralOffset: number): void {
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const p = e.localOffset;
    if (p !== expected || p + 30 > centralOffset || buf.readUInt32LE(p) !== LOCAL)
      throw bad('Tệp .xlsx bị hỏng (các mục nén không liền mạch).');
    const nameLength = buf.readUInt16LE(p + 26);
    if (
      buf.toString('utf8', p + 30, p + 30 + nameLength) !== e.name ||
      buf.readUInt16LE(p + 8) !== e.method
    ) {
      throw bad('Tệp .xlsx bị hỏng (mục nén không khớp mục lục).');
    }
    let end = p + 30 + nameLength + buf.readUInt16LE(p + 28) + e.compressedSize;
    if (e.flags & 0x8) end += end + 4 <= centralOffset && buf.readUInt32LE(end) === DESCRIPTOR ? 16 : 12;
    if (end > centralOffset) throw bad('Tệp .xlsx bị hỏng (mục nén vượt quá giới hạn tệp).');
    expected = end;
  }
  if (expected !== centralOffset) throw bad('Tệp .xlsx bị hỏng (có dữ liệu lạ giữa các mục nén).');
}

/**
 * Inflates each entry with the output capped at its declared size, so a lying header cannot make us inflate
 * more than was declared (and checked above). Runs only after the declared checks. Returns the inflated
 * entries that `keep` asks for; the others are dropped at once.
 */
export function inflateEntries(
  buf: Buffer,
  entries: ZipEntry[],
  keep: (name: string) => boolean = () => false,
): Map<string, Buffer> {
  const kept = new Map<string, Buffer>();
  for (const e of entries) {
    const p = e.localOffset;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    let out: Buffer = data;
    if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(e.uncompressedSize, 1) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw bomb(
            `Mục "${e.name}" giải nén ra lớn hơn kích thước khai báo; tệp bị từ chối để bảo vệ hệ thống.`,
          );
        }
        throw bad(`Tệp .xlsx bị hỏng (không giải nén được mục "${e.name}").`);
      }
    }
    if (out.length !== e.uncompressedSize)
      throw bomb(`Mục "${e.name}" không đúng kích thước khai báo; tệp bị từ chối.`);
    if (keep(e.name)) kept.set(e.name, out);
  }
  return kept;
}

/**
 * Refuses an upload before anything is inflated: file size, zip structure, declared uncompressed total
 * (≤ 300 MB), ratio (≤ 200:1 on entries ≥ 1 MB), entry count (≤ 10,000); then inflates each entry capped at
 * its declared size and returns the ones `keep` names (the workbook parts the import reads).
 */
export function assertSafeXlsx(bytes: Uint8Array, keep?: (name: string) => boolean): Map<string, Buffer> {
  if (bytes.byteLength === 0) throw new AppError(400, 'import.file_empty', 'Tệp tải lên đang trống.');
  if (bytes.byteLength > XLSX_LIMITS.maxFileBytes) {
    throw new AppError(
      413,
      'import.file_too_large',
      `Tệp vượt quá dung lượng cho phép (${XLSX_LIMITS.maxFileBytes / 1048576} MB). Hãy chia tệp thành nhiều phần.`,
    );
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entries, centralOffset } = readCentralDirectory(buf);
  checkDeclaredSizes(entries);
  checkLocalHeaders(buf, entries, centralOffset);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new AppError(
      415,
      'import.not_xlsx',
      'Tệp nén không phải bảng tính Excel .xlsx (thiếu xl/workbook.xml).',
    );
  }
  return inflateEntries(buf, entries, keep);
}
