/**
 * The benchmark datasets: the national dataset on PostgreSQL and one province on PGlite, opened in-process with a
 * raw driver beside Kysely (for running captured SQL directly) and COPY. Tells how to seed a missing dataset.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from '../../server/db/data-dir-lock.js';
import { openPGlite } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { PGliteDialect } from '../../server/db/pglite-dialect.js';
import type { DB } from '../../server/db/schema.js';
import { copyThroughPool } from './copy-in.js';

/**
 * Where a run goes: PostgreSQL with the national dataset, PGlite with one province, and PostgreSQL with that same
 * province (`postgres-province`), against which PGlite is compared "on the same data" (issue 6).
 */
export type Runtime = 'pglite' | 'postgres' | 'postgres-province';

/** Where the datasets live unless overridden (BENCH_DATABASE_URL, BENCH_DATA_DIR, BENCH_PROVINCE_DATABASE_URL). */
export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/hoptac_national';
export const DEFAULT_DATA_DIR = 'data/bench-province';
export const DEFAULT_PG_PROVINCE_URL = 'postgres://postgres@127.0.0.1:5432/hoptac_province';

/** The database engine of a runtime. */
export const engineOf = (r: Runtime): 'pglite' | 'postgres' => (r === 'pglite' ? 'pglite' : 'postgres');

/** An open dataset. */
export interface Dataset {
  /** The engine (the province on PostgreSQL is `postgres` too). */
  kind: 'pglite' | 'postgres';
  /** The national dataset (absolute goals of issue 6 are set for it). */
  national: boolean;
  /** Human name: the database or directory. */
  label: string;
  db: Kysely<DB>;
  /** A Kysely handle on the same connection(s) that reports every query (to capture what a request runs). */
  logged(onQuery: (e: LogEvent) => void): Kysely<DB>;
  /** Runs SQL text directly on the driver, bypassing the application. */
  raw(sqlText: string, params: readonly unknown[]): Promise<void>;
  /** COPY rows (COPY text format) into a table. */
  copy(table: string, columns: string[], text: string): Promise<void>;
  /** Environment for a server process on the same data (the in-process handle must be closed first on PGlite). */
  serverEnv: Record<string, string>;
  close(): Promise<void>;
}

/** The exact command that creates a runtime's dataset. */
export function seedCommand(kind: Runtime, where: string): string {
  if (kind === 'postgres') return `DATABASE_URL=${where} npx tsx scripts/seed.ts --scale national --seed 1`;
  // The same command as PGlite's, so that both hold the same province, organisation for organisation.
  if (kind === 'postgres-province') return `DATABASE_URL=${where} npx tsx scripts/seed.ts --scale province`;
  return `DATA_DIR=${where} npx tsx scripts/seed.ts --scale province`;
}

/** Where a runtime's dataset is. */
export function datasetLocation(kind: Runtime): string {
  if (kind === 'postgres') return process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL;
  if (kind === 'postgres-province') return process.env.BENCH_PROVINCE_DATABASE_URL ?? DEFAULT_PG_PROVINCE_URL;
  return process.env.BENCH_DATA_DIR ?? DEFAULT_DATA_DIR;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const identity = (v: string) => v;
// The application's parsers (server/db/database.ts): int8 → number, date and numeric → string.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE || oid === NUMERIC) return identity;
    return pg.types.getTypeParser(oid, format);
  },
};

async function openPg(url: string, national: boolean): Promise<Dataset> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes as pg.CustomTypesConfig });
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: 'postgres',
    national,
    label: new URL(url).pathname.slice(1),
    db,
    logged: (onQuery) => new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: onQuery }),
    raw: async (text, params) => {
      await pool.query(text, params as unknown[]);
    },
    copy: (table, columns, text) => copyThroughPool(pool, table, columns, text),
    serverEnv: { DATABASE_URL: url },
    close: () => pool.end(),
  };
}

async function openLite(dir: string): Promise<Dataset> {
  const release = lockDataDir(dir);
  const database = await openPGlite({ dataDir: join(dir, 'pglite') });
  const pglite = database.pglite!;
  return {
    kind: 'pglite',
    national: false,
    label: dir,
    db: database.db,
    logged: (onQuery) => new Kysely<DB>({ dialect: new PGliteDialect(pglite), log: onQuery }),
    raw: async (text, params) => {
      await pglite.query(text, params as unknown[]);
    },
    copy: async (table, columns, text) => {
      await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
    serverEnv: { DATA_DIR: resolve(dir), DATABASE_URL: '' },
    async close() {
      await database.close();
      release();
    },
  };
}

/** How many organisations a dataset holds (0 when the database or the table is missing). */
async function organisationCount(kind: Runtime, where: string): Promise<number> {
  if (engineOf(kind) === 'postgres') {
    const c = new pg.Client({ connectionString: where });
    try {
      await c.connect();
      const r = await c.query("select to_regclass('organisation') is not null as t");
      if (!r.rows[0].t) return 0;
      return Number((await c.query('select count(*) as n from organisation')).rows[0].n);
    } catch {
      return 0;
    } finally {
      await c.end().catch(() => {});
    }
  }
  const ds = await openLite(where);
  try {
    const t = await sql<{ t: boolean }>`select to_regclass('organisation') is not null as t`.execute(ds.db);
    if (!t.rows[0].t) return 0;
    return (await sql<{ n: number }>`select count(*)::int as n from organisation`.execute(ds.db)).rows[0].n;
  } finally {
    await ds.close();
  }
}

/**
 * Opens a runtime's dataset, migrated to the latest schema. When it is missing or empty: runs the seed command
 * with `seedIfMissing`, else throws with the command to run.
 */
export async function openDataset(
  kind: Runtime,
  seedIfMissing: boolean,
): Promise<{ ds: Dataset; orgs: number }> {
  const where = datasetLocation(kind);
  let orgs = await organisationCount(kind, where);
  if (!orgs) {
    const cmd = seedCommand(kind, where);
    if (!seedIfMissing)
      throw new Error(
        `The ${kind} dataset (${where}) is missing or empty. Create it with:\n\n  ${cmd}\n\nor run the bench with --seed-if-missing.`,
      );
    if (engineOf(kind) === 'postgres') {
      const u = new URL(where);
      const name = u.pathname.slice(1);
      u.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: u.toString() });
      await admin.connect();
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (!exists.rowCount) await admin.query(`create database "${name}"`);
      await admin.end();
    }
    console.log(`Seeding: ${cmd}`);
    const [env, ...args] = cmd.split(' ');
    const [k, v] = env.split('=');
    const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, [k]: v } });
    if (r.status !== 0) throw new Error(`seed failed (${r.status}): ${cmd}`);
    orgs = await organisationCount(kind, where);
  }
  const ds = kind === 'pglite' ? await openLite(where) : await openPg(where, kind === 'postgres');
  await migrateToLatest(ds.db);
  return { ds, orgs };
}
