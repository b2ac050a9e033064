import { rmSync } from 'node:fs';
import type { Role } from '../../core/permissions.js';
import { organisationNameKey, vietnameseSortKey } from '../../core/text.js';
import { createApp } from '../app.js';
import type { AppDeps } from '../context.js';
import type { Database } from '../db/database.js';
import { ReadCache } from '../db/read-cache.js';
import { DirectoryStorage } from '../modules/attachment/file-storage.js';
import { hashPassword } from '../modules/auth/password.js';
import { SessionCache } from '../modules/auth/session-cache.js';
import { createTestDatabase } from './db.js';
import { scratchDir } from './template.js';

export const TEST_PASSWORD = 'Mat-khau-thu-nghiem-1';
export const ORIGIN = 'http://localhost';

/** A response with its parsed JSON body. */
export interface TestResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies
  body: any;
  headers: Headers;
  text: string;
}

/** A cookie-keeping client over app.request(), sending a same-origin Origin like a browser. */
export class TestClient {
  constructor(
    private readonly h: Harness,
    public cookie: string | null = null,
  ) {}
  async req(
    method: string,
    path: string,
    body?: unknown,
    opts: { origin?: string | null; headers?: Record<string, string>; raw?: BodyInit } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { host: 'localhost', ...(opts.headers ?? {}) };
    if (opts.origin !== null && method !== 'GET') headers.origin = opts.origin ?? ORIGIN;
    if (this.cookie) headers.cookie = this.cookie;
    let payload: BodyInit | undefined = opts.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    if (payload !== undefined && typeof payload === 'string')
      headers['content-length'] = String(Buffer.byteLength(payload));
    const res = await this.h.app.request(`http://localhost${path}`, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /hoptac_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `hoptac_session=${m[1]}` : null;
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  }
  get(path: string) {
    return this.req('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.req('POST', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.req('PATCH', path, body);
  }
}

/** One test file's application on its own database clone. */
export interface Harness {
  app: ReturnType<typeof createApp>;
  database: Database;
  deps: AppDeps;
  close(): Promise<void>;
  anonymous(): TestClient;
  login(username: string, password?: string): Promise<TestClient>;
  unitId(code: string, level: 1 | 3, era?: 'pre2025' | 'post2025'): Promise<number>;
  createUser(u: {
    username: string;
    role: Role;
    unitId?: number | null;
    fullName?: string;
    organisationId?: number | null;
  }): Promise<number>;
}

/**
 * Starts the application on a fresh database clone with files under a scratch directory. The session cache is
 * off unless asked for: most tests change users or sessions in the database directly and expect the next
 * request to see it, which a cache only guarantees for changes made through the services.
 */
export async function createHarness(o: { sessionCacheSeconds?: number } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const filesDir = scratchDir('files');
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    storage: new DirectoryStorage(filesDir),
    config: { secureCookies: false, sessionIdleMinutes: 120, sessionAbsoluteHours: 12 },
    sessions: new SessionCache({ ttlSeconds: o.sessionCacheSeconds ?? 0 }),
    // On, as a server runs it: every test that writes and reads again also checks that writes invalidate it.
    reads: new ReadCache(database.changes),
  };
  const app = createApp(deps, { webDist: null });
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const h: Harness = {
    app,
    database,
    deps,
    async close() {
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
    anonymous: () => new TestClient(h),
    async login(username, password = TEST_PASSWORD) {
      const c = new TestClient(h);
      const r = await c.post('/api/auth/login', { username, password });
      if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${r.text}`);
      return c;
    },
    async unitId(code, level, era = 'post2025') {
      const r = await database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('code', '=', code)
        .where('level', '=', level)
        .where('era', '=', era)
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async createUser(u) {
      const r = await database.db
        .insertInto('app_user')
        .values({
          username: u.username,
          full_name: u.fullName ?? u.username,
          email: null,
          password_hash: passwordHash,
          role: u.role,
          scope_unit_id: u.unitId ?? null,
          organisation_id: u.organisationId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
  return h;
}

/** Standard scopes used across tests: Lạng Sơn (own), two of its communes, and Ninh Bình (other). */
export async function standardUnits(h: Harness) {
  const langSon = await h.unitId('20', 1);
  const ninhBinh = await h.unitId('37', 1);
  const communes = await h.database.db
    .selectFrom('admin_unit')
    .select(['id', 'name_key'])
    .where('parent_id', '=', langSon)
    .where('era', '=', 'post2025')
    .orderBy('code')
    .execute();
  const dongDang = communes.find((c) => c.name_key.endsWith(' dong dang'))!.id;
  const sibling = communes.find((c) => c.id !== dongDang)!.id;
  const otherCommune = (
    await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('parent_id', '=', ninhBinh)
      .where('era', '=', 'post2025')
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
  return { langSon, ninhBinh, dongDang, sibling, otherCommune };
}

/** Inserts a minimal organisation directly (test fixture); returns its id. */
export async function insertOrganisation(
  h: Harness,
  o: { regCode: string; name: string; communeId: number; kind?: 'THT' | 'HTX' | 'LHHTX' },
): Promise<number> {
  const commune = await h.database.db
    .selectFrom('admin_unit')
    .select(['parent_id'])
    .where('id', '=', o.communeId)
    .executeTakeFirstOrThrow();
  const r = await h.database.db
    .insertInto('organisation')
    .values({
      kind: o.kind ?? 'HTX',
      reg_code: o.regCode,
      name: o.name,
      name_key: organisationNameKey(o.name),
      name_sort: vietnameseSortKey(o.name),
      commune_id: o.communeId,
      province_id: commune.parent_id!,
      short_name: null,
      pre2025_commune_id: null,
      address: null,
      phone: null,
      email: null,
      founded_on: '2020-01-15',
      registered_on: '2020-01-20',
      registering_authority: null,
      charter_capital: '1000000000',
      legal_rep_name: null,
      legal_rep_title: null,
      vsic_code: '0111',
      field: 'agriculture',
      agri_subtype: null,
      new_model: null,
      governance: 'full',
      status_changed_on: null,
      ended_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Creates one user per role in the standard scopes, and an organisation in each of the own commune,
 * the sibling commune and the other province (the cooperative user belongs to the own one).
 */
export async function standardUsers(h: Harness) {
  const u = await standardUnits(h);
  const orgOwn = await insertOrganisation(h, {
    regCode: '4900000001',
    name: 'Hợp tác xã Nông nghiệp Đồng Đăng',
    communeId: u.dongDang,
  });
  const orgSibling = await insertOrganisation(h, {
    regCode: '4900000002',
    name: 'Hợp tác xã Dịch vụ Hòa Bình',
    communeId: u.sibling,
  });
  const orgOther = await insertOrganisation(h, {
    regCode: '2700000003',
    name: 'Hợp tác xã Nông nghiệp Yên Mô',
    communeId: u.otherCommune,
  });
  await h.createUser({ username: 'national', role: 'national' });
  await h.createUser({ username: 'padmin', role: 'province_admin', unitId: u.langSon });
  await h.createUser({ username: 'pofficer', role: 'province_officer', unitId: u.langSon });
  await h.createUser({ username: 'cofficer', role: 'commune_officer', unitId: u.dongDang });
  await h.createUser({ username: 'coop', role: 'coop_user', unitId: u.dongDang, organisationId: orgOwn });
  await h.createUser({ username: 'cofficer.sibling', role: 'commune_officer', unitId: u.sibling });
  await h.createUser({ username: 'padmin.nb', role: 'province_admin', unitId: u.ninhBinh });
  await h.createUser({ username: 'cofficer.nb', role: 'commune_officer', unitId: u.otherCommune });
  return { ...u, orgOwn, orgSibling, orgOther };
}
