import { LAST_YEAR, type OrgSkeleton, reportYears } from './demo-orgs.js';
import type { Rng } from './demo-random.js';

/** One yearly report as column → value (columns of annual_report, see core/registry/report-fields.ts). */
export type ReportRow = Record<string, string | number | boolean | null>;

/** What the figures of an organisation are built from: its size and its habits, fixed over the years. */
interface Profile {
  revenue: number; // level in 2024 đồng, before ramp-up and year effects
  members: number; // official members in 2024
  households: number; // share of official members that are households
  legal: number; // legal entities among official members
  associates: [number, number]; // capital and non-capital associates per official member
  charter: number;
  assetRatio: number;
  indivisible: number;
  margin: number;
  memberRevenue: number;
  perWorker: number;
  regularShare: number;
  insured: boolean;
  income: number;
  univ: number;
  managers: number;
  minority: number;
  since: Record<'valueChain' | 'enterprise' | 'highTech' | 'transfer' | 'digital' | 'trade', number | null>;
  land: boolean;
  info: boolean;
  audited: boolean;
  partners: number;
}

const yearOf = (d: string) => Number(d.slice(0, 4));
const money = (x: number) => String(Math.round(x / 1000) * 1000);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const binomial = (rng: Rng, n: number, p: number) => {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
};
const since = (rng: Rng, p: number, from: number, to = LAST_YEAR) =>
  rng.chance(p) ? rng.int(from, to) : null;
const on = (from: number | null, y: number) => from !== null && y >= from;

/**
 * Draws the profile. Revenue is lognormal with a 2024 mean near 2.8 bn đồng per HTX, charter capital ≈2.0 bn, total
 * assets ≈5.3 bn, profit ≈200 m with some losses (regulations.md §10, end-2024 figures); members have a long tail.
 */
function drawProfile(rng: Rng, o: OrgSkeleton): Profile {
  const z = rng.normal();
  const agri = o.field === 'agriculture';
  const hilly = o.territory.tags.includes('highland') || o.territory.tags.includes('mountain');
  const minority = o.territory.ethnic.filter(([e]) => e !== 'Kinh').reduce((s, [, w]) => s + w, 0) / 100;
  let revenue: number;
  let members: number;
  if (o.kind === 'THT') {
    revenue = Math.exp(Math.log(3.2e8) + 0.8 * rng.normal());
    members = clamp(Math.round(Math.exp(Math.log(6) + 0.45 * rng.normal())), 2, 15);
  } else if (o.kind === 'LHHTX') {
    revenue = Math.exp(Math.log(6e9) + 0.6 * rng.normal());
    members = 0;
  } else {
    const factor = o.creditFund
      ? 4.5
      : o.serviceCoop
        ? 1.25
        : ['41', '42', '49'].includes(o.vsic.slice(0, 2))
          ? 1.3
          : ['1392', '1629'].includes(o.vsic)
            ? 0.7
            : 1;
    revenue = factor * Math.exp(Math.log(1.85e9) + 1.0 * (0.8 * z + 0.6 * rng.normal()));
    const zm = 0.6 * z + 0.8 * rng.normal();
    if (o.creditFund) members = Math.round(Math.exp(Math.log(2500) + 0.5 * zm));
    else if (o.serviceCoop) members = Math.round(Math.exp(Math.log(850) + 0.6 * zm));
    else if (o.vsic === '0161') members = Math.round(Math.exp(Math.log(70) + 0.9 * zm));
    else members = 5 + Math.round(Math.exp(Math.log(13) + 0.75 * zm));
  }
  const vc = agri ? (hilly ? 0.2 : 0.17) : 0.08;
  const valueChain =
    o.kind === 'THT' ? since(rng, 0.05, 2018) : since(rng, o.kind === 'LHHTX' ? 0.7 : vc, 2015);
  return {
    revenue,
    members,
    households: o.serviceCoop
      ? rng.range(0.75, 0.95)
      : o.creditFund
        ? 0.08
        : rng.chance(0.6)
          ? 0
          : rng.range(0, 0.4),
    legal: o.serviceCoop || rng.chance(0.85) ? rng.int(0, 1) : 2,
    associates: [rng.chance(0.6) ? rng.range(0, 0.08) : 0, rng.chance(0.35) ? rng.range(0.05, 0.4) : 0],
    charter: o.creditFund
      ? rng.range(3e9, 12e9)
      : Math.max(5e7, revenue * Math.exp(Math.log(0.55) + 0.5 * rng.normal())),
    assetRatio: o.creditFund ? rng.range(6, 12) : rng.range(1.5, 3.6),
    indivisible: rng.range(0.03, 0.25),
    margin: o.creditFund ? rng.range(0.08, 0.16) : 0.072 + 0.06 * rng.normal(),
    memberRevenue: o.creditFund
      ? rng.range(0.9, 1)
      : o.serviceCoop || o.kind === 'THT'
        ? rng.range(0.6, 0.95)
        : rng.range(0.2, 0.8),
    perWorker: Math.exp(Math.log(2.6e8) + 0.45 * rng.normal()),
    regularShare: rng.range(0.5, 0.9),
    insured: o.creditFund || rng.chance(o.kind === 'LHHTX' ? 0.8 : 0.5),
    income:
      Math.exp(Math.log(o.kind === 'THT' ? 3.8e7 : 5.4e7) + 0.2 * rng.normal()) * (o.creditFund ? 1.5 : 1),
    univ: o.creditFund || o.kind === 'LHHTX' ? rng.range(0.4, 0.7) : rng.range(0.1, 0.35),
    managers:
      o.kind === 'LHHTX' || o.creditFund ? rng.int(5, 9) : members < 10 ? rng.int(2, 3) : rng.int(5, 8),
    minority: clamp(minority * rng.range(0.6, 1.3), 0, 1),
    since: {
      valueChain,
      enterprise: valueChain ?? since(rng, 0.1, 2016),
      highTech: agri && o.kind !== 'THT' ? since(rng, hilly ? 0.16 : 0.09, 2016) : null,
      transfer: o.kind === 'THT' ? null : since(rng, 0.35, 2012),
      digital: rng.chance(o.kind === 'THT' ? 0.2 : 0.42)
        ? rng.weighted([
            [2019, 1],
            [2020, 1.5],
            [2021, 2],
            [2022, 2.5],
            [2023, 3],
            [2024, 3],
            [2025, 3],
          ])
        : null,
      trade: valueChain !== null && rng.chance(0.9) ? valueChain : since(rng, 0.12, 2017),
    },
    land: rng.chance(o.territory.key === 'HP' ? 0.45 : 0.38),
    info: rng.chance(0.75),
    audited: o.creditFund || rng.chance(0.06),
    partners: rng.int(1, 4),
  };
}

/** Year effect: +6%/year nominal growth, with the 2020–2021 pandemic dip. */
const trend = (y: number) => 1.06 ** (y - 2024) * (y === 2020 ? 0.92 : y === 2021 ? 0.95 : 1);

/** Months stopped in a year under a suspension (from, to exclusive; open-ended = to the end of 2025). */
function monthsStopped(o: OrgSkeleton, y: number): number {
  if (!o.suspension) return 0;
  const from = Math.max(Date.parse(`${y}-01-01`), Date.parse(o.suspension.from));
  const to = Math.min(Date.parse(`${y + 1}-01-01`), Date.parse(o.suspension.to ?? '2026-01-01'));
  return to > from ? Math.min(12, Math.round((to - from) / (30.44 * 86_400_000))) : 0;
}

/**
 * The yearly reports of one organisation, 2019 (or `firstYear`) to 2025 from its founding on; unionMembers(y) gives a
 * union's members.
 */
export function yearlyReports(
  rng: Rng,
  o: OrgSkeleton,
  unionMembers: (y: number) => number,
  firstYear?: number,
): ReportRow[] {
  const p = drawProfile(rng, o);
  if (o.demoUser) {
    // The demo cooperative: mid-sized, profitable, in a value chain since 2021, digital since 2023.
    Object.assign(p, {
      revenue: 3.1e9,
      members: 28,
      margin: 0.08,
      managers: 5,
      univ: 0.3,
      insured: true,
      associates: [0.05, 0.15],
    });
    Object.assign(p.since, { valueChain: 2021, enterprise: 2021, trade: 2022, digital: 2023 });
  }
  const years = reportYears(o, firstYear);
  const founded = yearOf(o.foundedOn);
  const converted = o.convertedOn ? yearOf(o.convertedOn) : null;
  return years.map((y) => {
    const age = y - founded;
    const asTht = o.kind === 'THT' || (converted !== null && y < converted);
    const fading = years.length - years.indexOf(y) <= 2 && (o.paperOnly || o.endedOn) ? 0.5 : 1;
    const stopped = monthsStopped(o, y);
    const ramp = age === 0 ? 0.35 : age === 1 ? 0.7 : age === 2 ? 0.9 : 1;
    const revenue =
      p.revenue *
      (asTht && o.kind !== 'THT' ? 0.15 : 1) *
      trend(y) *
      ramp *
      fading *
      ((12 - stopped) / 12) *
      Math.exp(0.12 * rng.normal());
    const profit =
      revenue * (o.newModel && y >= 2020 ? Math.max(0.03, p.margin) : p.margin + 0.035 * rng.normal());
    const r: ReportRow = { year: y };
    let official: number;
    if (o.kind === 'LHHTX') {
      official = unionMembers(y);
      Object.assign(r, {
        member_official_individual: 0,
        member_official_household: 0,
        member_official_legal: official,
        member_cooperatives: official,
        member_associate_capital: 0,
        member_associate_noncapital: 0,
      });
    } else if (asTht) {
      official =
        o.kind === 'THT' ? clamp(p.members + (rng.chance(0.2) ? rng.int(-1, 1) : 0), 2, 15) : rng.int(5, 12);
      Object.assign(r, {
        member_official_individual: official,
        member_official_household: 0,
        member_official_legal: 0,
      });
    } else {
      official = Math.max(
        5,
        Math.round(
          p.members *
            1.03 ** (y - 2024) *
            (age === 0 ? 0.8 : age === 1 ? 0.9 : 1) *
            (1 + 0.03 * rng.normal()),
        ),
      );
      const legal = Math.min(p.legal, official - 5);
      const household = Math.round((official - legal) * p.households);
      Object.assign(r, {
        member_official_individual: official - legal - household,
        member_official_household: household,
        member_official_legal: legal,
        member_associate_capital: Math.round(official * p.associates[0]),
        member_associate_noncapital: Math.round(official * p.associates[1]),
      });
    }
    const total =
      official + Number(r.member_associate_capital ?? 0) + Number(r.member_associate_noncapital ?? 0);
    const workers = asTht
      ? Math.max(official, 2)
      : clamp(Math.round(revenue / p.perWorker), o.creditFund ? 8 : 2, 600);
    const regular = Math.max(1, Math.round(workers * p.regularShare));
    const social = !asTht && p.insured ? Math.round(regular * rng.range(0.5, 1)) : 0;
    Object.assign(r, {
      members_official: official,
      members_total: total,
      member_foreign_official: o.kind === 'THT' ? null : 0,
      member_women: o.kind === 'LHHTX' ? null : Math.round(total * rng.range(0.28, 0.55)),
      member_ethnic_minority: o.kind === 'LHHTX' ? null : Math.min(total, Math.round(total * p.minority)),
      worker_total: workers,
      worker_regular: regular,
      worker_social_insurance: asTht ? null : social,
      worker_health_insurance: asTht ? null : Math.min(workers, social + rng.int(0, 2)),
      avg_income_regular_worker: money(
        Math.round((p.income * 1.05 ** (y - 2024) * (1 + 0.03 * rng.normal())) / 1e5) * 1e5,
      ),
      revenue_total: money(revenue),
      revenue_from_members: money(revenue * p.memberRevenue),
      profit_before_tax: money(profit),
    });
    const charter = p.charter * 1.035 ** (y - 2024);
    const assets = (asTht ? revenue * 0.8 : charter * p.assetRatio) * (1 + 0.05 * rng.normal());
    Object.assign(r, { total_capital: money(assets), total_assets: money(assets) });
    if (!asTht) {
      const mt = p.managers;
      // Training improves slowly year on year (≈25–35% college/university by 2024), rather than drawn afresh each year.
      const univ = clamp(
        Math.round(mt * Math.min(0.8, p.univ + 0.018 * (y - 2019)) + 0.3 * rng.normal()),
        0,
        mt,
      );
      const inter = clamp(Math.round((mt - univ) * 0.65 + 0.3 * rng.normal()), 0, mt - univ);
      Object.assign(r, {
        charter_capital: money(Math.round(charter / 1e6) * 1e6),
        indivisible_assets: money(assets * p.indivisible),
        fund_development_pct: profit > 0 ? String(rng.int(15, 40)) : '0',
        fund_reserve_pct: profit > 0 ? String(rng.int(5, 10)) : '0',
        fund_other_pct: profit > 0 ? String(rng.int(0, 10)) : '0',
        manager_total: mt,
        manager_university: univ,
        manager_intermediate: inter,
        manager_untrained: mt - univ - inter,
        manager_young: binomial(rng, mt, 0.16),
        value_chain: on(p.since.valueChain, y),
        value_chain_partners: on(p.since.valueChain, y) ? p.partners : 0,
        enterprise_linkage: on(p.since.enterprise, y),
        high_tech: on(p.since.highTech, y),
        technology_transfer: on(p.since.transfer, y),
        digital_transformation: on(p.since.digital, y),
        land_allocated_leased: p.land,
        information_access: p.info,
        trade_promotion: on(p.since.trade, y),
        audited_statements: p.audited,
        administrative_sanction: rng.chance(0.015),
        months_suspended: stopped,
      });
    } else if (o.kind === 'THT') {
      Object.assign(r, {
        value_chain: on(p.since.valueChain, y),
        digital_transformation: on(p.since.digital, y),
        months_suspended: stopped,
      });
    }
    if (rng.chance(fading < 1 ? 0.5 : 0.92))
      r.general_meeting_date = `${y}-0${rng.int(1, 4)}-${String(rng.int(5, 28)).padStart(2, '0')}`;
    return r;
  });
}
