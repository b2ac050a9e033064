import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Paths kept at most; beyond, the oldest leaves first. */
export const ROUTE_MEMO_MAX_ENTRIES = 2000;
/** Longer paths are matched every time (not worth keeping; bounds the memo's memory). */
const MAX_MEMO_PATH = 256;

/**
 * Hono's default router, with the match of each recently requested method and path remembered.
 *
 * Our route set has static and parameter segments side by side (/api/units/stats next to /api/units/:id), which
 * RegExpRouter refuses, so Hono's SmartRouter falls back to TrieRouter: a search walks the trie, collects the matching
 * middleware and handlers with fresh parameter objects and sorts them, for every request (docs/performance.md, HTTP).
 * Routes are all added before the first request and never change, so a path's match is the same every time; Hono
 * only reads a match result (HonoRequest.param decodes into new objects), so one result can serve every request.
 */
export class MemoRouter<T> implements Router<T> {
  readonly name = 'MemoRouter';
  private readonly memo = new Map<string, Result<T>>();

  constructor(
    private readonly inner: Router<T> = new SmartRouter<T>({
      routers: [new RegExpRouter<T>(), new TrieRouter<T>()],
    }),
    readonly maxEntries = ROUTE_MEMO_MAX_ENTRIES,
  ) {}

  add(method: string, path: string, handler: T): void {
    this.memo.clear();
    this.inner.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    if (path.length > MAX_MEMO_PATH) return this.inner.match(method, path);
    const key = method + path; // a method has no '/', a path starts with one
    let r = this.memo.get(key);
    if (r === undefined) {
      r = this.inner.match(method, path);
      if (this.memo.size >= this.maxEntries) this.memo.delete(this.memo.keys().next().value as string);
      this.memo.set(key, r);
    }
    return r;
  }

  /** The router that answers (SmartRouter names the one it settled on after the first match). */
  get innerName(): string {
    return this.inner.name;
  }
}
