/**
 * The fast lane (fast-lane.ts) on a real node:http server: what it answers, that it answers exactly what the full
 * path answers, and every change that must send a request back to the full path.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fastLaneOf } from '../app.js';
import { ReadCache } from '../db/read-cache.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../test/harness.js';
import type { FastLane } from './fast-lane.js';
import { fastLaneServer } from './fast-lane.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const servers: ReturnType<typeof serve>[] = [];

/** A node:http server of a new application on the harness's database, caches and change counter. */
async function start(deps = h.deps): Promise<{ base: string; lane: FastLane }> {
  const app = createApp(deps, { webDist: null, changes: h.database.changes });
  const lane = fastLaneOf(app) as FastLane;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer: fastLaneServer(lane) },
      () => resolve(s),
    );
  });
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, lane };
}

let base: string;
let lane: FastLane;

beforeAll(async () => {
  // The session cache on, as a server runs it: the lane answers only for sessions the cache holds.
  h = await createHarness({ sessionCacheSeconds: 60 });
  fx = await standardUsers(h);
  ({ base, lane } = await start());
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
  await h.close();
});

const signIn = async (username: string) => (await h.login(username)).cookie as string;
const get = (path: string, cookie: string | null, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}${path}`, { method, headers: { ...(cookie ? { cookie } : {}), ...headers } });

/** The response's headers, less the ones that differ between any two responses. */
const headersOf = (r: Response) =>
  [...r.headers.entries()].filter(([k]) => k !== 'x-request-id' && k !== 'date').sort();

/** Requests the path twice: the first is answered by the full path (or the lane), the second by the lane. */
async function recordThenServe(path: string, cookie: string, headers: Record<string, string> = {}) {
  const full = await get(path, cookie, headers);
  const served = lane.served;
  const laned = await get(path, cookie, headers);
  expect(lane.served).toBe(served + 1);
  return { full, laned };
}

describe('the fast lane', () => {
  it('answers the second identical signed-in GET with the full path’s status, headers and body', async () => {
    const cookie = await signIn('padmin');
    const served = lane.served;
    const first = await get('/api/auth/me', cookie);
    expect(lane.served).toBe(served);
    const second = await get('/api/auth/me', cookie);
    expect(lane.served).toBe(served + 1);
    expect(second.status).toBe(first.status);
    expect(second.status).toBe(200);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(headersOf(second).map(([k]) => k)).toEqual(
      expect.arrayContaining([
        'content-security-policy',
        'x-frame-options',
        'content-type',
        'content-length',
      ]),
    );
    const body = await second.text();
    expect(body).toBe(await first.text());
    expect(JSON.parse(body).username).toBe('padmin');
    // A fresh request id each time, or the caller's own when well-formed.
    expect(second.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    const echoed = await get('/api/auth/me', cookie, { 'x-request-id': 'proxy-id-12345' });
    expect(lane.served).toBe(served + 2);
    expect(echoed.headers.get('x-request-id')).toBe('proxy-id-12345');
    const refused = await get('/api/auth/me', cookie, { 'x-request-id': '<bad id>' });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a cached read (organisation list) as the full path does', async () => {
    const cookie = await signIn('padmin');
    const { full, laned } = await recordThenServe('/api/organisations?pageSize=5', cookie);
    expect(headersOf(laned)).toEqual(headersOf(full));
    expect(await laned.text()).toBe(await full.text());
  });

  it('recomputes after any committed write', async () => {
    const cookie = await signIn('padmin');
    await recordThenServe('/api/auth/me', cookie);
    // A failed login is an audited write that changes nothing /me shows: only the data version moves.
    expect(
      (await h.anonymous().post('/api/auth/login', { username: 'padmin', password: 'sai' })).status,
    ).toBe(401);
    const served = lane.served;
    const after = await get('/api/auth/me', cookie);
    expect(after.status).toBe(200);
    expect(lane.served).toBe(served);
    await get('/api/auth/me', cookie);
    expect(lane.served).toBe(served + 1);
  });

  it('shows a changed name at once, and stops answering for a user whose role changed', async () => {
    const admin = await h.login('padmin');
    const cookie = await signIn('pofficer');
    await recordThenServe('/api/auth/me', cookie);
    const id = (await (await get('/api/auth/me', cookie)).json()).id as number;
    const version = async () => (await admin.get(`/api/users/${id}`)).body.user.version as number;
    let r = await admin.patch(`/api/users/${id}`, {
      fullName: 'Tên mới của cán bộ',
      version: await version(),
    });
    expect(r.status).toBe(200);
    const served = lane.served;
    const renamed = await get('/api/auth/me', cookie);
    expect((await renamed.json()).fullName).toBe('Tên mới của cán bộ');
    expect(lane.served).toBe(served);
    await recordThenServe('/api/auth/me', cookie);
    r = await admin.patch(`/api/users/${id}`, { role: 'province_admin', version: await version() });
    expect(r.status).toBe(200);
    const before = lane.served;
    expect((await get('/api/auth/me', cookie)).status).toBe(401);
    expect((await get('/api/auth/me', cookie)).status).toBe(401);
    expect(lane.served).toBe(before);
  });

  it('stops answering after logout', async () => {
    const client = await h.login('cofficer');
    const cookie = client.cookie as string;
    await recordThenServe('/api/auth/me', cookie);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const served = lane.served;
    expect((await get('/api/auth/me', cookie)).status).toBe(401);
    expect(lane.served).toBe(served);
  });

  /** The cached session (as the session cache holds it) and its row, for moving its clock back. */
  async function ageSession(cookie: string, f: { lastSeenAt?: number; expiresAt?: number }) {
    const hash = h.deps.sessions.hashOf(cookie.split('=')[1]);
    const cached = h.deps.sessions.lookup(hash, Date.now());
    expect(cached).toBeDefined();
    if (f.lastSeenAt !== undefined && cached) cached.lastSeenAt = f.lastSeenAt;
    if (f.expiresAt !== undefined && cached) cached.expiresAt = f.expiresAt;
    await h.database.db
      .updateTable('session')
      .set({
        ...(f.lastSeenAt !== undefined ? { last_seen_at: new Date(f.lastSeenAt) } : {}),
        ...(f.expiresAt !== undefined ? { expires_at: new Date(f.expiresAt) } : {}),
      })
      .where('token_hash', '=', hash)
      .execute();
    return hash;
  }

  it('stops answering a session past its absolute expiry or its idle timeout', async () => {
    const expired = await signIn('national');
    await recordThenServe('/api/auth/me', expired);
    await ageSession(expired, { expiresAt: Date.now() - 1000 });
    let served = lane.served;
    expect((await get('/api/auth/me', expired)).status).toBe(401);
    expect(lane.served).toBe(served);

    const idle = await signIn('national');
    await recordThenServe('/api/auth/me', idle);
    await ageSession(idle, { lastSeenAt: Date.now() - (120 * 60_000 + 1000) });
    served = lane.served;
    expect((await get('/api/auth/me', idle)).status).toBe(401);
    expect(lane.served).toBe(served);
  });

  it('leaves a request whose session is due to be marked as seen to the full path, which marks it', async () => {
    const cookie = await signIn('pofficer');
    await recordThenServe('/api/auth/me', cookie);
    const hash = await ageSession(cookie, { lastSeenAt: Date.now() - 61_000 });
    const served = lane.served;
    expect((await get('/api/auth/me', cookie)).status).toBe(200);
    expect(lane.served).toBe(served);
    const row = await h.database.db
      .selectFrom('session')
      .select('last_seen_at')
      .where('token_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(Date.now() - new Date(row.last_seen_at).getTime()).toBeLessThan(30_000);
    await get('/api/auth/me', cookie);
    expect(lane.served).toBe(served + 1);
  });

  it('never gives one user’s answer to another, nor confuses query strings or languages', async () => {
    const a = await signIn('padmin');
    const b = await signIn('cofficer');
    await recordThenServe('/api/auth/me', a);
    let served = lane.served;
    const other = await get('/api/auth/me', b);
    expect(lane.served).toBe(served);
    expect((await other.json()).username).toBe('cofficer');
    expect((await (await get('/api/auth/me', b)).json()).username).toBe('cofficer');
    expect(lane.served).toBe(served + 1);
    expect((await (await get('/api/auth/me', a)).json()).username).toBe('padmin');

    await recordThenServe('/api/organisations?pageSize=5', a);
    served = lane.served;
    const six = await get('/api/organisations?pageSize=1', a);
    expect(lane.served).toBe(served);
    expect((await six.json()).items).toHaveLength(1);
    await recordThenServe('/api/auth/me', a, { 'accept-language': 'vi' });
    served = lane.served;
    await get('/api/auth/me', a, { 'accept-language': 'en' });
    expect(lane.served).toBe(served);
  });

  it('leaves anything unusual to the full path: HEAD, conditional headers, other cookies, no session', async () => {
    const cookie = await signIn('padmin');
    await recordThenServe('/api/auth/me', cookie);
    const served = lane.served;
    expect((await get('/api/auth/me', cookie, {}, 'HEAD')).status).toBe(200);
    expect((await get('/api/auth/me', cookie, { 'if-none-match': '"x"' })).status).toBe(200);
    // Our cookie quoted: the full path's general cookie parse reads it, the lane does not try.
    expect((await get('/api/auth/me', `hoptac_session="${cookie.split('=')[1]}"`)).status).toBe(200);
    expect((await get('/api/auth/me', null)).status).toBe(401);
    expect((await get('/api/auth/me', 'hoptac_session=sai')).status).toBe(401);
    expect(lane.served).toBe(served);
  });

  it('never answers a personal-data export, which is audited every time', async () => {
    const client = await h.login('cofficer');
    const cookie = client.cookie as string;
    const path = `/api/organisations/${fx.orgOwn}/members`;
    const created = await client.post(path, {
      memberType: 'official',
      fullName: 'Hoàng Thị Lan',
      birthDate: '1980-05-12',
      gender: 'female',
      ethnicity: 'Tày',
      nationality: 'Việt Nam',
      idNumber: '020180001777',
      address: 'Thôn Nà Lầu, xã Đồng Đăng, tỉnh Lạng Sơn',
      capitalPledged: 50_000_000,
      capitalPaid: 20_000_000,
      joinedOn: '2021-03-01',
    });
    expect(created.status).toBe(201);
    const memberId = created.body.member.id as number;
    const exports = () =>
      h.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'member.export')
        .where('entity_id', '=', String(memberId))
        .execute();
    const served = lane.served;
    for (let i = 0; i < 3; i++) {
      const r = await get(`${path}/${memberId}/export?format=json`, cookie);
      expect(r.status).toBe(200);
      expect(await r.text()).toContain('020180001777');
    }
    expect(lane.served).toBe(served);
    expect(await exports()).toHaveLength(3);
  });

  it('keeps at most READ_CACHE_ENTRIES answers, dropping the least recently used first', async () => {
    const small = await start({ ...h.deps, reads: new ReadCache(h.database.changes, 3) });
    const cookie = await signIn('padmin');
    const page = async (n: number) => {
      const r = await fetch(`${small.base}/api/organisations?pageSize=${n}`, { headers: { cookie } });
      expect(r.status).toBe(200);
      expect((await r.json()).items.length).toBeLessThanOrEqual(n);
    };
    for (const n of [1, 2, 3]) await page(n);
    expect(small.lane.size).toBe(3);
    let served = small.lane.served;
    await page(1); // from the lane: page 1 is now the most recently used
    expect(small.lane.served).toBe(served + 1);
    // A fourth answer: a tenth of the room is freed, so pages 2 and 3, the least recently used, go.
    await page(4);
    expect(small.lane.size).toBe(2);
    served = small.lane.served;
    await page(1);
    await page(4);
    expect(small.lane.served).toBe(served + 2);
    await page(2);
    expect(small.lane.served).toBe(served + 2);
  });

  it('is off when READ_CACHE_ENTRIES=0 or the session cache is off', async () => {
    const off = await start({ ...h.deps, reads: new ReadCache(h.database.changes, 0) });
    expect(off.lane.enabled).toBe(false);
    const cookie = await signIn('padmin');
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${off.base}/api/auth/me`, { headers: { cookie } })).status).toBe(200);
    expect(off.lane.served).toBe(0);
    expect(off.lane.size).toBe(0);
    const { SessionCache } = await import('../modules/auth/session-cache.js');
    const noSessions = await start({ ...h.deps, sessions: new SessionCache({ ttlSeconds: 0 }) });
    expect(noSessions.lane.enabled).toBe(false);
  });
});

describe('a client', () => {
  it('uses the in-process app as usual (no lane there)', async () => {
    const c: TestClient = await h.login('padmin');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect(fastLaneOf(h.app)).toBeUndefined();
  });
});
