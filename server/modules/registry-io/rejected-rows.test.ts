import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { MAX_IMPORT_ROWS } from './read-sheet.js';
import { download, dryRun, sheetRows, workbookOf } from './registry-io.test-support.js';

let h: Harness;
let officer: TestClient;
let dongDang: string;

async function jobCount() {
  const r = await h.database.db
    .selectFrom('import_job')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  h = await createHarness();
  const u = await standardUsers(h);
  officer = await h.login('pofficer');
  dongDang = (
    await h.database.db
      .selectFrom('admin_unit')
      .select('code')
      .where('id', '=', u.dongDang)
      .executeTakeFirstOrThrow()
  ).code;
});
afterAll(() => h.close());

describe('GET /api/registry/imports/{id}/rejected', () => {
  it('returns the invalid rows with the file’s own columns, in its order, plus "Lỗi"', async () => {
    const header = ['Tên HTX', 'MST', 'Mã xã', 'Loại hình', 'Ghi chú', 'Ngày thành lập'];
    const bytes = await workbookOf(
      header,
      [
        ['HTX Rau sạch Đồng Đăng', '4902000001', dongDang, 'HTX', 'ok', '01/02/2021'],
        ['=HYPERLINK("http://x","y")', '49-bad', dongDang, 'HTX', null, '01/02/2021'],
        ['HTX Chè', '4902000003', '99999', 'Công ty', 'hai lỗi', new Date(Date.UTC(2021, 1, 1))],
      ],
      { titles: ['DANH SÁCH HTX'] },
    );
    const dry = await dryRun(officer, 'organisations', bytes, 'ds-htx.xlsx');
    expect(dry.body.totals).toMatchObject({ rows: 3, valid: 1, invalid: 2 });
    const r = await download(h, officer, `/api/registry/imports/${dry.body.jobId}/rejected`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('ds-htx-dong-bi-tu-choi.xlsx'));
    const rows = await sheetRows(r.bytes);
    expect(rows[0]).toEqual([...header, 'Lỗi']);
    expect(rows).toHaveLength(3);
    expect(rows[1].slice(0, 4)).toEqual(['\'=HYPERLINK("http://x","y")', '49-bad', dongDang, 'HTX']);
    expect(rows[1][6]).toMatch(/^\[Mã số HTX\/THT\] /);
    expect(rows[2][5]).toEqual(new Date(Date.UTC(2021, 1, 1)));
    expect(String(rows[2][6]).split('\n')).toHaveLength(2);
    expect(String(rows[2][6])).toContain('[Mã xã]');
    expect(String(rows[2][6])).toContain('[Loại hình]');
  });

  it('is refused outside the job’s scope (404)', async () => {
    const dry = await dryRun(
      officer,
      'organisations',
      await workbookOf(['MST', 'Tên HTX'], [['4902000009', 'HTX A']]),
    );
    for (const user of ['padmin.nb', 'cofficer']) {
      expect(
        (await download(h, await h.login(user), `/api/registry/imports/${dry.body.jobId}/rejected`)).status,
      ).toBe(404);
    }
  });
});

describe('upload limits', () => {
  it('refuses a file over 20 MB with 413 and records no job', async () => {
    const before = await jobCount();
    const big = new Uint8Array(20 * 1024 * 1024 + 10);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const r = await dryRun(officer, 'organisations', big);
    expect(r.status).toBe(413);
    expect(['import.file_too_large', 'request.too_large']).toContain(r.body.code);
    expect(await jobCount()).toBe(before);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} data rows with 413`, async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('A');
    ws.addRow(['MST', 'Tên HTX']);
    for (let i = 0; i <= MAX_IMPORT_ROWS; i++) ws.addRow([String(4_950_000_000 + i), 'H']);
    const r = await dryRun(officer, 'organisations', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('import.too_many_rows');
    expect(r.body.detail).toContain('60.000');
  });

  it('refuses a zip bomb before inflating it (400), and a file that is not .xlsx (415)', async () => {
    const real = await workbookOf(['MST', 'Tên HTX'], [['4902000001', 'HTX A']]);
    const bomb = await bombOf(real);
    const r = await dryRun(officer, 'organisations', bomb);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('import.zip_rejected');
    const csv = await dryRun(
      officer,
      'organisations',
      new TextEncoder().encode('MST;Tên\n4902000001;HTX A'),
      'ds.csv',
    );
    expect(csv.status).toBe(415);
    expect(csv.body.code).toBe('import.not_xlsx');
  });

  it('refuses a sheet without a recognisable header with 400', async () => {
    const r = await dryRun(officer, 'organisations', await workbookOf(['Cột A', 'Cột B'], [['x', 'y']]));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('import.header_not_found');
  });
});

/** The same workbook with one more entry: 64 MB of zeros deflated (a classic bomb), central directory rebuilt. */
async function bombOf(xlsx: Uint8Array): Promise<Uint8Array> {
  const buf = Buffer.from(xlsx);
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  const data = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
  const name = Buffer.from('xl/media/bomb.bin');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(64 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(data.length, 20);
  cd.writeUInt32LE(64 * 1024 * 1024, 24);
  cd.writeUInt16LE(name.length, 28);
  cd.writeUInt32LE(cdOffset, 42);
  const newCdOffset = cdOffset + 30 + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(cdSize + 46 + name.length, 12);
  end.writeUInt32LE(newCdOffset, 16);
  return new Uint8Array(
    Buffer.concat([
      buf.subarray(0, cdOffset),
      local,
      name,
      data,
      buf.subarray(cdOffset, cdOffset + cdSize),
      cd,
      name,
      end,
    ]),
  );
}
