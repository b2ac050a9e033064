import { makeSkeleton, type OrgSkeleton } from '../demo-orgs.js';
import { addDays, dateBetween } from '../demo-people.js';
import type { Rng } from '../demo-random.js';
import type { Commune } from '../demo-territory.js';
import { type NationalGeography, type NationalOldCommune, pickCumulative } from './national-geo.js';
import { FIRST_FOUNDING_YEAR, NATIONAL_TARGETS, type SeedScale } from './national-scale.js';

/** An organisation of the national dataset: its life (skeleton) and where it is. */
export interface NationalOrg {
  id: number;
  o: OrgSkeleton;
  old: NationalOldCommune;
  commune: Commune;
  /** Whether the commune before 1/7/2025 is recorded (founded before the reform). */
  pre2025: boolean;
}

const LAST_FOUNDING = '2025-11-30';
const yearOf = (d: string) => Number(d.slice(0, 4));

// Founding years: a steady stock founded 2000–2014, then more each year (regulations.md §10.2: >2,000 new HTX a
// year; 23,280 HTX in 2019, 29,378 in 2022, >35,000 in late 2025). THT mostly date from before 2019 and decline since.
const HTX_YEARS: [number, number][] = [];
const THT_YEARS: [number, number][] = [];
for (let y = FIRST_FOUNDING_YEAR; y <= 2025; y++) {
  const late = [1.6, 1.7, 1.9, 2.1, 2.3, 2.3, 2.5, 2.6, 2.6, 2.7, 2.4][y - 2015];
  HTX_YEARS.push([y, y < 2015 ? 1 : late]);
  THT_YEARS.push([y, y < 2019 ? 1 : 0.35]);
}

/** Share of the organisations ever founded that were dissolved (HTX) or terminated (THT) by late 2025. */
const ENDED = { HTX: 0.125, THT: 0.2 };

/**
 * Ends some organisations (dissolutions from 2015), gives old HTX a "paper-only" existence (no reports for the
 * last years: the kind the plans ask to dissolve), suspends a few, and converts a few THT into HTX.
 */
function lifecycle(rng: Rng, o: OrgSkeleton): void {
  if (o.kind === 'LHHTX' || o.creditFund) return;
  const founded = o.foundedOn;
  const r = rng.next();
  const endShare = o.kind === 'THT' ? ENDED.THT : ENDED.HTX;
  if (r < endShare * 1.15) {
    const from = [addDays(founded, 600), o.kind === 'THT' ? '2017-01-01' : '2015-01-01'].sort()[1];
    if (from >= LAST_FOUNDING) return;
    o.endedOn = dateBetween(rng, from, LAST_FOUNDING);
    o.legalStatus = o.kind === 'THT' ? 'terminated' : 'dissolved';
    o.statusChangedOn = o.endedOn;
    o.lastReportYear = yearOf(o.endedOn) - 1;
    return;
  }
  if (o.kind !== 'HTX') return;
  const old = founded < '2021-01-01';
  if (r < 0.25 && old) {
    o.paperOnly = true;
    o.lastReportYear = Math.max(yearOf(founded), rng.int(2016, 2023));
    if (rng.chance(0.2)) {
      o.legalStatus = 'not_at_address';
      o.statusChangedOn = dateBetween(rng, '2024-03-01', '2025-09-30');
    }
  } else if (r < 0.28 && founded < '2025-06-30') {
    o.legalStatus = 'suspended';
    o.statusChangedOn = dateBetween(rng, [addDays(founded, 90), '2024-01-15'].sort()[1], '2025-10-31');
    o.suspension = { from: o.statusChangedOn, to: null };
  } else if (r < 0.29 && old) {
    o.legalStatus = 'dissolving';
    o.statusChangedOn = dateBetween(rng, '2025-03-01', '2025-11-15');
  } else if (r < 0.31 && founded >= '2008-01-01' && founded < '2021-01-01') {
    o.convertedOn = dateBetween(rng, addDays(founded, 500), '2025-06-30');
  }
}

/** Places an organisation: a pre-2025 commune by the regional weights, then one of the communes it became. */
function place(rng: Rng, geo: NationalGeography) {
  const old = geo.olds[pickCumulative(geo.cumulative, rng.next())];
  const commune = old.successors.length === 1 ? old.successors[0] : rng.pick(old.successors);
  return { old, commune };
}

/** How many of each kind to generate (existing in late 2025, plus those that ended before). */
export function kindCounts(scale: SeedScale) {
  const f = scale.fraction;
  const htx = Math.round((NATIONAL_TARGETS.htx * f) / (1 - ENDED.HTX));
  return {
    htx,
    creditFunds: Math.round(htx * NATIONAL_TARGETS.creditFundShare),
    lhhtx: Math.max(1, Math.round(NATIONAL_TARGETS.lhhtx * f)),
    tht: Math.round((NATIONAL_TARGETS.tht * f) / (1 - ENDED.THT * 1.15)),
  };
}

/** Generates every organisation with its place, deterministically from the stream; ids are 1…n in this order. */
export function generateOrganisations(rng: Rng, geo: NationalGeography, scale: SeedScale): NationalOrg[] {
  const n = kindCounts(scale);
  const out: NationalOrg[] = [];
  const add = (kind: 'HTX' | 'THT' | 'LHHTX', opts: { creditFund?: boolean; year?: number } = {}) => {
    const at = place(rng, geo);
    const year = opts.year ?? rng.weighted(kind === 'THT' ? THT_YEARS : HTX_YEARS);
    const o = makeSkeleton(rng, at.old.territory, kind, { creditFund: opts.creditFund, year });
    if (o.foundedOn > LAST_FOUNDING) o.foundedOn = LAST_FOUNDING;
    lifecycle(rng, o);
    out.push({
      id: out.length + 1,
      o,
      old: at.old,
      commune: at.commune,
      pre2025: o.foundedOn < '2025-07-01',
    });
  };
  for (let i = 0; i < n.lhhtx; i++) add('LHHTX', { year: rng.int(2010, 2024) });
  for (let i = 0; i < n.creditFunds; i++)
    add('HTX', { creditFund: true, year: rng.int(FIRST_FOUNDING_YEAR, 2006) });
  for (let i = n.creditFunds; i < n.htx; i++) add('HTX');
  for (let i = 0; i < n.tht; i++) add('THT');
  return out;
}

/**
 * Links member HTX to each union (≈6 each: 164 unions with >1,000 member HTX): operating HTX of the same province
 * of today, agricultural with agricultural, joined when the union was founded or later.
 */
export function linkUnions(rng: Rng, orgs: NationalOrg[], perUnion: number) {
  const links: { union: number; member: number; joined_on: string }[] = [];
  const byProvince = new Map<string, NationalOrg[]>();
  for (const x of orgs) {
    const o = x.o;
    if (o.kind !== 'HTX' || o.creditFund || o.endedOn || o.paperOnly || o.foundedOn >= '2025-01-01') continue;
    const list = byProvince.get(x.commune.provinceCode) ?? [];
    list.push(x);
    byProvince.set(x.commune.provinceCode, list);
  }
  const taken = new Set<number>();
  for (const u of orgs) {
    if (u.o.kind !== 'LHHTX') continue;
    const pool = (byProvince.get(u.commune.provinceCode) ?? []).filter(
      (c) => !taken.has(c.id) && (c.o.field === 'agriculture') === (u.o.field === 'agriculture'),
    );
    const want = Math.max(3, Math.round(perUnion * rng.range(0.5, 1.5)));
    for (let k = 0; k < want && pool.length > 0; k++) {
      const c = pool.splice(rng.int(0, pool.length - 1), 1)[0];
      taken.add(c.id);
      const from = [u.o.foundedOn, c.o.foundedOn].sort()[1];
      const joined = k < 3 ? from : addDays(from, rng.int(30, 900));
      links.push({ union: u.id, member: c.id, joined_on: joined > LAST_FOUNDING ? LAST_FOUNDING : joined });
    }
  }
  return links;
}
