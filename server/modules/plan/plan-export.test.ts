import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPlans } from '../../seed/seed-plans.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';

let h: Harness;
let national: TestClient;
let nbPlan: number;
const dir = mkdtempSync(join(tmpdir(), 'hoptac-plan-export-'));

beforeAll(async () => {
  h = await createHarness();
  await standardUsers(h);
  await seedPlans(h.database.db);
  national = await h.login('national');
  nbPlan = (
    await h.database.db
      .selectFrom('plan')
      .select('id')
      .where('code', '=', 'seed:NB-61-KH-UBND-2022')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.close();
});

/** Fetches a binary download through the app. */
async function download(path: string) {
  const r = await h.app.request(`http://localhost${path}`, {
    headers: { cookie: national.cookie ?? '', host: 'localhost' },
  });
  return {
    status: r.status,
    type: r.headers.get('content-type'),
    disposition: r.headers.get('content-disposition'),
    bytes: Buffer.from(await r.arrayBuffer()),
  };
}

describe('plan progress exports', () => {
  it("writes a PDF report with the plan's header and its targets in Vietnamese (read back with pdftotext)", async () => {
    const r = await download(`/api/plans/${nbPlan}/export.pdf?date=2022-12-31`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.bytes.subarray(0, 4).toString()).toBe('%PDF');
    const file = join(dir, 'nb.pdf');
    writeFileSync(file, r.bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('ỦY BAN NHÂN DÂN TỈNH NINH BÌNH');
    expect(text).toContain('61/KH-UBND');
    expect(text).toContain('31/03/2022');
    expect(text).toContain('BÁO CÁO TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU');
    expect(text).toContain('NB-16');
    expect(text).toContain('Chưa có dữ liệu');
  });

  it('writes an .xlsx workbook with the header lines and one row per target', async () => {
    const r = await download(`/api/plans/${nbPlan}/export.xlsx?date=2022-12-31`);
    expect(r.status).toBe(200);
    expect(r.disposition).toContain('tien-do-ke-hoach-61-KH-UBND.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tiến độ')!;
    expect(ws.getCell('A1').value).toBe('Ủy ban nhân dân tỉnh Ninh Bình');
    expect(String(ws.getCell('A3').value)).toContain('năm 2022');
    const codes: string[] = [];
    ws.eachRow((row) => {
      const v = String(row.getCell(1).value ?? '');
      if (/^NB-\d{2}$/.test(v)) codes.push(v);
    });
    expect(codes).toHaveLength(16);
  });
});
