/**
 * The pieces of the per-request path that were made cheaper for the HTTP overhead goal (docs/performance.md, HTTP):
 * the remembered route matches, the service context built field by field, the remembered token hashes.
 */
import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../context.js';
import { deepFreeze } from '../db/read-cache.js';
import { SessionCache } from '../modules/auth/session-cache.js';
import { ctxOf } from './ctx.js';
import type { AppEnv } from './env.js';
import { unchangingJson } from './json.js';
import { MemoRouter } from './router.js';

describe('MemoRouter', () => {
  const app = () => {
    const a = new Hono({ router: new MemoRouter(undefined, 3) });
    a.use('/api/*', async (c, next) => {
      await next();
      c.res.headers.set('x-mw', '1');
    });
    a.get('/api/units/stats', (c) => c.text('stats'));
    a.get('/api/units/:id', (c) => c.text(`unit ${c.req.param('id')}`));
    a.get('/api/units/:id/children/:child', (c) => c.text(`${c.req.param('id')}/${c.req.param('child')}`));
    a.post('/api/units/:id', (c) => c.text(`post ${c.req.param('id')}`));
    return a;
  };

  it('answers like the default router, again and again, with each path its own parameters', async () => {
    const a = app();
    for (let round = 0; round < 3; round++) {
      for (const [method, path, body] of [
        ['GET', '/api/units/stats', 'stats'],
        ['GET', '/api/units/7', 'unit 7'],
        ['GET', '/api/units/8', 'unit 8'],
        ['GET', '/api/units/7/children/%C4%90', '7/Đ'],
        ['POST', '/api/units/9', 'post 9'],
        ['GET', '/api/units/stats', 'stats'],
      ]) {
        const r = await a.request(path, { method });
        expect(await r.text()).toBe(body);
        expect(r.headers.get('x-mw')).toBe('1');
      }
      expect((await a.request('/api/khac')).status).toBe(404);
    }
  });
});

describe('ctxOf', () => {
  const deps = {
    db: { db: 1 },
    dbKind: 'pglite',
    storage: { storage: 1 },
    config: { secureCookies: false, sessionIdleMinutes: 1, sessionAbsoluteHours: 1 },
    sessions: new SessionCache({ ttlSeconds: 0 }),
    reads: { reads: 1 },
  } as unknown as AppDeps;
  const run = async (headers?: Record<string, string>) => {
    const app = new Hono<AppEnv>();
    let seen: ReturnType<typeof ctxOf> | undefined;
    app.get('/', (c) => {
      c.set('deps', deps);
      c.set('user', null);
      c.set('requestId', 'rid-12345678');
      seen = ctxOf(c);
      return c.text('ok');
    });
    await app.request('/', { headers });
    return seen!;
  };

  it('carries every dependency, the caller and the request id', async () => {
    const ctx = await run();
    for (const [k, v] of Object.entries(deps)) expect(ctx[k as keyof typeof ctx], k).toBe(v);
    expect(ctx.requestId).toBe('rid-12345678');
    expect(ctx.user).toBeNull();
    expect(ctx.ip).toBeNull(); // app.request() has no socket
  });

  it('takes the first X-Forwarded-For address', async () => {
    expect((await run({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' })).ip).toBe('203.0.113.7');
    expect((await run({ 'x-forwarded-for': '198.51.100.2' })).ip).toBe('198.51.100.2');
  });
});

describe('SessionCache.hashOf', () => {
  const sha = (t: string) => createHash('sha256').update(t).digest('hex');
  const entry = (id: number) => ({
    user: {
      id,
      username: `u${id}`,
      fullName: `U ${id}`,
      role: 'national' as const,
      scope: {
        type: 'nation' as const,
        unitId: null,
        provinceId: null,
        communeId: null,
        organisationId: null,
      },
    },
    lastSeenAt: 0,
    expiresAt: 1e15,
  });

  it('is SHA-256, and remembers the token only while its session is cached', () => {
    const cache = new SessionCache({ ttlSeconds: 5 });
    expect(cache.hashOf('tok-a')).toBe(sha('tok-a'));
    expect(cache.tokenCount).toBe(0); // no cached session: nothing kept
    cache.remember(sha('tok-a'), entry(1), cache.generation(), 0);
    expect(cache.hashOf('tok-a')).toBe(sha('tok-a'));
    expect(cache.tokenCount).toBe(1);
    expect(cache.hashOf('tok-a')).toBe(sha('tok-a'));
    // Re-validated: still remembered; forgotten with its session.
    cache.remember(sha('tok-a'), entry(1), cache.generation(), 0);
    expect(cache.tokenCount).toBe(1);
    cache.forget(sha('tok-a'));
    expect(cache.tokenCount).toBe(0);
    expect(cache.hashOf('tok-a')).toBe(sha('tok-a'));
  });

  it('lets tokens leave with their sessions: per user, by TTL, by eviction, on clear', () => {
    const cache = new SessionCache({ ttlSeconds: 5, maxEntries: 2 });
    for (const [t, id] of [
      ['t1', 1],
      ['t2', 2],
    ] as const) {
      cache.remember(sha(t), entry(id), cache.generation(), 0);
      cache.hashOf(t);
    }
    expect(cache.tokenCount).toBe(2);
    cache.forgetUser(1);
    expect(cache.tokenCount).toBe(1);
    cache.remember(sha('t3'), entry(3), cache.generation(), 0);
    cache.hashOf('t3');
    cache.remember(sha('t4'), entry(4), cache.generation(), 0); // evicts t2
    expect(cache.tokenCount).toBe(1);
    expect(cache.lookup(sha('t3'), 10_000)).toBeUndefined(); // past its TTL
    expect(cache.tokenCount).toBe(0);
    cache.hashOf('t4');
    expect(cache.tokenCount).toBe(1);
    cache.clear();
    expect(cache.tokenCount).toBe(0);
  });

  it('keeps nothing when the cache is off', () => {
    const off = new SessionCache({ ttlSeconds: 0 });
    off.remember(sha('x'), entry(1), off.generation(), 0);
    expect(off.hashOf('x')).toBe(sha('x'));
    expect(off.tokenCount).toBe(0);
  });
});

describe('unchangingJson', () => {
  it('makes the bytes of a deep-frozen plain value once, and leaves everything else alone', () => {
    const me = deepFreeze({ name: 'Lạng Sơn', list: ['a', 1, null], nested: { ok: true } });
    const bytes = unchangingJson(me);
    expect(Buffer.from(bytes!).toString('utf8')).toBe(JSON.stringify(me));
    expect(unchangingJson(me)).toBe(bytes);
    expect(unchangingJson({ a: 1 })).toBeUndefined();
    expect(unchangingJson(Object.freeze({ a: { b: 1 } }))).toBeUndefined(); // shallow freeze only
    expect(unchangingJson(deepFreeze({ at: new Date(0) }))).toBeUndefined(); // a Date can still change
    expect(unchangingJson('text')).toBeUndefined();
    expect(unchangingJson(null)).toBeUndefined();
  });
});
