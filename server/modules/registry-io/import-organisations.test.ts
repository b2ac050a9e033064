import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { prepareOrganisations } from './org-prepare.js';
import { organisationStamp } from './org-stamp.js';
import { readSheet } from './read-sheet.js';
import { dryRun, type OrgCells, organisationWorkbook } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let dongDangCode: string;
let siblingCode: string;
let otherCode: string;

async function codeOf(id: number) {
  return (
    await h.database.db.selectFrom('admin_unit').select('code').where('id', '=', id).executeTakeFirstOrThrow()
  ).code;
}
async function orgByCode(regCode: string) {
  return h.database.db
    .selectFrom('organisation')
    .selectAll()
    .where('reg_code', '=', regCode)
    .executeTakeFirst();
}
async function count(table: 'organisation' | 'audit_log' | 'import_job') {
  const r = await h.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  dongDangCode = await codeOf(u.dongDang);
  siblingCode = await codeOf(u.sibling);
  otherCode = await codeOf(u.otherCommune);
});
afterAll(() => h.close());

const base = (i: number, over: OrgCells = {}): OrgCells => ({
  regCode: `49012340${String(i).padStart(2, '0')}`,
  name: `Hợp tác xã Thử nghiệm số ${i}`,
  kind: 'Hợp tác xã',
  communeCode: dongDangCode,
  foundedOn: '15/01/2020',
  charterCapital: '1.500.000.000',
  legalRepName: 'Nguyễn Văn An',
  vsicCode: '0111',
  legalStatus: 'Đang hoạt động',
  ...over,
});

describe('POST /api/registry/imports (dry run) and commit', () => {
  let jobId: number;

  it('validates every row and writes only the job and its audit row', async () => {
    const orgs = await count('organisation');
    const audits = await count('audit_log');
    const bytes = await organisationWorkbook([
      base(1),
      base(2, { communeCode: null, communeName: 'Xã Đồng Đăng', charterCapital: 2_000_000_000 }),
      base(3, { regCode: '12345' }),
      base(4, { communeCode: otherCode }),
      base(5, { charterCapital: '-5' }),
      base(6, { communeCode: siblingCode, kind: 'THT', governance: 'Rút gọn' }),
    ]);
    const r = await dryRun(officer, 'organisations', bytes, 'danh-sach.xlsx');
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toEqual({ rows: 6, valid: 2, invalid: 4, insert: 2, update: 0, unchanged: 0 });
    const byRow = (row: number) => r.body.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(4)[0]).toMatchObject({ column: 'Mã số HTX/THT' });
    expect(byRow(5)[0].message).toContain('ngoài phạm vi');
    expect(byRow(6)[0]).toMatchObject({ column: 'Vốn điều lệ (đồng)' });
    expect(byRow(7)[0]).toMatchObject({ column: 'Mô hình quản trị' });
    expect(await count('organisation')).toBe(orgs);
    expect(await count('audit_log')).toBe(audits + 1);
    jobId = r.body.jobId;
  });

  it('refuses mode "all" while rows are invalid, writing nothing', async () => {
    const before = await count('organisation');
    const r = await officer.post(`/api/registry/imports/${jobId}/commit`, { mode: 'all' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('import.has_errors');
    expect(await count('organisation')).toBe(before);
  });

  it('writes the valid rows with mode "valid_only" and one audit row', async () => {
    const audits = await count('audit_log');
    const r = await officer.post(`/api/registry/imports/${jobId}/commit`, { mode: 'valid_only' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: 4 });
    const a = await orgByCode('4901234001');
    expect(a).toMatchObject({
      kind: 'HTX',
      commune_id: u.dongDang,
      province_id: u.langSon,
      charter_capital: '1500000000',
      founded_on: '2020-01-15',
      field: 'agriculture',
    });
    expect((await orgByCode('4901234002'))?.charter_capital).toBe('2000000000');
    expect(await orgByCode('4901234004')).toBeUndefined();
    expect(await count('audit_log')).toBe(audits + 1);
    const again = await officer.post(`/api/registry/imports/${jobId}/commit`, { mode: 'valid_only' });
    expect(again.status).toBe(409);
  });

  it('importing the same rows again changes nothing', async () => {
    const bytes = await organisationWorkbook([
      base(1),
      base(2, { communeCode: null, communeName: 'Đồng Đăng', charterCapital: 2_000_000_000 }),
    ]);
    const before = await orgByCode('4901234001');
    const r = await dryRun(officer, 'organisations', bytes);
    expect(r.body.totals).toMatchObject({ rows: 2, valid: 2, insert: 0, update: 0, unchanged: 2 });
    const c = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(c.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await orgByCode('4901234001')).toEqual(before);
  });
});

describe('registry rules applied to imported rows (as the organisation form applies them)', () => {
  it('refuses a second live HTX of the same name nationwide, and a THT name repeated in one commune', async () => {
    const r = await dryRun(
      officer,
      'organisations',
      await organisationWorkbook([
        base(20, { name: 'HTX Nông nghiệp Đồng Đăng' }),
        base(21, { name: 'Tổ hợp tác Mây tre', kind: 'THT' }),
        base(22, { name: 'Tổ hợp tác mây tre', kind: 'THT' }),
        base(23, { name: 'Tổ hợp tác Mây tre', kind: 'THT', communeCode: siblingCode }),
      ]),
    );
    expect(r.body.totals).toMatchObject({ rows: 4, valid: 1, invalid: 3 });
    const names = r.body.errors.filter((e: { column: string }) => e.column === 'Tên tổ chức');
    expect(names.map((e: { row: number }) => e.row)).toEqual([2, 3, 4]);
    expect(names[0].message).toContain('trên toàn quốc');
    expect(names[1].message).toContain('(dòng 4 của tệp)');
  });

  it('never revives an ended organisation, and leaves ending to the dissolution event', async () => {
    await h.database.db
      .updateTable('organisation')
      .set({ legal_status: 'dissolved' })
      .where('reg_code', '=', '4901234002')
      .execute();
    const r = await dryRun(
      officer,
      'organisations',
      await organisationWorkbook([
        base(2, { communeCode: null, communeName: 'Đồng Đăng', charterCapital: 2_000_000_000 }),
        base(1, { legalStatus: 'Đã giải thể, phá sản, chấm dứt tồn tại' }),
      ]),
    );
    expect(r.body.totals).toMatchObject({ rows: 2, valid: 0, invalid: 2 });
    expect(r.body.errors.map((e: { column: string }) => e.column)).toEqual([
      'Tình trạng pháp lý',
      'Tình trạng pháp lý',
    ]);
  });

  it('records the founded event of each new organisation, as the form does', async () => {
    const org = await orgByCode('4901234001');
    const events = await h.database.db
      .selectFrom('organisation_event')
      .select(['kind', 'occurred_on'])
      .where('organisation_id', '=', org!.id)
      .execute();
    expect(events).toEqual([{ kind: 'founded', occurred_on: '2020-01-15' }]);
  });
});

describe('organisationStamp (the commit validates before its transaction only while this is unchanged)', () => {
  it('changes when a row the classification reads changes, not for unrelated rows', async () => {
    const ctx = {
      ...h.deps,
      requestId: 's',
      ip: null,
      user: {
        id: 1,
        username: 'p',
        fullName: 'p',
        role: 'province_officer',
        scope: {
          type: 'province',
          unitId: u.langSon,
          provinceId: u.langSon,
          communeId: null,
          organisationId: null,
        },
      },
    } as unknown as Ctx;
    const sheet = await readSheet(
      await organisationWorkbook([base(1), base(40, { name: 'Hợp tác xã Tên Mới Toanh' })]),
      ORGANISATION_COLUMNS,
    );
    const p = await prepareOrganisations(ctx, sheet);
    const stamp = () => organisationStamp(h.database.db, p, false);
    const first = await stamp();
    expect(await stamp()).toBe(first);
    await h.database.db
      .updateTable('organisation')
      .set({ phone: '0205 111 222' })
      .where('reg_code', '=', '4900000002')
      .execute();
    expect(await stamp()).toBe(first);
    await h.database.db
      .updateTable('organisation')
      .set({ phone: '0205 333 444' })
      .where('reg_code', '=', '4901234001')
      .execute();
    const second = await stamp();
    expect(second).not.toBe(first);
    await insertOrganisation(h, { regCode: '4901239999', name: 'HTX Tên mới toanh', communeId: u.sibling });
    expect(await stamp()).not.toBe(second);
  });
});
