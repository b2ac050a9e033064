/** Statistics and timing helpers shared by the benchmark cases. */

/** A quantile of a sample (nearest rank); NaN for an empty sample. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Median of a sample. */
export const median = (xs: number[]) => quantile(xs, 0.5);

/** Milliseconds of an async call, with its result. */
export async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

/** Median, p95 and max of a sample of milliseconds. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Summarises a sample of milliseconds. */
export function summarise(xs: number[]): Summary {
  return {
    n: xs.length,
    p50: median(xs),
    p95: quantile(xs, 0.95),
    max: xs.length ? Math.max(...xs) : Number.NaN,
  };
}

/**
 * Times two sides of one operation in alternation (application, then its floor), `rounds` times after one
 * warm-up round, so that both sides see the same machine load. Returns the samples of each side.
 */
export async function sideBySide(
  rounds: number,
  items: { app: () => Promise<unknown>; floor: () => Promise<unknown> }[],
): Promise<{ app: number[]; floor: number[] }> {
  const app: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const it of items) {
      const a = (await timed(it.app))[1];
      const f = (await timed(it.floor))[1];
      if (round > 0) {
        app.push(a);
        floor.push(f);
      }
    }
  }
  return { app, floor };
}

/** Milliseconds to one decimal (or whole above 100). */
export const fmtMs = (x: number) =>
  Number.isNaN(x) ? '—' : `${x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)} ms`;
