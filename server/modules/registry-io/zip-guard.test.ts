import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/problem.js';
import { assertSafeXlsx, XLSX_LIMITS } from './zip-guard.js';

interface FakeEntry {
  name: string;
  data: Buffer;
  /** Declared uncompressed size (default: the real one). */
  declared?: number;
  store?: boolean;
}

/** A minimal zip writer whose headers can lie, to build bombs without holding their inflated bytes. */
function zip(entries: FakeEntry[], opts: { gapAfterFirst?: Buffer } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  entries.forEach((e, i) => {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declared ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(e.store ? 0 : 8, 10);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    locals.push(local, name, body);
    offset += 30 + name.length + body.length;
    if (i === 0 && opts.gapAfterFirst) {
      locals.push(opts.gapAfterFirst);
      offset += opts.gapAfterFirst.length;
    }
  });
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, eocd]);
}

const workbookXml = { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') };

function rejection(bytes: Uint8Array): AppError {
  try {
    assertSafeXlsx(bytes);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('assertSafeXlsx', () => {
  it('accepts a real workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').addRow(['Mã số HTX/THT', 'Tên tổ chức']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(() => assertSafeXlsx(bytes)).not.toThrow();
  });

  it('refuses a declared total above 300 MB before inflating anything (the data is not even deflate)', () => {
    // Two entries of 1 MB each declaring 160 MB: each ratio (160:1) passes, the total (320 MB) does not.
    const junk = Buffer.alloc(1024 * 1024, 0xff);
    const big = (name: string) => ({ name, data: junk, store: true, declared: 160 * 1024 * 1024 });
    const e = rejection(zip([workbookXml, big('xl/worksheets/sheet1.xml'), big('xl/worksheets/sheet2.xml')]));
    expect(e.status).toBe(413);
    expect(e.code).toBe('import.uncompressed_too_large');
  });

  it('refuses an entry compressing more than 200:1 (a zip bomb)', () => {
    const e = rejection(
      zip([workbookXml, { name: 'xl/sharedStrings.xml', data: Buffer.alloc(8 * 1024 * 1024) }]),
    );
    expect(e.status).toBe(400);
    expect(e.code).toBe('import.zip_rejected');
    expect(e.message).toContain('tỉ lệ nén');
  });

  it('refuses more than 10,000 entries', () => {
    const entries = Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `x/${i}`,
      data: Buffer.alloc(0),
      store: true,
    }));
    const e = rejection(zip([workbookXml, ...entries]));
    expect(e.code).toBe('import.zip_rejected');
    expect(e.message).toContain('10000');
  });

  it('refuses an entry that inflates beyond the size it declares', () => {
    const e = rejection(
      zip([
        workbookXml,
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(900_000, 65), declared: 5000 },
      ]),
    );
    expect(e.code).toBe('import.zip_rejected');
    expect(e.message).toContain('lớn hơn kích thước khai báo');
  });

  it('refuses bytes hidden between entries (what a streaming unzipper would read)', () => {
    const hidden = zip([{ name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(100) }]);
    const e = rejection(
      zip([workbookXml, { name: 'xl/a.xml', data: Buffer.from('<a/>') }], { gapAfterFirst: hidden }),
    );
    expect(e.code).toBe('import.file_unreadable');
  });

  it('refuses what is not an xlsx, and an empty file', () => {
    expect(rejection(new TextEncoder().encode('Mã số,Tên\n4900000001,HTX A')).status).toBe(415);
    expect(rejection(zip([{ name: 'word/document.xml', data: Buffer.from('<w/>') }])).code).toBe(
      'import.not_xlsx',
    );
    expect(rejection(new Uint8Array()).code).toBe('import.file_empty');
  });

  it('refuses a file over 20 MB with 413', () => {
    const e = rejection(new Uint8Array(XLSX_LIMITS.maxFileBytes + 1));
    expect(e.status).toBe(413);
    expect(e.code).toBe('import.file_too_large');
  });
});
