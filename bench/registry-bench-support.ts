/**
 * Shared parts of the registry benchmarks: a fresh database (PGlite by default, PostgreSQL with DATABASE_URL),
 * a national user, COPY on both runtimes, statistics, machine facts and the docs/performance.md writer.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Ctx } from '../server/context.js';
import { type Database, openPGlite, openPostgres } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { PGliteDialect } from '../server/db/pglite-dialect.js';
import type { DB } from '../server/db/schema.js';
import { ensureAdminUnits } from '../server/modules/admin-unit/admin-unit.load.js';
import { DirectoryStorage } from '../server/modules/attachment/file-storage.js';

/** A benchmark database with a raw COPY and a query log for capturing the SQL a request runs. */
export interface BenchDb extends Database {
  /** COPY rows (already in COPY text format) into a table's columns; resolves when loaded. */
  copy(table: string, columns: string[], text: string): Promise<void>;
  /** Runs SQL text with parameters directly on the driver, bypassing the application. */
  raw(sqlText: string, params: readonly unknown[]): Promise<void>;
  /** A Kysely handle that reports every query to `onQuery` (for capturing what a request executes). */
  logged(onQuery: (e: LogEvent) => void): Kysely<DB>;
}

const PGLITE_TEMPLATE = '.tmp/pglite-template.tar.gz';

/** pg has no COPY FROM STDIN without pg-copy-streams; this is the protocol exchange it performs. */
function copyIn(text: string, data: Buffer) {
  let done!: (err?: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    done = (err) => (err ? reject(err) : resolve());
  });
  let error: Error | undefined;
  const submittable = {
    submit: (c: { query(t: string): void }) => c.query(text),
    handleCopyInResponse: (c: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) => {
      c.sendCopyFromChunk(data);
      c.endCopyFrom();
    },
    handleCommandComplete: () => {},
    handleReadyForQuery: () => done(error),
    handleError: (err: Error) => {
      error = err;
    },
  };
  return { submittable, finished };
}

/** Opens a fresh, migrated database with the administrative units. */
export async function openBenchDb(): Promise<BenchDb & { storage: DirectoryStorage }> {
  const storage = new DirectoryStorage(`.tmp/bench-files-${process.pid}`);
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openPGlite(
      existsSync(PGLITE_TEMPLATE) ? { loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) } : {},
    );
    await migrateToLatest(database.db);
    await ensureAdminUnits(database.db);
    const pglite = database.pglite!;
    return {
      ...database,
      storage,
      copy: async (table, columns, text) => {
        await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
          blob: new Blob([text]),
        });
      },
      raw: async (sqlText, params) => {
        await pglite.query(sqlText, params as unknown[]);
      },
      logged: (onQuery) => new Kysely<DB>({ dialect: new PGliteDialect(pglite), log: onQuery }),
    };
  }
  const name = `hoptac_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: u.toString(), max: 4 });
  const database = await openPostgres(u.toString(), 4);
  await migrateToLatest(database.db);
  await ensureAdminUnits(database.db);
  return {
    ...database,
    storage,
    copy: async (table, columns, text) => {
      const client = await pool.connect();
      try {
        const { submittable, finished } = copyIn(
          `copy ${table} (${columns.join(', ')}) from stdin`,
          Buffer.from(text),
        );
        client.query(submittable as unknown as pg.QueryConfig);
        await finished;
      } finally {
        client.release();
      }
    },
    raw: async (sqlText, params) => {
      await pool.query(sqlText, params as unknown[]);
    },
    logged: (onQuery) => new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: onQuery }),
    async close() {
      await database.close();
      await pool.end();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

/** A national user (the whole country in scope) and the service context acting as that user. */
export async function benchContext(b: BenchDb & { storage: DirectoryStorage }): Promise<Ctx> {
  const user = await b.db
    .insertInto('app_user')
    .values({
      username: `bench.${process.pid}`,
      full_name: 'Bench',
      email: null,
      password_hash: 'x',
      role: 'national',
      scope_unit_id: null,
      organisation_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    db: b.db,
    dbKind: b.kind,
    storage: b.storage,
    requestId: 'bench',
    ip: null,
    config: { secureCookies: false, sessionIdleMinutes: 120, sessionAbsoluteHours: 12 },
    user: {
      id: user.id,
      username: `bench.${process.pid}`,
      fullName: 'Bench',
      role: 'national',
      scope: { type: 'nation', unitId: null, provinceId: null, communeId: null, organisationId: null },
    },
  };
}

/** Median of a sample. */
export const median = (xs: number[]) => quantile(xs, 0.5);
/** A quantile of a sample (nearest rank). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** The machine a figure was measured on (CPU, cores, memory, load, Node, database). */
export function machine(kind: string): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
  return `${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, load average ${load}; Node ${process.version}; ${kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`;
}

/** Replaces the text between two markers of docs/performance.md (adds the section under "## Registry" when missing). */
export function writePerformanceSection(marker: string, markdown: string) {
  const path = 'docs/performance.md';
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  if (!doc.includes('## Registry')) doc += '\n## Registry\n';
  const block = `${start}\n${markdown.trim()}\n${end}`;
  if (doc.includes(start) && doc.includes(end))
    doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  else doc = doc.replace('## Registry\n', `## Registry\n\n${block}\n`);
  writeFileSync(path, doc);
}

/** Milliseconds of an async call. */
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}
