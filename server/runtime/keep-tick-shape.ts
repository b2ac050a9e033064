/**
 * Keeps one `process.nextTick` object alive for the life of the process. Imported first by the server's entry
 * points, before anything runs a full garbage collection (PGlite's start-up does several while loading pg_trgm and
 * unaccent).
 *
 * Why (docs/decisions/0011-keep-tick-shape.md): in Node 20 (V8 11.3) `nextTick` builds each tick object with one
 * object literal, whose fast path V8 keeps only as long as some object of that shape lives. A mark-compact
 * collection while none does drops it, and from then on every `nextTick` takes V8's generic path: ~6 × slower
 * (45–85 ns → 270–630 ns per call), several calls per HTTP answer inside node:http and streams. The embedded
 * server reached that state at every start (HTTP CPU per request 23 µs instead of 17 µs); a server on PostgreSQL
 * could, by chance, at any time. Holding one tick object prevents it. Documented API only (async_hooks); the hook
 * is enabled for one call and disabled again, so nothing else pays for it.
 */
import { createHook } from 'node:async_hooks';

let kept: object | undefined;

const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject' && kept === undefined) kept = resource;
  },
}).enable();
process.nextTick(() => {});
hook.disable();

/** The tick object held (for tests): undefined would mean the shape is not protected. */
export function keptTickObject(): object | undefined {
  return kept;
}
