/** Member register and personal data (Law 91/2025/QH15): audited reveal, export on request, erasure. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, standardUsers, type TestClient } from '../../test/harness.js';
import { membersPath, person } from './member-test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const c: Record<string, TestClient> = {};
let lan: number;
let org: number;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const u of ['coop', 'cofficer', 'pofficer', 'padmin', 'padmin.nb']) c[u] = await h.login(u);
  lan = (await c.cofficer.post(membersPath(fx.orgOwn), person('345'))).body.member.id;
  org = (
    await c.cofficer.post(membersPath(fx.orgOwn), {
      memberType: 'official',
      fullName: 'Công ty TNHH Nông sản Xứ Lạng',
      orgCode: '4900000456',
      capitalPledged: 10_000_000,
      capitalPaid: 10_000_000,
    })
  ).body.member.id;
});
afterAll(() => h.close());

const one = (id: number, suffix = '') => `${membersPath(fx.orgOwn)}/${id}${suffix}`;
const auditOf = (id: number, action?: string) => {
  let q = h.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'member')
    .where('entity_id', '=', String(id));
  if (action) q = q.where('action', '=', action);
  return q.orderBy('id').execute();
};
const SECRETS = ['020180001345', '1980-05-12', 'Nà Lầu', 'Hoàng Thị Lan', 'Tày'];

describe('reveal', () => {
  it('returns the unmasked record and writes exactly one audit row naming the fields, not their values', async () => {
    const r = await c.coop.post(one(lan, '/reveal'));
    expect(r.status, r.text).toBe(200);
    expect(r.body.member).toMatchObject({
      idNumber: '020180001345',
      birthDate: '1980-05-12',
      address: 'Thôn Nà Lầu, xã Đồng Đăng, tỉnh Lạng Sơn',
      ethnicity: 'Tày',
      masked: false,
    });
    const rows = await auditOf(lan, 'member.reveal');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ province_id: fx.langSon, actor_name: expect.stringContaining('(coop)') });
    expect(rows[0].after).toMatchObject({
      fields: ['fullName', 'birthDate', 'gender', 'ethnicity', 'nationality', 'idNumber', 'address'],
    });
    for (const s of SECRETS) expect(JSON.stringify(rows)).not.toContain(s);
    await c.cofficer.post(one(lan, '/reveal'));
    expect(await auditOf(lan, 'member.reveal')).toHaveLength(2);
  });

  it('is hidden outside the scope (404) and needs a session (401)', async () => {
    expect((await c['padmin.nb'].post(one(lan, '/reveal'))).status).toBe(404);
    expect((await h.anonymous().req('POST', one(lan, '/reveal'), undefined, { origin: ORIGIN })).status).toBe(
      401,
    );
    expect(await auditOf(lan, 'member.reveal')).toHaveLength(2);
  });
});

describe('export on the data subject’s request', () => {
  it('JSON: the full record as a download, audited with the format', async () => {
    const r = await c.cofficer.get(one(lan, '/export?format=json'));
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="thanh-vien-${lan}.json"`);
    expect(r.body).toMatchObject({
      organisation: { id: fx.orgOwn, regCode: '4900000001' },
      member: {
        id: lan,
        fullName: 'Hoàng Thị Lan',
        idNumber: '020180001345',
        birthDate: '1980-05-12',
        capitalPledged: 50_000_000,
        joinedOn: '2021-03-01',
      },
      legalBasis: expect.stringContaining('91/2025/QH15'),
    });
    expect((await auditOf(lan, 'member.export')).map((a) => a.after)).toEqual([
      { organisationId: fx.orgOwn, format: 'json' },
    ]);
  });

  it('xlsx: one sheet with Vietnamese headers and every field; formula-like text is neutralised', async () => {
    const evil = (
      await c.cofficer.post(
        membersPath(fx.orgOwn),
        person('666', { fullName: '=HYPERLINK("http://x","y")', address: '@SUM(1), +cmd' }),
      )
    ).body.member.id;
    // Read the raw bytes (the test client decodes bodies as text).
    const res = await h.app.request(`http://localhost${one(evil, '/export?format=xlsx')}`, {
      headers: { host: 'localhost', cookie: c.cofficer.cookie! },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="thanh-vien-${evil}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('Thành viên')!;
    const rows = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n > 1) rows.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    expect([ws.getRow(1).getCell(1).value, ws.getRow(1).getCell(2).value]).toEqual(['Thông tin', 'Giá trị']);
    expect(rows.get('Số định danh cá nhân / Số hộ chiếu')).toBe('020180001666');
    expect(rows.get('Ngày sinh')).toBe('12/05/1980');
    expect(rows.get('Loại thành viên')).toBe('Thành viên chính thức');
    expect(rows.get('Giới tính')).toBe('Nữ');
    expect(rows.get('Vốn cam kết góp (đồng)')).toBe('50.000.000');
    expect(rows.get('Họ và tên / Tên tổ chức')).toBe('\'=HYPERLINK("http://x","y")');
    expect(rows.get('Địa chỉ liên hệ')).toBe("'@SUM(1), +cmd");
    expect(rows.get('Tổ chức')).toBe('Hợp tác xã Nông nghiệp Đồng Đăng');
    expect((await auditOf(evil, 'member.export')).map((a) => a.after)).toEqual([
      { organisationId: fx.orgOwn, format: 'xlsx' },
    ]);
  });

  it('needs member.reveal on the organisation (404 outside the scope)', async () => {
    expect((await c['padmin.nb'].get(one(lan, '/export'))).status).toBe(404);
  });
});

describe('erasure on request', () => {
  it('needs member.erase (403 for officers) and a reason (400)', async () => {
    expect((await c.pofficer.post(one(lan, '/erase'), { reason: 'Yêu cầu ngày 01/12/2025.' })).status).toBe(
      403,
    );
    expect((await c.coop.post(one(lan, '/erase'), { reason: 'x' })).status).toBe(403);
    const noReason = await c.padmin.post(one(lan, '/erase'), { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
  });

  it('clears personal data, keeps capital and dates, and audits the reason without the erased values', async () => {
    const r = await c.padmin.post(one(lan, '/erase'), {
      reason: 'Đơn yêu cầu xóa dữ liệu ngày 01/12/2025 của bà Lan.',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.member).toMatchObject({
      fullName: 'Đã xóa theo yêu cầu',
      birthDate: null,
      idNumber: null,
      address: null,
      ethnicity: null,
      nationality: null,
      capitalPledged: 50_000_000,
      capitalPaid: 20_000_000,
      joinedOn: '2021-03-01',
      memberType: 'official',
      erased: true,
    });
    const row = await h.database.db
      .selectFrom('member')
      .selectAll()
      .where('id', '=', lan)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: 'Đã xóa theo yêu cầu',
      id_number: null,
      birth_date: null,
      address: null,
      capital_paid: '20000000',
    });
    expect(row.erased_at).not.toBeNull();
    const erase = await auditOf(lan, 'member.erase');
    expect(erase).toHaveLength(1);
    expect(erase[0].after).toMatchObject({
      reason: 'Đơn yêu cầu xóa dữ liệu ngày 01/12/2025 của bà Lan.',
      erasedFields: ['full_name', 'birth_date', 'id_number', 'address', 'ethnicity', 'nationality'],
    });
    // No audit row of this member, before or after the erasure, keeps an erased value.
    for (const s of SECRETS) expect(JSON.stringify(await auditOf(lan))).not.toContain(s);
  });

  it('an erased member can no longer be revealed, exported, erased or given personal data (409 member.erased)', async () => {
    for (const r of [
      await c.coop.post(one(lan, '/reveal')),
      await c.coop.get(one(lan, '/export?format=xlsx')),
      await c.padmin.post(one(lan, '/erase'), { reason: 'lần hai' }),
      await c.coop.patch(one(lan, ''), { fullName: 'Hoàng Thị Lan', version: 2 }),
    ]) {
      expect(r.status, r.text).toBe(409);
      expect(r.body.code).toBe('member.erased');
    }
    expect(await auditOf(lan, 'member.reveal')).toHaveLength(2);
    const capital = await c.coop.patch(one(lan, ''), {
      capitalPaid: 50_000_000,
      leftOn: '2025-06-30',
      version: 2,
    });
    expect(capital.status, capital.text).toBe(200);
    expect(capital.body.member).toMatchObject({
      capitalPaid: 50_000_000,
      fullName: 'Đã xóa theo yêu cầu',
      erased: true,
    });
    const listed = (await c.coop.get(membersPath(fx.orgOwn))).body.items.find(
      (m: { id: number }) => m.id === lan,
    );
    expect(listed).toMatchObject({ fullName: 'Đã xóa theo yêu cầu', idNumber: null, erased: true });
  });

  it('refuses to erase an organisation member (not personal data)', async () => {
    const r = await c.padmin.post(one(org, '/erase'), { reason: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('member.not_personal');
  });
});
