/** Sessions and login (DESIGN.md §5): cookie flags, hashed tokens, rotation, expiry, password change. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, TEST_PASSWORD, TestClient } from '../../test/harness.js';

let h: Harness;
let units: Awaited<ReturnType<typeof standardUsers>>;

beforeAll(async () => {
  h = await createHarness();
  units = await standardUsers(h);
});
afterAll(() => h.close());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (c: TestClient) => c.cookie!.slice('hoptac_session='.length);
const sessionRow = (token: string) =>
  h.database.db.selectFrom('session').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('login', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const c = h.anonymous();
    const r = await c.post('/api/auth/login', { username: 'padmin', password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hoptac_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(cookie).not.toMatch(/;\s*Secure/i); // the harness runs without TLS (secureCookies: false)
    expect(r.body.user.username).toBe('padmin');
    expect(r.text).not.toMatch(/argon2|password_hash/i);
  });

  it('stores only the SHA-256 of a 256-bit token, never the cookie value', async () => {
    const c = await h.login('pofficer');
    const token = tokenOf(c);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const row = await sessionRow(token);
    expect(row).toBeDefined();
    expect(row!.token_hash).toBe(sha256(token));
    const leaks = await h.database.db
      .selectFrom('session')
      .select('token_hash')
      .where((eb) =>
        eb.or([eb('token_hash', '=', token), eb('ip', '=', token), eb('user_agent', '=', token)]),
      )
      .execute();
    expect(leaks).toEqual([]);
  });

  it('rotates: a session cookie sent with the login is deleted', async () => {
    const c = await h.login('padmin');
    const oldToken = tokenOf(c);
    const r = await c.post('/api/auth/login', { username: 'padmin', password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    expect(tokenOf(c)).not.toBe(oldToken);
    expect(await sessionRow(oldToken)).toBeUndefined();
    expect((await new TestClient(h, `hoptac_session=${oldToken}`).get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });

  it('logout ends the session and clears the cookie', async () => {
    const c = await h.login('pofficer');
    const token = tokenOf(c);
    const r = await c.post('/api/auth/logout');
    expect(r.status).toBe(204);
    expect(r.headers.get('set-cookie')).toMatch(/hoptac_session=;.*Max-Age=0/i);
    expect(await sessionRow(token)).toBeUndefined();
    const again = await new TestClient(h, `hoptac_session=${token}`).get('/api/auth/me');
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('auth.required');
  });
});

describe('session expiry', () => {
  it('ends a session idle longer than the idle timeout (120 min) and deletes it', async () => {
    const c = await h.login('cofficer');
    await h.database.db
      .updateTable('session')
      .set({ last_seen_at: minutesAgo(121) })
      .where('token_hash', '=', sha256(tokenOf(c)))
      .execute();
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('auth.required');
    expect(await sessionRow(tokenOf(c))).toBeUndefined();
  });

  it('keeps a session used within the idle timeout and slides it', async () => {
    const c = await h.login('cofficer');
    const before = minutesAgo(119);
    await h.database.db
      .updateTable('session')
      .set({ last_seen_at: before })
      .where('token_hash', '=', sha256(tokenOf(c)))
      .execute();
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const row = await sessionRow(tokenOf(c));
    expect(new Date(row!.last_seen_at).getTime()).toBeGreaterThan(before.getTime() + 60 * 60_000);
  });

  it('ends a session past its absolute expiry even when recently used', async () => {
    const c = await h.login('coop');
    await h.database.db
      .updateTable('session')
      .set({ expires_at: minutesAgo(1), last_seen_at: new Date() })
      .where('token_hash', '=', sha256(tokenOf(c)))
      .execute();
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('sets the absolute expiry 12 hours after login', async () => {
    const c = await h.login('coop');
    const row = await sessionRow(tokenOf(c));
    const hours = (new Date(row!.expires_at).getTime() - new Date(row!.created_at).getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(12);
  });
});

describe('deactivation', () => {
  it("a deactivated user's sessions stop working immediately", async () => {
    const id = await h.createUser({ username: 'auth.deact', role: 'commune_officer', unitId: units.sibling });
    const victim = await h.login('auth.deact');
    expect((await victim.get('/api/auth/me')).status).toBe(200);
    const admin = await h.login('padmin');
    expect((await admin.post(`/api/users/${id}/deactivate`)).status).toBe(200);
    expect((await victim.get('/api/auth/me')).status).toBe(401);
    expect(
      await h.database.db.selectFrom('session').select('token_hash').where('user_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('a session of an account flagged inactive is refused even if it still exists', async () => {
    const id = await h.createUser({ username: 'auth.flag', role: 'commune_officer', unitId: units.sibling });
    const c = await h.login('auth.flag');
    await h.database.db.updateTable('app_user').set({ active: false }).where('id', '=', id).execute();
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('change own password', () => {
  it('checks the current password and the policy, then ends the other sessions', async () => {
    await h.createUser({ username: 'auth.pw', role: 'province_officer', unitId: units.langSon });
    const c1 = await h.login('auth.pw');
    const c2 = await h.login('auth.pw');
    const wrong = await c1.post('/api/auth/password', {
      currentPassword: 'khong-dung-1234',
      newPassword: 'Mat-khau-moi-2025',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('auth.wrong_current_password');
    const weak = await c1.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('auth.weak_password');
    expect(weak.body.errors[0].path).toBe('newPassword');
    expect((await c2.get('/api/auth/me')).status).toBe(200); // failed attempts change nothing

    const ok = await c1.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mat-khau-moi-2025',
    });
    expect(ok.status).toBe(204);
    expect((await c1.get('/api/auth/me')).status).toBe(200);
    expect((await c2.get('/api/auth/me')).status).toBe(401);
    const old = await h.anonymous().post('/api/auth/login', { username: 'auth.pw', password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    expect(
      (await h.anonymous().post('/api/auth/login', { username: 'auth.pw', password: 'Mat-khau-moi-2025' }))
        .status,
    ).toBe(200);
  });

  it('needs a session', async () => {
    const r = await h
      .anonymous()
      .post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Mat-khau-moi-2025' });
    expect(r.status).toBe(401);
  });
});

describe('/api/auth/me', () => {
  it('labels the province admin with its department of finance', async () => {
    const r = await (await h.login('padmin')).get('/api/auth/me');
    expect(r.status).toBe(200);
    expect(r.body.scope).toMatchObject({
      type: 'province',
      unitId: units.langSon,
      unitCode: '20',
      label: 'Sở Tài chính tỉnh Lạng Sơn',
    });
    expect(r.body.permissions).toContain('user.manage');
    expect(r.body.assignableRoles).not.toContain('national');
  });

  it('labels the commune officer with its commune and province', async () => {
    const r = await (await h.login('cofficer')).get('/api/auth/me');
    expect(r.status).toBe(200);
    expect(r.body.scope).toMatchObject({
      type: 'commune',
      unitId: units.dongDang,
      label: 'UBND Xã Đồng Đăng, tỉnh Lạng Sơn',
    });
    expect(r.body.permissions).not.toContain('user.read');
    expect(r.body.assignableRoles).toEqual([]);
  });
});
