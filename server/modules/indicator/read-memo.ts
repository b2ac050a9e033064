import { type Kysely, type QueryResult, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * A memo of identical aggregate reads for the span of one evaluation (a plan page, a plans overview): their
 * targets often share an indicator and a territory, and on the national dataset each repeated read costs
 * 40–55 ms. The memo lives on a Kysely handle made for that evaluation, so nothing outlives the request.
 */
const memos = new WeakMap<Kysely<DB>, Map<string, Promise<QueryResult<unknown>>>>();

/** A handle on the same connection(s) whose aggregate reads are memoised (the same handle when it already is). */
export function withReadMemo(db: Kysely<DB>): Kysely<DB> {
  if (memos.has(db)) return db;
  const memoised = db.withPlugin({
    transformQuery: (a) => a.node,
    transformResult: async (a) => a.result,
  });
  memos.set(memoised, new Map());
  return memoised;
}

/** Executes a read, or returns the result of the identical read already run on this memoised handle. */
export function readOnce<R>(db: Kysely<DB>, query: RawBuilder<R>): Promise<QueryResult<R>> {
  const memo = memos.get(db);
  if (!memo) return query.execute(db);
  const c = query.compile(db);
  const key = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
  let hit = memo.get(key) as Promise<QueryResult<R>> | undefined;
  if (!hit) {
    hit = query.execute(db);
    memo.set(key, hit as Promise<QueryResult<unknown>>);
  }
  return hit;
}

/** A read to run with others in one statement: its query and how its rows become a value. */
export interface Read<T> {
  query: RawBuilder<unknown>;
  parse(rows: Record<string, unknown>[]): T;
}

type Results<T extends readonly Read<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends Read<infer R> ? R : never;
};

/**
 * Runs several reads in one statement, one round trip (memoised like readOnce): each read's rows come back as a
 * JSON array in a column of their own, so the reads keep their own plans (each still EXPLAINed on its own) and an
 * evaluation costs one statement instead of one per read.
 */
export async function readTogether<const T extends readonly Read<unknown>[]>(
  db: Kysely<DB>,
  reads: T,
): Promise<Results<T>> {
  if (reads.length === 0) return [] as unknown as Results<T>;
  const cols = reads.map(
    (r, i) => sql`(select coalesce(json_agg(t), '[]'::json) from (${r.query}) t) as ${sql.ref(`r${i}`)}`,
  );
  const res = await readOnce(db, sql<Record<string, unknown>>`select ${sql.join(cols)}`);
  const row = res.rows[0] ?? {};
  return reads.map((r, i) => {
    const v = row[`r${i}`];
    return r.parse((typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as Record<string, unknown>[]);
  }) as Results<T>;
}
