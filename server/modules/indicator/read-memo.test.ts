/**
 * readTogether: several reads in one statement, each read's rows as they would be alone; on a memoised handle each
 * query goes to the database once across calls.
 */
import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { PGliteDialect } from '../../db/pglite-dialect.js';
import type { DB } from '../../db/schema.js';
import { createTestDatabase } from '../../test/db.js';
import { type Read, readTogether, withReadMemo } from './read-memo.js';

let database: Database & { url?: string };
let db: Kysely<DB>;
let pool: pg.Pool | null = null;
const statements: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const log = (e: LogEvent) => {
    if (e.level === 'query') statements.push(e.query.sql);
  };
  if (database.pglite) db = new Kysely<DB>({ dialect: new PGliteDialect(database.pglite), log });
  else {
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  }
});
afterAll(async () => {
  await db?.destroy();
  await database?.close();
});

/** The numbers 1..n with their squares, in rows (a read of one query). */
const squares = (n: number): Read<number[]> => ({
  queries: [sql`select g as x, g * g as sq from generate_series(1, ${n}::int) g`],
  parse: ([rows]) => rows.map((r) => Number(r.sq)).sort((a, b) => a - b),
});

/** A read of two queries: a count and the text of a value. */
const pair = (k: string): Read<{ n: number; k: string }> => ({
  queries: [sql`select count(*)::int as n from generate_series(1, 4)`, sql`select ${k}::text as k`],
  parse: ([[a], [b]]) => ({ n: Number(a.n), k: String(b.k) }),
});

describe('readTogether', () => {
  it('runs several reads as one statement and gives each its own rows', async () => {
    statements.length = 0;
    const [s3, p, s0] = await readTogether(db, [squares(3), pair('ý'), squares(0)]);
    expect(s3).toEqual([1, 4, 9]);
    expect(p).toEqual({ n: 4, k: 'ý' });
    expect(s0).toEqual([]);
    expect(statements).toHaveLength(1);
    expect(statements[0]).not.toMatch(/union/i);
  });

  it('reads each query once on a memoised handle, and every time without one', async () => {
    const memo = withReadMemo(db);
    statements.length = 0;
    const [a] = await readTogether(memo, [squares(5)]);
    const [b, c] = await readTogether(memo, [squares(5), squares(2)]);
    const [d] = await readTogether(memo, [squares(2)]);
    expect([a, b, c, d]).toEqual([
      [1, 4, 9, 16, 25],
      [1, 4, 9, 16, 25],
      [1, 4],
      [1, 4],
    ]);
    // The second call sends only squares(2); the third sends nothing.
    expect(statements).toHaveLength(2);
    expect(statements[1].match(/json_agg/g)).toHaveLength(1);
    statements.length = 0;
    await readTogether(db, [squares(5)]);
    await readTogether(db, [squares(5)]);
    expect(statements).toHaveLength(2);
  });
});
