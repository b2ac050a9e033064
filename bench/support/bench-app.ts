/**
 * The application in-process over a dataset, signed in as a national user, able to capture the SQL a request
 * runs (from Kysely's log) and replay it directly on the driver: the floor of a read request.
 */

import { rmSync } from 'node:fs';
import { createApp } from '../../server/app.js';
import type { AppDeps, Ctx } from '../../server/context.js';
import { DataChanges } from '../../server/db/data-changes.js';
import { ReadCache } from '../../server/db/read-cache.js';
import { DirectoryStorage } from '../../server/modules/attachment/file-storage.js';
import { hashPassword } from '../../server/modules/auth/password.js';
import { SessionCache } from '../../server/modules/auth/session-cache.js';
import type { Dataset } from './dataset.js';

/** A captured statement. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** The bench user's credentials (created in the dataset on first use). */
export const BENCH_USER = { username: 'bench.suite', password: 'Bench-Suite-2025!' };

/** The in-process application and helpers. */
export interface BenchApp {
  /** GET a path through the whole application; throws unless 200; returns the parsed JSON (or bytes). */
  get(path: string): Promise<unknown>;
  /** The SQL statements one GET runs (session lookups excluded: they are the application's, not the query's). */
  capture(path: string): Promise<Statement[]>;
  /** Runs captured statements directly on the driver, one after another. */
  replay(statements: Statement[]): Promise<void>;
  /** A service context acting as the national bench user (for calling services directly). */
  ctx: Ctx;
  /** The session cookie of the bench user (for load generators). */
  cookie: string;
  close(): Promise<void>;
}

const AUTH_SQL = /from "session"|update "session"|"app_user"|"login_throttle"/;

/** Opens the application over a dataset and signs the bench user in. */
export async function openBenchApp(ds: Dataset): Promise<BenchApp> {
  const storageDir = `.tmp/bench-files-${process.pid}`;
  const storage = new DirectoryStorage(storageDir);
  let capturing: Statement[] | null = null;
  const db = ds.logged((e) => {
    if (capturing && e.level === 'query' && !AUTH_SQL.test(e.query.sql))
      capturing.push({ sql: e.query.sql, params: e.query.parameters });
  });
  const config = { secureCookies: false, sessionIdleMinutes: 600, sessionAbsoluteHours: 24 };
  // The session cache as a server runs it (SESSION_CACHE_SECONDS default): signed-in reads skip the session query.
  const deps: AppDeps = {
    db,
    dbKind: ds.kind,
    storage,
    config,
    sessions: new SessionCache({ ttlSeconds: 5 }),
    // Off: the in-process cases compare the evaluation itself with its SQL, not a cache hit with it. The process
    // cases (http, load) run the server as configured, cache on (docs/decisions/0008-read-cache.md).
    reads: new ReadCache(new DataChanges(), 0),
  };
  const app = createApp(deps, { webDist: null });
  const hash = await hashPassword(BENCH_USER.password);
  const existing = await ds.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', BENCH_USER.username)
    .executeTakeFirst();
  const userId = existing
    ? existing.id
    : (
        await ds.db
          .insertInto('app_user')
          .values({
            username: BENCH_USER.username,
            full_name: 'Benchmark',
            email: null,
            password_hash: hash,
            role: 'national',
            scope_unit_id: null,
            organisation_id: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  await ds.db.updateTable('app_user').set({ password_hash: hash }).where('id', '=', userId).execute();
  const login = await app.request('http://localhost/api/auth/login', {
    method: 'POST',
    headers: { host: 'localhost', origin: 'http://localhost', 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_USER),
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const cookie = /hoptac_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const get = async (path: string) => {
    const r = await app.request(`http://localhost${path}`, { headers: { host: 'localhost', cookie } });
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (r.headers.get('content-type') ?? '').includes('json') ? r.json() : r.arrayBuffer();
  };
  const ctx: Ctx = {
    ...deps,
    db: ds.db,
    requestId: 'bench',
    ip: null,
    user: {
      id: userId,
      username: BENCH_USER.username,
      fullName: 'Benchmark',
      role: 'national',
      scope: { type: 'nation', unitId: null, provinceId: null, communeId: null, organisationId: null },
    },
  };
  return {
    get,
    async capture(path) {
      capturing = [];
      try {
        await get(path);
        return capturing;
      } finally {
        capturing = null;
      }
    },
    async replay(statements) {
      for (const s of statements) await ds.raw(s.sql, s.params);
    },
    ctx,
    cookie,
    async close() {
      await ds.db.deleteFrom('session').where('user_id', '=', userId).execute();
      // The logged handle shares the dataset's pool/instance: closing the dataset closes it.
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}
