/** A small seeded pseudo-random generator for the demo data: same seed, same data, on every machine. */

/** Random helpers over one mulberry32 stream. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer uniform in [min, max] (both included). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
  /** One element, chosen by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** Standard normal (Box–Muller), clipped to ±4 so that no figure is absurd. */
  normal(): number;
  /** exp(mu + sigma·N(0,1)). */
  lognormal(mu: number, sigma: number): number;
  /** Shuffles a list in place (Fisher–Yates) and returns it. */
  shuffle<T>(list: T[]): T[];
  /** A new independent stream derived from this one and a label. */
  fork(label: string): Rng;
}

/** 32-bit FNV-1a hash of a label, to derive independent streams. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32 (public domain, Tommy Ettinger): tiny, fast and good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(items) {
      let total = 0;
      for (const [, w] of items) total += w;
      let r = next() * total;
      for (const [v, w] of items) {
        r -= w;
        if (r < 0) return v;
      }
      return items[items.length - 1][0];
    },
    normal() {
      const u = 1 - next();
      const v = next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      return Math.max(-4, Math.min(4, z));
    },
    lognormal: (mu, sigma) => Math.exp(mu + sigma * rng.normal()),
    shuffle(list) {
      for (let i = list.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [list[i], list[j]] = [list[j], list[i]];
      }
      return list;
    },
    fork: (label) => createRng((Math.imul(a ^ hashLabel(label), 0x9e3779b1) ^ hashLabel(`${label}#`)) >>> 0),
  };
  return rng;
}
