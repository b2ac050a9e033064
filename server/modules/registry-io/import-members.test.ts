import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { dryRun, workbookOf } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;

const members = () =>
  h.database.db
    .selectFrom('member')
    .selectAll()
    .where('organisation_id', '=', u.orgOwn)
    .orderBy('id')
    .execute();
const header = [
  'Mã số HTX',
  'Loại thành viên',
  'Họ tên',
  'Ngày sinh',
  'Giới tính',
  'Số CCCD',
  'Vốn góp cam kết (đồng)',
  'Vốn đã góp (đồng)',
  'Ngày gia nhập',
  'Ngày ra khỏi',
];

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('cofficer');
});
afterAll(() => h.close());

describe('import of member registers', () => {
  const valid = [
    [
      '4900000001',
      'Chính thức',
      'Hoàng Văn Minh',
      '12/05/1970',
      'Nam',
      '020070001234',
      '10.000.000',
      '10.000.000',
      '01/01/2020',
      null,
    ],
    [
      '4900000001',
      'Thành viên chính thức',
      'Lý Thị Hoa',
      '03/09/1985',
      'Nữ',
      null,
      5_000_000,
      2_000_000,
      '01/01/2020',
      null,
    ],
    [
      '4900000001',
      'liên kết không góp vốn',
      'Nông Văn Tài',
      null,
      'nam',
      ' 020 090 005 678 ',
      null,
      null,
      '15/06/2022',
      null,
    ],
  ];

  it('validates rows and matches organisations in the caller’s commune only', async () => {
    const r = await dryRun(
      officer,
      'members',
      await workbookOf(header, [
        ...valid,
        ['4900000002', 'Chính thức', 'Vi Văn Sáng', null, 'Nam', null, null, null, null, null],
        ['4900000001', 'Chính thức', '', null, null, null, null, null, null, null],
        ['4900000001', 'Chính thức', 'Đinh Văn Ba', null, null, null, null, null, '01/01/2022', '01/01/2021'],
        ['4900000001', 'Chủ nhiệm', 'Đinh Văn Tư', null, null, null, null, null, null, null],
        [
          '4900000001',
          'Chính thức',
          'Hoàng Văn Minh (trùng)',
          null,
          null,
          '020070001234',
          null,
          null,
          null,
          null,
        ],
      ]),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toEqual({ rows: 8, valid: 2, invalid: 6, insert: 2, update: 0, unchanged: 0 });
    const columns = (row: number) =>
      r.body.errors.filter((e: { row: number }) => e.row === row).map((e: { column: string }) => e.column);
    expect(columns(5)).toContain('Mã số HTX/THT');
    expect(columns(6)).toContain('Họ và tên');
    expect(columns(7)).toContain('Ngày ra khỏi');
    expect(columns(8)).toContain('Loại thành viên');
    expect(columns(9)).toContain('Số định danh cá nhân/CCCD');
    expect(columns(2)).toContain('Số định danh cá nhân/CCCD');
  });

  it('inserts, then recognises the same members (ID number, else name and birth date): unchanged or updated', async () => {
    const first = await dryRun(officer, 'members', await workbookOf(header, valid));
    const c1 = await officer.post(`/api/registry/imports/${first.body.jobId}/commit`, { mode: 'all' });
    expect(c1.body).toMatchObject({ inserted: 3, updated: 0 });
    const stored = await members();
    expect(
      stored.map((m) => [m.member_type, m.full_name, m.birth_date, m.gender, m.id_number, m.capital_paid]),
    ).toEqual([
      ['official', 'Hoàng Văn Minh', '1970-05-12', 'male', '020070001234', '10000000'],
      ['official', 'Lý Thị Hoa', '1985-09-03', 'female', null, '2000000'],
      ['associate_noncapital', 'Nông Văn Tài', null, 'male', '020090005678', null],
    ]);
    const again = await dryRun(officer, 'members', await workbookOf(header, valid));
    expect(again.body.totals).toMatchObject({ insert: 0, update: 0, unchanged: 3 });
    const changed = valid.map((r) => [...r]);
    changed[1][7] = '5.000.000';
    const third = await dryRun(officer, 'members', await workbookOf(header, changed));
    expect(third.body.totals).toMatchObject({ insert: 0, update: 1, unchanged: 2 });
    const c3 = await officer.post(`/api/registry/imports/${third.body.jobId}/commit`, { mode: 'all' });
    expect(c3.body).toMatchObject({ inserted: 0, updated: 1 });
    const hoa = (await members()).find((m) => m.full_name === 'Lý Thị Hoa')!;
    expect(hoa).toMatchObject({ capital_paid: '5000000', version: 2 });
  });
});
