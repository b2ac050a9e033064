/**
 * Generation of demo assessment results (pure, deterministic from a seed): a latent quality per cooperative from its
 * figures (profitability, funds, paper-only) drifting a little year on year, turned into TT 01/2020 scores per item
 * whose sum gives the band, so a province looks real: roughly a fifth Tốt, two fifths Khá, a quarter Trung bình, an
 * eighth Yếu. The Kon Tum pilots of QĐ 167 (a new-type model) score higher (KT-02: Tốt at the end, Khá to enter).
 */
import { scoredItems } from '../../core/assessment/score.js';
import type { RubricDefinition } from '../../core/assessment/types.js';
import { addDays, dateBetween, personName } from './demo-people.js';
import type { Rng } from './demo-random.js';

/** What the generator knows of a cooperative and year. */
export interface DemoSubject {
  organisationId: number;
  year: number;
  kind: string;
  paperOnly: boolean;
  pilot: boolean;
  margin: number | null;
  fundPct: number | null;
}

/** One generated result with its item scores. */
export interface DemoResult {
  self: Record<string, number>;
  officer: Record<string, number>;
  selfTotal: number;
  finalTotal: number;
  board: string;
  supervisor: string;
  serviceType: string;
  submittedOn: string;
  reviewedOn: string;
  confirmedOn: string;
}

const half = (x: number) => Math.round(x * 2) / 2;
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const sum = (o: Record<string, number>) =>
  Math.round(Object.values(o).reduce((s, x) => s + x * 100, 0)) / 100;

/** The lasting quality of a cooperative (z-score), drawn once from its first known figures. */
export function baseQuality(rng: Rng, s: DemoSubject): number {
  let z = 0.75 * rng.normal();
  if (s.margin !== null) z += s.margin > 0.1 ? 0.3 : s.margin < 0 ? -0.8 : 0;
  if (s.fundPct !== null && s.fundPct >= 20) z += 0.15;
  if (s.paperOnly) z -= 1.2;
  if (s.kind === 'LHHTX') z += 0.3;
  if (s.pilot) z += 1.3;
  return z;
}

/**
 * A target total for a year: the lasting quality, a yearly swing and a slow improvement; spread wider below the
 * median than above it (few reach 80, the weak tail is long), tuned on the demo registry to ≈ 20/43/25/12 %.
 */
export function targetTotal(rng: Rng, base: number, s: DemoSubject): number {
  const z = base + 0.45 * rng.normal() + 0.05 * (s.year - 2020);
  const t = clamp(66.5 + (z < 0 ? 16.5 : 12) * z, 22, 97);
  return s.pilot && s.year === 2020 ? Math.max(t, 66) : t;
}

/** Item scores whose sum follows the target: each known maximum scaled with noise, group III's 40 shared by 10–15. */
export function scoresFor(rng: Rng, def: RubricDefinition, target: number): Record<string, number> {
  const f = target / 100;
  const out: Record<string, number> = {};
  const open: string[] = [];
  for (const { item, max } of scoredItems(def)) {
    if (item.maxPoints === null) open.push(item.code);
    else out[item.code] = clamp(half(max * clamp(f + 0.12 * rng.normal(), 0, 1)), 0, max);
  }
  const pool = 40 * clamp(f + 0.06 * rng.normal(), 0, 1);
  const weights = open.map(() => rng.range(0.75, 1.25));
  const w = weights.reduce((a, b) => a + b, 0);
  let used = 0;
  open.forEach((code, k) => {
    const s = Math.min(half((pool * weights[k]) / w), 40 - used);
    out[code] = Math.max(0, s);
    used += out[code];
  });
  return out;
}

/** A whole result: scores, the officers' occasional corrections (downwards, ½–1 point), approvals and dates. */
export function demoResult(rng: Rng, def: RubricDefinition, s: DemoSubject, base: number): DemoResult {
  const self = scoresFor(rng, def, targetTotal(rng, base, s));
  const officer: Record<string, number> = {};
  if (rng.chance(0.18)) {
    const codes = Object.keys(self).filter((c) => self[c] >= 1);
    for (let k = rng.int(1, 2); k > 0 && codes.length; k--) {
      const c = rng.pick(codes);
      officer[c] = self[c] - rng.pick([0.5, 1]);
    }
  }
  const final = { ...self, ...officer };
  const y = s.year;
  const submittedOn = rng.chance(0.82)
    ? dateBetween(rng, `${y}-11-25`, `${y}-12-15`)
    : dateBetween(rng, `${y}-12-16`, `${y}-12-28`);
  const reviewedOn = addDays(submittedOn, rng.int(1, 6));
  return {
    self,
    officer,
    selfTotal: sum(self),
    finalTotal: sum(final),
    board: personName(rng, 'Kinh', rng.chance(0.7) ? 'male' : 'female'),
    supervisor: personName(rng, 'Kinh', rng.chance(0.5) ? 'male' : 'female'),
    serviceType: rng.weighted([
      ['production', 70],
      ['consumption', 5],
      ['job_creation', 10],
      ['mixed', 15],
    ] as const),
    submittedOn,
    reviewedOn,
    confirmedOn: addDays(reviewedOn, rng.int(1, 6)),
  };
}

/** The 2025 workflow status of a result (the campaign is still being worked through), by whether figures are approved. */
export function status2025(rng: Rng, approved: boolean): string {
  return approved
    ? rng.weighted([
        ['published', 45],
        ['confirmed', 15],
        ['commune_reviewed', 15],
        ['self_submitted', 15],
        ['returned', 5],
        ['draft', 5],
      ] as const)
    : rng.weighted([
        ['draft', 45],
        ['self_submitted', 35],
        ['returned', 15],
        ['commune_reviewed', 5],
      ] as const);
}
