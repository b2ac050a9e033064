import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ChangeTrackingDialect, DataChanges } from './data-changes.js';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Kysely handle, which runtime serves it, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** The raw PGlite instance (embedded only), for dumps and COPY. */
  pglite?: PGlite;
  /** Committed changes as this process knows them (server/db/data-changes.ts), for the read cache. */
  changes: DataChanges;
}

// Identical parsers on both runtimes (DESIGN.md §2): int8 → number, date → 'YYYY-MM-DD', numeric → string.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;
const identity = (v: string) => v;

/** Opens PGlite under a directory (or in memory, or from a dump) with our extensions and parsers. */
export async function openPGlite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, unaccent },
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: identity, [NUMERIC]: identity },
  });
  const changes = new DataChanges();
  const db = new Kysely<DB>({ dialect: new ChangeTrackingDialect(new PGliteDialect(pglite), changes) });
  return {
    db,
    kind: 'pglite',
    pglite,
    changes,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === DATE || oid === NUMERIC) return identity;
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Opens a pool on a PostgreSQL server (≥15) with the same type parsers as PGlite. With `listen`, the process also
 * hears other instances' commits (one more connection; server/db/data-changes.ts), as a server must.
 */
export async function openPostgres(url: string, max = 10, o: { listen?: boolean } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, types: pgTypes as pg.CustomTypesConfig });
  // An idle client can be terminated by the server (restart, failover, a dropped test database); without a
  // handler that error would crash the process. The pool replaces the client on the next query.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn('PostgreSQL: kết nối nhàn rỗi bị lỗi:', err.message);
  });
  const changes = new DataChanges();
  changes.announceOn('postgres');
  const db = new Kysely<DB>({ dialect: new ChangeTrackingDialect(new PostgresDialect({ pool }), changes) });
  if (o.listen) {
    try {
      await changes.listen(url);
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  return {
    db,
    kind: 'postgres',
    changes,
    async close() {
      await changes.close();
      await db.destroy();
    },
  };
}
