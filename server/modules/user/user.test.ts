/** User administration by province admins: scope, roles, passwords, activation, optimistic locking. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  standardUsers,
  TEST_PASSWORD,
  type TestClient,
} from '../../test/harness.js';

let h: Harness;
let units: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;

beforeAll(async () => {
  h = await createHarness();
  units = await standardUsers(h);
  padmin = await h.login('padmin');
});
afterAll(() => h.close());

const officer = (username: string, scopeUnitId: number, extra: Record<string, unknown> = {}) => ({
  username,
  fullName: `Nguyễn Thị ${username}`,
  role: 'commune_officer',
  scopeUnitId,
  password: TEST_PASSWORD,
  ...extra,
});
const loginStatus = async (username: string, password: string) =>
  (await h.anonymous().post('/api/auth/login', { username, password })).status;

describe('creating users', () => {
  it('a province admin creates a commune officer in its province, with one audit row', async () => {
    const r = await padmin.post('/api/users', officer('Xa.DongDang.01', units.dongDang));
    expect(r.status, r.text).toBe(201);
    expect(r.body.user).toMatchObject({
      username: 'xa.dongdang.01',
      role: 'commune_officer',
      scopeUnitId: units.dongDang,
      active: true,
      version: 1,
      scopeLabel: 'Xã Đồng Đăng',
      roleLabel: 'Cán bộ cấp xã',
    });
    expect(r.body.user).not.toHaveProperty('password');
    expect(r.text).not.toMatch(/argon2/);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(r.body.user.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.create', province_id: units.langSon });
  });

  it('the created officer logs in and sees only its province', async () => {
    const c = await h.login('xa.dongdang.01');
    const provinces = await c.get('/api/units');
    expect(provinces.status).toBe(200);
    expect(provinces.body.items.map((u: { id: number }) => u.id)).toEqual([units.langSon]);
    expect((await c.get(`/api/units/${units.dongDang}`)).status).toBe(200);
    expect((await c.get(`/api/units/${units.ninhBinh}`)).status).toBe(404);
    const search = await c.get('/api/units/search?q=ninh%20binh&limit=50');
    expect(search.status).toBe(200);
    expect(search.body.items).toEqual([]);
  });

  it('refuses a unit in another province with 400 user.scope_outside', async () => {
    const r = await padmin.post('/api/users', officer('ngoai.tinh', units.otherCommune));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('user.scope_outside');
    expect(r.body.errors[0].path).toBe('scopeUnitId');
  });

  it('refuses to create a national user with 403', async () => {
    const r = await padmin.post('/api/users', {
      ...officer('trung.uong', units.langSon),
      role: 'national',
      scopeUnitId: null,
    });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('forbidden');
  });

  it('refuses a duplicate username with 409', async () => {
    const r = await padmin.post('/api/users', officer('cofficer', units.dongDang));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('user.username_taken');
  });

  it('refuses a role that does not fit the unit with 400', async () => {
    const provinceRoleOnCommune = await padmin.post('/api/users', {
      ...officer('sai.cap.1', units.dongDang),
      role: 'province_officer',
    });
    expect(provinceRoleOnCommune.status).toBe(400);
    expect(provinceRoleOnCommune.body.code).toBe('user.scope_mismatch');
    const communeRoleOnProvince = await padmin.post('/api/users', officer('sai.cap.2', units.langSon));
    expect(communeRoleOnProvince.status).toBe(400);
    expect(communeRoleOnProvince.body.code).toBe('user.scope_mismatch');
    const noScope = await padmin.post(
      '/api/users',
      officer('sai.cap.3', units.langSon, { scopeUnitId: null }),
    );
    expect(noScope.status).toBe(400);
    expect(noScope.body.code).toBe('user.scope_required');
    const created = await h.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', 'like', 'sai.cap.%')
      .execute();
    expect(created).toEqual([]);
  });

  it('binds a cooperative user only to an existing organisation of its commune', async () => {
    const coop = (username: string, organisationId: number) => ({
      username,
      fullName: 'Xã viên HTX',
      role: 'coop_user',
      scopeUnitId: units.dongDang,
      organisationId,
      password: TEST_PASSWORD,
    });
    for (const [name, org] of [
      ['htx.ngoai', units.orgOther],
      ['htx.lang.gieng', units.orgSibling],
      ['htx.khong.co', 999_999],
    ] as const) {
      const r = await padmin.post('/api/users', coop(name, org));
      expect(r.status, `${name}: ${r.text}`).toBe(400);
      expect(r.body.code).toBe('user.organisation_mismatch');
    }
    const ok = await padmin.post('/api/users', coop('htx.dong.dang', units.orgOwn));
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.user.organisationId).toBe(units.orgOwn);
  });

  it('a province officer can list users but not create them', async () => {
    const c = await h.login('pofficer');
    const list = await c.get('/api/users');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThan(0);
    const r = await c.post('/api/users', officer('boi.pofficer', units.dongDang));
    expect(r.status).toBe(403);
  });
});

describe('listing', () => {
  it('is scoped: the Ninh Bình admin does not see Lạng Sơn users, the Lạng Sơn admin not Ninh Bình', async () => {
    const nb = await (await h.login('padmin.nb')).get('/api/users?pageSize=200');
    expect(nb.status).toBe(200);
    const nbNames = nb.body.items.map((u: { username: string }) => u.username);
    expect(nbNames).toEqual(expect.arrayContaining(['padmin.nb', 'cofficer.nb']));
    for (const n of ['padmin', 'pofficer', 'cofficer', 'xa.dongdang.01', 'national'])
      expect(nbNames).not.toContain(n);
    expect(nb.body.total).toBe(nb.body.items.length);

    const ls = await padmin.get('/api/users?pageSize=200');
    const lsNames = ls.body.items.map((u: { username: string }) => u.username);
    expect(lsNames).toEqual(
      expect.arrayContaining([
        'padmin',
        'pofficer',
        'cofficer',
        'coop',
        'cofficer.sibling',
        'xa.dongdang.01',
      ]),
    );
    for (const n of ['padmin.nb', 'cofficer.nb', 'national']) expect(lsNames).not.toContain(n);
  });

  it("hides another province's user by id with 404", async () => {
    const id = (
      await h.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'cofficer.nb')
        .executeTakeFirstOrThrow()
    ).id;
    expect((await padmin.get(`/api/users/${id}`)).status).toBe(404);
    expect((await padmin.patch(`/api/users/${id}`, { fullName: 'X', version: 1 })).status).toBe(404);
  });
});

describe('passwords and activation', () => {
  let id: number;
  beforeAll(async () => {
    const r = await padmin.post('/api/users', officer('xa.matkhau', units.sibling));
    expect(r.status).toBe(201);
    id = r.body.user.id;
  });

  it('reset password returns a temporary password that works; the old one does not', async () => {
    const session = await h.login('xa.matkhau');
    const r = await padmin.post(`/api/users/${id}/reset-password`);
    expect(r.status).toBe(200);
    expect(r.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{14}$/);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect(await loginStatus('xa.matkhau', TEST_PASSWORD)).toBe(401);
    expect(await loginStatus('xa.matkhau', r.body.temporaryPassword)).toBe(200);
  });

  it('deactivate blocks login with 403 auth.account_disabled; activate restores it', async () => {
    const temp = (await padmin.post(`/api/users/${id}/reset-password`)).body.temporaryPassword;
    const off = await padmin.post(`/api/users/${id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.user.active).toBe(false);
    const blocked = await h.anonymous().post('/api/auth/login', { username: 'xa.matkhau', password: temp });
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.account_disabled');
    const on = await padmin.post(`/api/users/${id}/activate`);
    expect(on.status).toBe(200);
    expect(on.body.user.active).toBe(true);
    expect(await loginStatus('xa.matkhau', temp)).toBe(200);
  });

  it('an admin cannot deactivate itself', async () => {
    const self = (await padmin.get('/api/auth/me')).body.id;
    const r = await padmin.post(`/api/users/${self}/deactivate`);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('user.self_deactivate');
  });
});

describe('editing', () => {
  it('a stale version answers 409 user.version_conflict with the current user', async () => {
    const created = await padmin.post('/api/users', officer('xa.phienban', units.dongDang));
    const id = created.body.user.id;
    const first = await padmin.patch(`/api/users/${id}`, { fullName: 'Lần sửa thứ nhất', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.user.version).toBe(2);
    const stale = await padmin.patch(`/api/users/${id}`, { fullName: 'Lần sửa cũ', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('user.version_conflict');
    expect(stale.body.current).toMatchObject({ id, fullName: 'Lần sửa thứ nhất', version: 2 });
    const now = await padmin.get(`/api/users/${id}`);
    expect(now.body.user.fullName).toBe('Lần sửa thứ nhất');
  });

  it('an out-of-range version answers 400, not 500', async () => {
    const id = (
      await h.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'xa.phienban')
        .executeTakeFirstOrThrow()
    ).id;
    const r = await padmin.patch(`/api/users/${id}`, { fullName: 'X', version: 2 ** 40 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('validation.failed');
  });

  it('moving a user to another province is refused', async () => {
    const id = (
      await h.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'xa.phienban')
        .executeTakeFirstOrThrow()
    ).id;
    const v = (await padmin.get(`/api/users/${id}`)).body.user.version;
    const r = await padmin.patch(`/api/users/${id}`, { scopeUnitId: units.otherCommune, version: v });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('user.scope_outside');
  });
});
