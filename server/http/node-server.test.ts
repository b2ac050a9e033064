/**
 * The application as @hono/node-server serves it (not app.request()): the request id and security headers that
 * go straight onto Node's response, the session cookie read from Node's headers, and cached reads sent as their
 * stored JSON text.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, TEST_PASSWORD } from '../test/harness.js';

let h: Harness;
let server: ReturnType<typeof serve>;
let base: string;

beforeAll(async () => {
  h = await createHarness();
  await standardUsers(h);
  await new Promise<void>((resolve) => {
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h.close();
});

const login = async () => {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username: 'padmin', password: TEST_PASSWORD }),
  });
  expect(r.status).toBe(200);
  return (r.headers.get('set-cookie') ?? '').split(';')[0];
};

describe('on node:http', () => {
  it('sends the security headers and a request id, and echoes a well-formed one', async () => {
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    // An API answer is never a page: nothing in it may load or run.
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'proxy-id-12345' } });
    expect(echoed.headers.get('x-request-id')).toBe('proxy-id-12345');
    const refused = await fetch(`${base}/api/health`, { headers: { 'x-request-id': '<bad id>' } });
    expect(refused.headers.get('x-request-id')).not.toBe('<bad id>');
    // An error answer carries them too, with the request id in the problem body.
    const missing = await fetch(`${base}/api/khong-co`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    expect((await missing.json()).requestId).toBe(missing.headers.get('x-request-id'));
  });

  it('gives pages and the API documentation the documents’ policy, and API answers the API’s', async () => {
    for (const path of ['/to-chuc', '/api/docs']) {
      const page = await fetch(`${base}${path}`);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("default-src 'none'");
      expect(page.headers.get('referrer-policy'), path).toBe('same-origin');
      expect(page.headers.get('x-frame-options'), path).toBe('DENY');
    }
    for (const path of ['/api', '/api/health', '/api/docsx', '/api/openapi.json']) {
      const answer = await fetch(`${base}${path}`);
      expect(answer.headers.get('content-security-policy'), path).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers.get('referrer-policy'), path).toBeNull();
      expect(answer.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('reads the session cookie among others and answers a cached read with the same JSON', async () => {
    const cookie = await login();
    const headers = { cookie: `theme=dark; ${cookie}; other=1` };
    const me = await fetch(`${base}/api/auth/me`, { headers });
    expect(me.status).toBe(200);
    expect((await me.json()).username).toBe('padmin');
    const first = await fetch(`${base}/api/organisations?pageSize=5`, { headers });
    const second = await fetch(`${base}/api/organisations?pageSize=5`, { headers });
    expect(second.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await second.json()).toEqual(await first.json());
    expect((await fetch(`${base}/api/auth/me`, { headers: { cookie: 'hoptac_session=sai' } })).status).toBe(
      401,
    );
    // A quoted cookie value is still the cookie (the general parse, when the plain form does not match).
    const token = cookie.split('=')[1];
    const quoted = await fetch(`${base}/api/auth/me`, { headers: { cookie: `hoptac_session="${token}"` } });
    expect(quoted.status).toBe(200);
  });

  it('audits the socket address, or the first X-Forwarded-For address, with the request id', async () => {
    const audited = async (headers: Record<string, string>) => {
      const r = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base, ...headers },
        body: JSON.stringify({ username: 'padmin', password: TEST_PASSWORD }),
      });
      expect(r.status).toBe(200);
      const rid = r.headers.get('x-request-id')!;
      const row = await h.database.db
        .selectFrom('audit_log')
        .select(['ip', 'action'])
        .where('request_id', '=', rid)
        .executeTakeFirstOrThrow();
      expect(row.action).toBe('auth.login');
      return row.ip;
    };
    expect(await audited({})).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await audited({ 'x-forwarded-for': '203.0.113.9, 10.0.0.2' })).toBe('203.0.113.9');
  });

  it('refuses a mutation without Origin, a non-JSON body, a NUL and an oversized body, as problem+json', async () => {
    const cookie = await login();
    const post = (path: string, init: RequestInit) =>
      fetch(`${base}${path}`, { method: 'POST', ...init, headers: { cookie, ...(init.headers ?? {}) } });
    const noOrigin = await post('/api/auth/password', {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await noOrigin.json()).requestId).toBe(noOrigin.headers.get('x-request-id'));
    const text = await post('/api/auth/password', {
      headers: { origin: base, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(text.status).toBe(415);
    const nul = await post('/api/auth/password', {
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'a\u0000b', newPassword: 'x' }),
    });
    expect(nul.status).toBe(400);
    expect((await nul.json()).code).toBe('request.invalid_character');
    const unknown = await post('/api/auth/password', {
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'a', newPassword: 'b', extra: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).code).toBe('validation.failed');
    expect((await fetch(`${base}/api/auth/me?x=%00`, { headers: { cookie } })).status).toBe(400);
    // Last: the server answers 413 without reading the body and closes that connection.
    const big = await post('/api/auth/password', {
      headers: { origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: 'x'.repeat(1024 * 1024), newPassword: 'y' }),
    });
    expect(big.status).toBe(413);
  });
});
