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
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
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
  });
});
