import type { Kysely, QueryResult, RawBuilder } from 'kysely';
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
