import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../../../core/registry/enums.js';
import { REPORT_FIELDS } from '../../../core/registry/report-fields.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import { MEMBER_COLUMNS } from './columns-member.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { download, dryRun, partXml, sheetRows } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
});
afterAll(() => h.close());

describe('GET /api/registry/templates/{kind}', () => {
  let bytes: Uint8Array;

  it('serves the organisation template as an .xlsx attachment with the Vietnamese headers of the catalogue', async () => {
    const r = await download(h, officer, '/api/registry/templates/organisations');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''mau-nhap-to-chuc.xlsx");
    bytes = r.bytes;
    const rows = await sheetRows(bytes, 'Tổ chức');
    expect(rows).toEqual([ORGANISATION_COLUMNS.map((c) => c.header)]);
  });

  it('freezes the header row and puts dropdowns on coded and yes/no columns', () => {
    const sheet = partXml(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    const validations = [
      ...sheet.matchAll(
        /<dataValidation [^>]*sqref="([A-Z]+)2:[A-Z]+60001"[^>]*>\s*<formula1>([^<]+)<\/formula1>/g,
      ),
    ].map((m) => ({ col: m[1], formula: m[2].replace(/&apos;/g, "'") }));
    const colOf = (key: string) =>
      String.fromCharCode(65 + ORGANISATION_COLUMNS.findIndex((c) => c.key === key));
    const listed = (key: string) => validations.find((v) => v.col === colOf(key))?.formula;
    for (const key of [
      'kind',
      'legalStatus',
      'field',
      'agriSubtype',
      'newModel',
      'governance',
      'creditFund',
      'paperOnly',
    ]) {
      expect(listed(key), key).toMatch(/^'Danh mục giá trị'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    }
    expect(listed('communeCode')).toMatch(/^'Danh mục xã'!\$A\$2:\$A\$\d+$/);
    expect(listed('name')).toBeUndefined();
    expect(sheet).toMatch(/<col [^>]*width="42/);
  });

  it('has the coded lists in a hidden sheet, with the Vietnamese labels', async () => {
    const lists = await sheetRows(bytes, 'Danh mục giá trị');
    const kindColumn = lists[0].indexOf('Loại hình');
    expect(lists.slice(1, 4).map((r) => r[kindColumn])).toEqual(ORGANISATION_KINDS.map((k) => k.vi));
    expect(partXml(bytes, 'xl/workbook.xml')).toMatch(
      /name="Danh mục giá trị"[^>]*state="hidden"|state="hidden"[^>]*name="Danh mục giá trị"/,
    );
  });

  it('explains every column and the number and date formats in "Hướng dẫn"', async () => {
    const guide = (await sheetRows(bytes, 'Hướng dẫn')).map((r) => r.filter(Boolean).join(' | '));
    const text = guide.join('\n');
    expect(text).toContain('1.234.567');
    expect(text).toContain('dd/mm/yyyy');
    for (const c of ORGANISATION_COLUMNS) expect(text).toContain(c.header);
  });

  it('lists the communes of the caller’s province in "Danh mục xã" (all communes for the nation)', async () => {
    const communes = (await sheetRows(bytes, 'Danh mục xã')).slice(1);
    const lsCount = await h.database.db
      .selectFrom('admin_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', u.langSon)
      .where('era', '=', 'post2025')
      .executeTakeFirstOrThrow();
    expect(communes).toHaveLength(Number(lsCount.n));
    expect(communes.every((r) => r[2] === 'Tỉnh Lạng Sơn' && /^\d{5}$/.test(String(r[0])))).toBe(true);
    expect(communes.some((r) => r[1] === 'Xã Đồng Đăng' || r[1] === 'Phường Đồng Đăng')).toBe(true);
    const national = await download(h, await h.login('national'), '/api/registry/templates/organisations');
    expect((await sheetRows(national.bytes, 'Danh mục xã')).length).toBeGreaterThan(3000);
  });

  it('builds the yearly-figures and member templates from their catalogues', async () => {
    const reports = await download(h, officer, '/api/registry/templates/annual_reports');
    const header = (await sheetRows(reports.bytes))[0];
    expect(header).toEqual(ANNUAL_REPORT_COLUMNS.map((c) => c.header));
    for (const f of REPORT_FIELDS) expect(header).toContain(f.vi);
    const members = await download(h, officer, '/api/registry/templates/members');
    expect((await sheetRows(members.bytes))[0]).toEqual(MEMBER_COLUMNS.map((c) => c.header));
    expect((await download(h, officer, '/api/registry/templates/products')).status).toBe(400);
  });

  it('a filled-in template imports (the template is what the import reads)', async () => {
    const r = await dryRun(officer, 'organisations', bytes);
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals.rows).toBe(0);
    expect(r.body.sheet).toMatchObject({ name: 'Tổ chức', headerRow: 1, ignoredColumns: [] });
  });
});
