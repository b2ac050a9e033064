/**
 * Bad input never yields a 500 or a stack trace (DESIGN.md §5): each case answers a stable
 * application/problem+json code with a Vietnamese detail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  standardUsers,
  TEST_PASSWORD,
  type TestResponse,
} from '../test/harness.js';

let h: Harness;
let units: Awaited<ReturnType<typeof standardUsers>>;
const errors: TestResponse[] = [];

beforeAll(async () => {
  h = await createHarness();
  units = await standardUsers(h);
});
afterAll(() => h.close());

/** Asserts the problem+json shape of an error and keeps it for the final no-stack-trace sweep. */
function expectProblem(r: TestResponse, status: number, code: string) {
  errors.push(r);
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.body.code).toBe(code);
  expect(r.body.status).toBe(status);
  expect(typeof r.body.detail).toBe('string');
  expect(r.body.detail.length).toBeGreaterThan(0);
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('login errors', () => {
  it('a wrong password answers 401 auth.invalid_credentials in Vietnamese', async () => {
    const r = await h
      .anonymous()
      .post('/api/auth/login', { username: 'padmin', password: 'sai-mat-khau-123' });
    expectProblem(r, 401, 'auth.invalid_credentials');
    expect(r.body.detail).toMatch(VIETNAMESE);
  });

  it('an unknown user gets the same answer as a wrong password (no user enumeration)', async () => {
    const wrong = await h
      .anonymous()
      .post('/api/auth/login', { username: 'pofficer', password: 'sai-mat-khau-123' });
    const unknown = await h
      .anonymous()
      .post('/api/auth/login', { username: 'khong.ton.tai', password: 'sai-mat-khau-123' });
    expectProblem(unknown, 401, 'auth.invalid_credentials');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect(unknown.body.title).toBe(wrong.body.title);
  });

  it('after 5 wrong passwords the 6th attempt is throttled even with the right password', async () => {
    await h.createUser({ username: 'throttled', role: 'province_officer', unitId: units.langSon });
    for (let i = 0; i < 5; i++) {
      expectProblem(
        await h.anonymous().post('/api/auth/login', { username: 'throttled', password: `sai-${i}-mat-khau` }),
        401,
        'auth.invalid_credentials',
      );
    }
    const r = await h.anonymous().post('/api/auth/login', { username: 'throttled', password: TEST_PASSWORD });
    expectProblem(r, 429, 'auth.throttled');
    expect(r.body.detail).toMatch(VIETNAMESE);
    expect(r.headers.get('set-cookie')).toBeNull();
    // Another account from the same client is not locked out by it.
    expect(
      (await h.anonymous().post('/api/auth/login', { username: 'padmin', password: TEST_PASSWORD })).status,
    ).toBe(200);
  });
});

describe('sessions and CSRF', () => {
  it('an expired session answers 401 auth.required', async () => {
    const c = await h.login('pofficer');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await h.database.db
      .updateTable('session')
      .set({ expires_at: new Date(Date.now() - 60_000), last_seen_at: new Date(Date.now() - 13 * 3_600_000) })
      .where(
        'user_id',
        '=',
        (
          await h.database.db
            .selectFrom('app_user')
            .select('id')
            .where('username', '=', 'pofficer')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .execute();
    expectProblem(await c.get('/api/auth/me'), 401, 'auth.required');
  });

  it('a mutation without Origin is refused with 403 csrf.origin_missing', async () => {
    const c = await h.login('padmin');
    const r = await c.req(
      'POST',
      '/api/users',
      {
        username: 'khong.origin',
        fullName: 'X',
        role: 'province_officer',
        scopeUnitId: units.langSon,
        password: TEST_PASSWORD,
      },
      { origin: null },
    );
    expectProblem(r, 403, 'csrf.origin_missing');
    expect(
      await h.database.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', 'khong.origin')
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('a mutation from a foreign Origin is refused with 403 csrf.origin_mismatch', async () => {
    const c = await h.login('padmin');
    const r = await c.req('POST', '/api/auth/logout', undefined, { origin: 'https://attacker.example' });
    expectProblem(r, 403, 'csrf.origin_mismatch');
    expect((await c.get('/api/auth/me')).status).toBe(200);
  });
});

describe('malformed requests', () => {
  it('a 10 MB JSON body answers 413 request.too_large', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(10 * 1024 * 1024), password: 'x' });
    const r = await h.anonymous().req('POST', '/api/auth/login', undefined, {
      raw: big,
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(r, 413, 'request.too_large');
  });

  it('an unknown field answers 400 validation.failed naming the field', async () => {
    const r = await h
      .anonymous()
      .post('/api/auth/login', { username: 'padmin', password: TEST_PASSWORD, laAdmin: true });
    expectProblem(r, 400, 'validation.failed');
    expect(Array.isArray(r.body.errors)).toBe(true);
    expect(
      r.body.errors.map((e: { path: string; message: string }) => `${e.path} ${e.message}`).join('\n'),
    ).toContain('laAdmin');
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('malformed JSON answers 400 request.malformed', async () => {
    const r = await h.anonymous().req('POST', '/api/auth/login', undefined, {
      raw: '{"username": "padmin", ',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(r, 400, 'request.malformed');
    expect(r.body.detail).toMatch(VIETNAMESE);
  });

  it('a non-JSON content type on a mutation answers 415', async () => {
    const r = await h.anonymous().req('POST', '/api/auth/login', undefined, {
      raw: `username=padmin&password=${TEST_PASSWORD}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(r, 415, 'request.unsupported_media_type');
    expect(r.headers.get('set-cookie')).toBeNull();
  });

  it('a NUL character in a JSON body or a query answers 400, not 500', async () => {
    const admin = await h.login('padmin');
    const user = {
      username: 'nul.test',
      fullName: 'Nguyễn\u0000Văn',
      role: 'commune_officer',
      scopeUnitId: units.dongDang,
      password: TEST_PASSWORD,
    };
    expectProblem(await admin.post('/api/users', user), 400, 'request.invalid_character');
    expectProblem(
      await h.anonymous().post('/api/auth/login', { username: 'padmin\u0000', password: 'x' }),
      400,
      'request.invalid_character',
    );
    expectProblem(await admin.get('/api/audit?entityType=%00'), 400, 'request.invalid_character');
    expectProblem(await admin.get('/api/users?q=a%00b'), 400, 'request.invalid_character');
    expect((await admin.post('/api/users', { ...user, fullName: 'Nguyễn Văn' })).status).toBe(201);
  });

  it('an unknown unit code answers 404 unit.code_not_found', async () => {
    const r = await (await h.login('national')).get('/api/units/resolve?code=99999');
    expectProblem(r, 404, 'unit.code_not_found');
    expect(r.body.detail).toContain('99999');
  });

  it('a non-numeric id answers 400, not 404 or 500', async () => {
    const r = await (await h.login('national')).get('/api/units/abc');
    expectProblem(r, 400, 'validation.failed');
    expect(r.body.errors.some((e: { path: string }) => e.path === 'id')).toBe(true);
  });

  it('an unknown API path answers 404 route.not_found', async () => {
    expectProblem(await (await h.login('national')).get('/api/khong-co'), 404, 'route.not_found');
  });
});

describe('data and scope', () => {
  it('a script tag in a full name is stored and returned verbatim as JSON text', async () => {
    const name = '<script>alert("xss")</script> Nguyễn Văn A';
    const admin = await h.login('padmin');
    const created = await admin.post('/api/users', {
      username: 'xss.test',
      fullName: name,
      role: 'commune_officer',
      scopeUnitId: units.dongDang,
      password: TEST_PASSWORD,
    });
    expect(created.status, created.text).toBe(201);
    const stored = await h.database.db
      .selectFrom('app_user')
      .select('full_name')
      .where('id', '=', created.body.user.id)
      .executeTakeFirstOrThrow();
    expect(stored.full_name).toBe(name);
    const r = await admin.get(`/api/users/${created.body.user.id}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.body.user.fullName).toBe(name);
    expect(r.text).toContain('<script>alert(\\"xss\\")</script>');
  });

  it("a commune officer asking for another province's unit by id gets 404", async () => {
    const c = await h.login('cofficer');
    expectProblem(await c.get(`/api/units/${units.ninhBinh}`), 404, 'not_found');
    expectProblem(await c.get(`/api/units/${units.otherCommune}`), 404, 'not_found');
    expect((await c.get(`/api/units/${units.sibling}`)).status).toBe(200);
  });
});

describe('error bodies', () => {
  it('every error above is problem+json with code, detail and status, and no stack trace', () => {
    expect(errors.length).toBeGreaterThanOrEqual(15);
    for (const r of errors) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Object.keys(r.body)).toEqual(
        expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']),
      );
      expect(r.body).not.toHaveProperty('stack');
      expect(r.text).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
      expect(r.text).not.toMatch(/node_modules|Error:/);
      expect(r.status).toBeLessThan(500);
    }
  });

  it('errors carry the request id also echoed in X-Request-Id', async () => {
    const r = await h
      .anonymous()
      .req('GET', '/api/auth/me', undefined, { headers: { 'x-request-id': 'bad-input-req-0001' } });
    expectProblem(r, 401, 'auth.required');
    expect(r.body.requestId).toBe('bad-input-req-0001');
    expect(r.headers.get('x-request-id')).toBe('bad-input-req-0001');
  });
});
