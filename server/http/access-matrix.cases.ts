/**
 * The case table of the access-matrix test (access-matrix.test.ts) for the foundation routes (health,
 * docs, auth, units, users, audit, attachments), plus the loader of the cases other modules contribute in
 * server/modules/<m>/<m>.access-cases.ts (shape: server/test/access-cases.ts). A case sends one request
 * aimed at a target: builders ignore it when the route's scope rule has none ('none', 'self', 'list');
 * scoped routes must aim at a resource lying in the target: own = the commune Đồng Đăng of Lạng Sơn (home
 * of the commune officer and of the coop user's organisation), sibling = another commune of Lạng Sơn,
 * other = a commune of Ninh Bình, nation = a resource outside every province.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MatrixCase as ModuleCase } from '../test/access-cases.js';
import type { Harness, TestClient, TestResponse } from '../test/harness.js';
import { standardUsers, TEST_PASSWORD } from '../test/harness.js';

export const TARGETS = ['own', 'sibling', 'other', 'nation'] as const;
export type Target = (typeof TARGETS)[number];

/** The resources each target stands for, created once per run of the matrix. */
export interface Fixtures {
  std: Awaited<ReturnType<typeof standardUsers>>;
  units: Record<Target, number>;
  users: Record<Target, number>;
  attachments: Record<Target, number>;
}

/** What a builder gets: the caller's client, the target and the fixtures; `n` is unique per call. */
export interface Call {
  h: Harness;
  client: TestClient;
  target: Target;
  fx: Fixtures;
  n: number;
}

/**
 * How to exercise one route. `fresh`: the call ends or replaces the session, so it runs on a new one.
 * `send` answers null when the route has no such target (the cell is skipped).
 */
export interface MatrixCase {
  fresh?: boolean;
  /** Module cases: a permitted call may meet a business rule on repetition (400/409), so any non-access 4xx passes. */
  lenient?: boolean;
  send(c: Call): Promise<TestResponse | null>;
}

/** A minimal PNG (its magic bytes are what the upload checks). */
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

/** Uploads a small PNG attached to an administrative unit. */
export function uploadPng(client: TestClient, unitId: number) {
  const form = new FormData();
  form.set('ownerType', 'unit');
  form.set('ownerId', String(unitId));
  form.set('file', new File([PNG], 'so-do.png', { type: 'image/png' }));
  return client.req('POST', '/api/attachments', undefined, { raw: form });
}

async function versionOf(h: Harness, id: number) {
  return (
    await h.database.db
      .selectFrom('app_user')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
}

/** Standard users plus one target per scope: units, users and attachments. */
export async function createFixtures(h: Harness): Promise<Fixtures> {
  const u = await standardUsers(h);
  // No real unit lies outside every province, so the nation-level target is a synthetic unit of this clone.
  const nationUnit = (
    await h.database.db
      .insertInto('admin_unit')
      .values({
        key: 'test:nation',
        code: '00',
        name: 'Trung ương',
        full_name: 'Cơ quan trung ương (dữ liệu thử)',
        type: 'Trung ương',
        level: 1,
        era: 'post2025',
        name_key: 'trung uong',
        province_id: null,
        parent_id: null,
        valid_from: null,
        valid_to: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const units: Record<Target, number> = {
    own: u.dongDang,
    sibling: u.sibling,
    other: u.otherCommune,
    nation: nationUnit,
  };
  const users: Record<Target, number> = {
    own: await h.createUser({ username: 'target.own', role: 'commune_officer', unitId: u.dongDang }),
    sibling: await h.createUser({ username: 'target.sibling', role: 'commune_officer', unitId: u.sibling }),
    other: await h.createUser({ username: 'target.other', role: 'commune_officer', unitId: u.otherCommune }),
    nation: await h.createUser({ username: 'target.nation', role: 'national' }),
  };
  await h.createUser({ username: 'matrix.login', role: 'commune_officer', unitId: u.dongDang });
  const national = await h.login('national');
  const attachments = {} as Record<Target, number>;
  for (const t of TARGETS) {
    const r = await uploadPng(national, units[t]);
    if (r.status !== 201) throw new Error(`fixture upload for ${t} failed: ${r.status} ${r.text}`);
    attachments[t] = r.body.attachment.id;
  }
  return { std: u, units, users, attachments };
}

/** Wraps a module-contributed case (a request description) into a case the matrix can send. */
function adapt(build: ModuleCase): MatrixCase {
  return {
    lenient: true,
    async send({ h, client, target, fx }) {
      const req = await build(target, fx.std, h);
      if (!req) return null;
      if (req.form) return client.req(req.method, req.path, undefined, { raw: req.form() });
      return client.req(req.method, req.path, req.body);
    },
  };
}

/** Every case: the foundation's below plus those exported by server/modules/<m>/*.access-cases.ts. */
export async function loadCases(): Promise<Record<string, MatrixCase>> {
  const all: Record<string, MatrixCase> = { ...CASES };
  const modules = fileURLToPath(new URL('../modules/', import.meta.url));
  for (const m of readdirSync(modules, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    for (const f of readdirSync(join(modules, m)).filter((n) => n.endsWith('.access-cases.ts'))) {
      const exported: Record<string, unknown> = await import(pathToFileURL(join(modules, m, f)).href);
      for (const value of Object.values(exported)) {
        if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
        for (const [id, build] of Object.entries(value)) {
          if (typeof build !== 'function') continue;
          if (all[id]) throw new Error(`access-matrix case ${id} is defined twice (${m}/${f})`);
          all[id] = adapt(build as ModuleCase);
        }
      }
    }
  }
  return all;
}

/** Route id → request builder. Every declared route must have an entry (the test fails otherwise). */
export const CASES: Record<string, MatrixCase> = {
  health: { send: ({ client }) => client.get('/api/health') },
  'docs.openapi': { send: ({ client }) => client.get('/api/openapi.json') },
  'docs.ui': { send: ({ client }) => client.get('/api/docs') },
  'docs.asset': { send: ({ client }) => client.get('/api/docs/assets/swagger-ui.css') },

  'auth.login': {
    fresh: true,
    send: ({ client }) =>
      client.post('/api/auth/login', { username: 'matrix.login', password: TEST_PASSWORD }),
  },
  'auth.logout': { fresh: true, send: ({ client }) => client.post('/api/auth/logout') },
  'auth.me': { send: ({ client }) => client.get('/api/auth/me') },
  'auth.password': {
    fresh: true,
    send: ({ client }) =>
      client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }),
  },

  'units.stats': { send: ({ client }) => client.get('/api/units/stats') },
  'units.list': { send: ({ client }) => client.get('/api/units') },
  'units.search': { send: ({ client }) => client.get('/api/units/search?q=dong') },
  'units.resolve': { send: ({ client }) => client.get('/api/units/resolve?code=20') },
  'units.get': { send: ({ client, fx, target }) => client.get(`/api/units/${fx.units[target]}`) },

  'users.list': { send: ({ client }) => client.get('/api/users') },
  'users.get': { send: ({ client, fx, target }) => client.get(`/api/users/${fx.users[target]}`) },
  'users.create': {
    send: ({ client, fx, n }) =>
      client.post('/api/users', {
        username: `matrix.new.${n}`,
        fullName: 'Cán bộ mới',
        role: 'commune_officer',
        scopeUnitId: fx.units.own,
        password: TEST_PASSWORD,
      }),
  },
  'users.update': {
    send: async ({ h, client, fx, target, n }) =>
      client.patch(`/api/users/${fx.users[target]}`, {
        fullName: `Cán bộ ${n}`,
        version: await versionOf(h, fx.users[target]),
      }),
  },
  'users.reset_password': {
    send: ({ client, fx, target }) => client.post(`/api/users/${fx.users[target]}/reset-password`),
  },
  'users.deactivate': {
    send: ({ client, fx, target }) => client.post(`/api/users/${fx.users[target]}/deactivate`),
  },
  'users.activate': {
    send: ({ client, fx, target }) => client.post(`/api/users/${fx.users[target]}/activate`),
  },

  'audit.list': { send: ({ client }) => client.get('/api/audit') },

  'attachments.upload': { send: ({ client, fx, target }) => uploadPng(client, fx.units[target]) },
  'attachments.list': {
    send: ({ client, fx, target }) =>
      client.get(`/api/attachments?ownerType=unit&ownerId=${fx.units[target]}`),
  },
  'attachments.download': {
    send: ({ client, fx, target }) => client.get(`/api/attachments/${fx.attachments[target]}`),
  },
};
