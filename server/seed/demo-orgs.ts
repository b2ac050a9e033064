import type { Field } from '../../core/registry/enums.js';
import { fieldFromVsic } from '../../core/registry/vsic.js';
import { addDays, dateBetween } from './demo-people.js';
import type { Rng } from './demo-random.js';
import type { TerritoryPlan } from './demo-territory.js';
import { type Activity, AGRI_ACTIVITIES, OTHER_ACTIVITIES } from './demo-words.js';

/** Kind of a demo organisation (ORGANISATION_KINDS). */
export type DemoKind = 'THT' | 'HTX' | 'LHHTX';

/** The life of a demo organisation before it gets a place, a name and figures. */
export interface OrgSkeleton {
  kind: DemoKind;
  creditFund: boolean;
  territory: TerritoryPlan;
  activity: Activity;
  vsic: string;
  field: Field;
  foundedOn: string;
  legalStatus: string;
  statusChangedOn: string | null;
  endedOn: string | null;
  paperOnly: boolean;
  lastReportYear: number; // last year with a yearly report (2025 unless dissolved, paper-only)
  convertedOn: string | null; // founded as a THT, converted into an HTX on this date (code kept)
  suspension: { from: string; to: string | null } | null;
  newModel: string | null;
  serviceCoop: boolean; // the commune-wide agricultural service HTX of the delta, with hundreds of household members
  demoUser: boolean; // the HTX of the demo cooperative user
}

/** First year of yearly figures: the data are as of the 2025 reporting season (figures submitted in early 2026). */
export const FIRST_YEAR = 2019;
/** Last year of yearly figures and of foundings. */
export const LAST_YEAR = 2025;
const LAST_FOUNDING = '2025-11-30';

const CREDIT_FUND: Activity = { vsic: '6419', htx: ['Quỹ tín dụng nhân dân'], tht: [], weight: 0 };

/** True when a line of business suits a territory (no tags: everywhere). */
function fits(act: Activity, t: TerritoryPlan): boolean {
  return !act.tags || act.tags.some((tag) => t.tags.includes(tag));
}

/** A line of business for a territory and kind, by weight among the lines that suit the territory. */
export function pickActivity(rng: Rng, t: TerritoryPlan, agri: boolean, kind: DemoKind): Activity {
  const list = (agri ? AGRI_ACTIVITIES : OTHER_ACTIVITIES).filter(
    (x) => fits(x, t) && (kind !== 'THT' || x.tht.length > 0),
  );
  return rng.weighted(list.map((x) => [x, x.weight] as const));
}

/** The line of business with a VSIC code that suits a territory best. */
export function activityByVsic(vsic: string, t: TerritoryPlan): Activity {
  const all = [...AGRI_ACTIVITIES, ...OTHER_ACTIVITIES].filter((x) => x.vsic === vsic);
  const found = all.find((x) => x.tags && fits(x, t)) ?? all.find((x) => !x.tags) ?? all[0];
  if (!found) throw new Error(`Dữ liệu mẫu: không có ngành ${vsic}`);
  return found;
}

/** A founding year: few before 2009, then more each year (regulations.md §10: >2,000 new HTX a year nationally). */
function foundingYear(rng: Rng, from: number, growth: number): number {
  const years: [number, number][] = [];
  for (let y = from; y <= LAST_YEAR; y++)
    years.push([y, (y < 2009 ? 1 : Math.exp(growth * (y - 2008))) * (y === LAST_YEAR ? 0.9 : 1)]);
  return rng.weighted(years);
}

function foundedDate(rng: Rng, year: number): string {
  return dateBetween(rng, `${year}-01-02`, year === LAST_YEAR ? LAST_FOUNDING : `${year}-12-28`);
}

/** Creates one skeleton; the status (dissolved, suspended, paper-only…) is decided later over the whole set. */
export function makeSkeleton(
  rng: Rng,
  t: TerritoryPlan,
  kind: DemoKind,
  opts: { creditFund?: boolean; vsic?: string; year?: number } = {},
): OrgSkeleton {
  const agri = rng.chance(kind === 'THT' ? Math.min(0.85, t.agriShare + 0.04) : t.agriShare);
  const activity = opts.creditFund
    ? CREDIT_FUND
    : opts.vsic
      ? activityByVsic(opts.vsic, t)
      : pickActivity(rng, t, agri, kind);
  const serviceCoop = kind === 'HTX' && activity.vsic === '0161' && t.tags.includes('delta');
  let year = opts.year;
  if (year === undefined) {
    if (kind === 'LHHTX') year = rng.int(2012, 2024);
    else if (opts.creditFund) year = rng.int(1997, 2005);
    else if (serviceCoop && rng.chance(0.7))
      year = rng.int(1997, 2001); // transformed under the 1996 Law on Cooperatives
    else year = foundingYear(rng, kind === 'THT' ? 2005 : 1997, kind === 'THT' ? 0.15 : 0.13);
  }
  return {
    kind,
    creditFund: !!opts.creditFund,
    territory: t,
    activity,
    vsic: activity.vsic,
    field: fieldFromVsic(activity.vsic) ?? 'trade_service',
    foundedOn: foundedDate(rng, year),
    legalStatus: 'active',
    statusChangedOn: null,
    endedOn: null,
    paperOnly: false,
    lastReportYear: LAST_YEAR,
    convertedOn: null,
    suspension: null,
    newModel: null,
    serviceCoop,
    demoUser: false,
  };
}

const yearOf = (d: string) => Number(d.slice(0, 4));

/** Ends an organisation: dissolved (HTX, LHHTX) or terminated (THT) on a date; it reports until the year before. */
function end(rng: Rng, o: OrgSkeleton): void {
  const from = [addDays(o.foundedOn, 700), '2019-03-01'].sort()[1];
  if (from > LAST_FOUNDING) return;
  o.endedOn = dateBetween(rng, from, LAST_FOUNDING);
  o.legalStatus = o.kind === 'THT' ? 'terminated' : 'dissolved';
  o.statusChangedOn = o.endedOn;
  o.lastReportYear = yearOf(o.endedOn) - 1;
}

/**
 * Gives the set its history: some dissolved or terminated, some suspended (a few resumed), a few "paper-only" HTX
 * (no reports for the last 2 years, the kind HP-07 asks to dissolve), a few in dissolution and a few THT converted
 * into HTX (NĐ 92/2024 Art. 14: the code survives the conversion).
 */
export function applyLifecycle(rng: Rng, orgs: OrgSkeleton[]): void {
  for (const o of orgs) {
    if (o.kind === 'LHHTX' || o.creditFund || o.demoUser || o.newModel) continue;
    const old = o.foundedOn < '2022-01-01';
    const r = rng.next();
    if (r < 0.07) {
      if (old) end(rng, o);
    } else if (r < 0.1) {
      if (o.foundedOn > '2025-09-30') continue;
      o.legalStatus = 'suspended';
      o.statusChangedOn = dateBetween(rng, [o.foundedOn, '2024-01-15'].sort()[1], '2025-10-31');
      o.suspension = { from: o.statusChangedOn, to: null };
    } else if (r < 0.12) {
      if (!old) continue;
      const from = dateBetween(rng, [o.foundedOn, '2020-01-15'].sort()[1], '2022-12-31');
      o.suspension = { from, to: addDays(from, rng.int(120, 360)) };
    } else if (r < 0.18) {
      if (o.kind !== 'HTX' || o.foundedOn >= '2021-01-01') continue;
      o.paperOnly = true;
      o.lastReportYear = Math.max(yearOf(o.foundedOn), rng.int(2019, 2023));
      if (rng.chance(0.2)) {
        o.legalStatus = 'not_at_address';
        o.statusChangedOn = dateBetween(rng, '2024-03-01', '2025-09-30');
      }
    } else if (r < 0.19) {
      if (o.kind !== 'HTX' || !old) continue;
      o.legalStatus = 'dissolving';
      o.statusChangedOn = dateBetween(rng, '2025-03-01', '2025-11-15');
    } else if (r < 0.22) {
      if (o.kind !== 'HTX' || o.foundedOn < '2008-01-01' || o.foundedOn >= '2021-01-01') continue;
      o.convertedOn = dateBetween(rng, addDays(o.foundedOn, 500), '2025-06-30');
    }
  }
}

/** Years an organisation has a yearly report for (from `firstYear`: the national dataset starts in 2015). */
export function reportYears(o: OrgSkeleton, firstYear = FIRST_YEAR): number[] {
  const years: number[] = [];
  for (let y = Math.max(firstYear, yearOf(o.foundedOn)); y <= o.lastReportYear; y++) years.push(y);
  return years;
}
