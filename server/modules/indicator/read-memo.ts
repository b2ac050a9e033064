import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * A memo of identical aggregate reads for the span of one evaluation (a plan page, a plans overview): their
 * targets often share an indicator and a territory, and on the national dataset each repeated read costs
 * 40–55 ms. The memo lives on a Kysely handle made for that evaluation, so nothing outlives the request: per
 * memoised handle, the rows of each query already read through readTogether, by its SQL and parameters.
 */
const memos = new WeakMap<Kysely<DB>, Map<string, Promise<Rows>>>();

type Rows = Record<string, unknown>[];

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

/** A read to run with others in one statement: its queries and how their rows become a value. */
export interface Read<T> {
  queries: RawBuilder<unknown>[];
  parse(rows: Record<string, unknown>[][]): T;
}

type Results<T extends readonly Read<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends Read<infer R> ? R : never;
};

/**
 * Runs several reads in one statement, one round trip: each query's rows come back as a JSON array in a column of
 * their own, a subquery planned as it would be alone (never a UNION: the planner makes an Append of aggregate reads
 * parallel, and starting workers costs more than the reads), so an evaluation costs one statement instead of one
 * per query and each query is still EXPLAINed on its own. On a memoised handle (withReadMemo) each query is read
 * once: a plan page's targets share their stock reads, and only the queries not read yet go to the database.
 */
export async function readTogether<const T extends readonly Read<unknown>[]>(
  db: Kysely<DB>,
  reads: T,
): Promise<Results<T>> {
  const queries = reads.flatMap((r) => r.queries);
  const memo = memos.get(db);
  const results: Promise<Rows>[] = [];
  const missing: { key: string; query: RawBuilder<unknown>; at: number[] }[] = [];
  const byKey = new Map<string, (typeof missing)[number]>();
  for (const [i, q] of queries.entries()) {
    const c = q.compile(db);
    const key = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
    const hit = memo?.get(key);
    if (hit) results[i] = hit;
    else {
      const m = byKey.get(key) ?? { key, query: q, at: [] };
      if (!byKey.has(key)) missing.push(m);
      byKey.set(key, m);
      m.at.push(i);
    }
  }
  if (missing.length > 0) {
    const cols = missing.map(
      (m, i) => sql`(select coalesce(json_agg(t), '[]'::json) from (${m.query}) t) as ${sql.ref(`r${i}`)}`,
    );
    const read = sql<Record<string, unknown>>`select ${sql.join(cols)}`
      .execute(db)
      .then((r) => r.rows[0] ?? {});
    for (const [i, m] of missing.entries()) {
      const rows = read.then((row) => {
        const v = row[`r${i}`];
        return (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as Rows;
      });
      memo?.set(m.key, rows);
      for (const at of m.at) results[at] = rows;
    }
  }
  const all = await Promise.all(results);
  let at = 0;
  return reads.map((r) => {
    const mine = all.slice(at, at + r.queries.length);
    at += r.queries.length;
    return r.parse(mine);
  }) as unknown as Results<T>;
}
