/** Member register: entries, Art. 15/30/74 rules, versions, scope, masked list and the consistency hint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { membersPath, person } from './member-test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const u of ['coop', 'cofficer', 'cofficer.sibling', 'padmin.nb']) c[u] = await h.login(u);
});
afterAll(() => h.close());

const members = membersPath;
const auditOf = (id: number) =>
  h.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', 'member')
    .where('entity_id', '=', String(id))
    .orderBy('id')
    .execute();

describe('adding and editing entries', () => {
  let id: number;

  it('an officer adds a member; the answer is masked and the audit row holds no personal value', async () => {
    const r = await c.cofficer.post(members(fx.orgOwn), person('345'));
    expect(r.status, r.text).toBe(201);
    id = r.body.member.id;
    expect(r.body.member).toMatchObject({
      fullName: 'Hoàng Thị Lan',
      idNumber: '*********345',
      birthDate: '**/**/1980',
      masked: true,
      version: 1,
      capitalPaid: 20_000_000,
    });
    expect(r.body.warnings).toEqual([]);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['member.create']);
    const logged = JSON.stringify(audit);
    for (const secret of ['020180001345', '1980-05-12', 'Nà Lầu', 'Hoàng Thị Lan', 'Tày'])
      expect(logged).not.toContain(secret);
    expect(audit[0].after).toMatchObject({
      memberType: 'official',
      capitalPaid: '20000000',
      personalFieldsFilled: expect.arrayContaining(['id_number', 'address']),
    });
  });

  it('edits with the current version, 409 member.version_conflict with a stale one', async () => {
    const ok = await c.coop.patch(`${members(fx.orgOwn)}/${id}`, {
      address: 'Khối 3, phường Đông Kinh, tỉnh Lạng Sơn',
      version: 1,
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.member).toMatchObject({ version: 2, address: '***, tỉnh Lạng Sơn' });
    const stale = await c.coop.patch(`${members(fx.orgOwn)}/${id}`, { capitalPaid: 30_000_000, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'member.version_conflict', current: { version: 2 } });
    const audit = await auditOf(id);
    expect(audit.at(-1)).toMatchObject({ action: 'member.update' });
    expect(audit.at(-1)!.after).toMatchObject({ changedPersonalFields: ['address'] });
    expect(JSON.stringify(audit)).not.toContain('Đông Kinh');
  });

  it('applies the register rules with field errors', async () => {
    const bad = async (body: Record<string, unknown>) => {
      const r = await c.cofficer.post(members(fx.orgOwn), body);
      expect(r.status, r.text).toBe(400);
      return [r.body.code, r.body.errors.map((e: { path: string }) => e.path).join(',')];
    };
    expect(await bad(person('001', { idNumber: '02018000100' }))).toEqual(['member.invalid', 'idNumber']);
    expect(await bad(person('002', { capitalPaid: 60_000_000 }))).toEqual(['member.invalid', 'capitalPaid']);
    expect(await bad(person('003', { leftOn: '2020-12-31' }))).toEqual(['member.invalid', 'leftOn']);
    expect(await bad(person('004', { birthDate: '2004-01-01' }))).toEqual(['member.invalid', 'birthDate']);
    expect(await bad(person('005', { idNumber: null }))).toEqual(['member.invalid', 'idNumber']);
    expect(await bad(person('006', { cmnd: '1' }))).toEqual(['validation.failed', '']);
    expect(await bad(person('007', { birthDate: '1980-02-30' }))).toEqual(['validation.failed', 'birthDate']);
  });

  it('accepts a 16-year-old non-capital associate and a foreigner with a passport; refuses a duplicate ID', async () => {
    const young = await c.cofficer.post(members(fx.orgOwn), {
      memberType: 'associate_noncapital',
      fullName: 'Lương Văn Bình',
      birthDate: '2009-01-01',
      joinedOn: '2025-06-01',
    });
    expect(young.status, young.text).toBe(201);
    const foreign = await c.cofficer.post(
      members(fx.orgOwn),
      person('', { idNumber: 'P1234567', nationality: 'Lào', fullName: 'Souk Phommachanh' }),
    );
    expect(foreign.status, foreign.text).toBe(201);
    const dup = await c.cofficer.post(members(fx.orgOwn), person('345'));
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('member.duplicate_id');
  });

  it('warns (201) when one official member holds more than 30% of an HTX charter capital (Art. 74)', async () => {
    const r = await c.cofficer.post(
      members(fx.orgOwn),
      person('777', { capitalPledged: 400_000_000, capitalPaid: 310_000_000 }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.warnings).toEqual([
      { code: 'member.capital_share', message: expect.stringContaining('31%') },
    ]);
  });

  it('hides other organisations: 404 outside the scope, and a member of another organisation is not found', async () => {
    expect((await c['cofficer.sibling'].get(members(fx.orgOwn))).status).toBe(404);
    expect((await c['padmin.nb'].post(members(fx.orgOwn), person('888'))).status).toBe(404);
    expect((await c.coop.post(members(fx.orgSibling), person('889'))).status).toBe(404);
    const other = await c['cofficer.sibling'].patch(`${members(fx.orgSibling)}/${id}`, {
      version: 2,
      fullName: 'X',
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('member.not_found');
  });
});

describe('the list', () => {
  beforeAll(async () => {
    await c.cofficer.post(members(fx.orgOwn), {
      memberType: 'official',
      fullName: 'Hợp tác xã Dịch vụ Tân Thanh',
      orgCode: '4900000123',
      address: 'Số 8, đường Trần Đăng Ninh, tỉnh Lạng Sơn',
      capitalPledged: 100_000_000,
      capitalPaid: 100_000_000,
      joinedOn: '2022-01-10',
    });
    await c.cofficer.post(
      members(fx.orgOwn),
      person('990', { fullName: 'Nông Văn Cường', joinedOn: '2015-01-01', leftOn: '2020-06-30' }),
    );
  });

  it('masks personal data by default, shows names, leaves organisation members unmasked, and audits nothing', async () => {
    const before = await h.database.db.selectFrom('audit_log').select('id').execute();
    const r = await c.coop.get(`${members(fx.orgOwn)}?pageSize=50`);
    expect(r.status).toBe(200);
    const lan = r.body.items.find((m: { idNumber: string }) => m.idNumber === '*********345');
    expect(lan).toMatchObject({
      fullName: 'Hoàng Thị Lan',
      birthDate: '**/**/1980',
      address: '***, tỉnh Lạng Sơn',
      ethnicity: '***',
      nationality: 'Việt Nam',
      masked: true,
    });
    const org = r.body.items.find((m: { orgCode: string | null }) => m.orgCode === '4900000123');
    expect(org).toMatchObject({ address: 'Số 8, đường Trần Đăng Ninh, tỉnh Lạng Sơn', masked: false });
    expect(r.text).not.toContain('020180001345');
    expect(r.text).not.toContain('1980-05-12');
    expect(await h.database.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length);
  });

  it('searches folded names, filters by type and pages', async () => {
    const q = await c.coop.get(`${members(fx.orgOwn)}?q=hoang%20thi`);
    expect(q.body.items.map((m: { fullName: string }) => m.fullName)).toEqual([
      'Hoàng Thị Lan',
      'Hoàng Thị Lan',
    ]);
    const t = await c.coop.get(`${members(fx.orgOwn)}?type=associate_noncapital`);
    expect(t.body.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Lương Văn Bình']);
    const p = await c.coop.get(`${members(fx.orgOwn)}?pageSize=2&page=2`);
    expect(p.body.total).toBe(6);
    expect(p.body.items).toHaveLength(2);
    expect((await c.coop.get(`${members(fx.orgOwn)}?type=chinh_thuc`)).status).toBe(400);
  });

  it('returns the register count (members not yet left) beside the latest yearly report’s total', async () => {
    const before = await c.coop.get(members(fx.orgOwn));
    expect(before.body).toMatchObject({ registerCount: 5, reportedCount: null, reportedYear: null });
    await h.database.db
      .insertInto('annual_report')
      .values([
        { organisation_id: fx.orgOwn, year: 2023, period: 'year', members_total: 40 },
        { organisation_id: fx.orgOwn, year: 2024, period: 'year', members_total: 42 },
        { organisation_id: fx.orgOwn, year: 2025, period: 'h1', members_total: 99 },
      ])
      .execute();
    const after = await c.coop.get(members(fx.orgOwn));
    expect(after.body).toMatchObject({ registerCount: 5, reportedCount: 42, reportedYear: 2024 });
  });
});
