import { organisationNameKey } from '../../core/text.js';
import {
  type EventRow,
  lifecycleEvents,
  type MemberRow,
  memberRegister,
  type ProductRow,
  productsOf,
  reviewTrail,
} from './demo-extras.js';
import {
  contactDetails,
  NameBook,
  nameOrg,
  type Placement,
  placeOrg,
  registrationCode,
  shortName,
} from './demo-naming.js';
import { applyLifecycle, makeSkeleton, type OrgSkeleton } from './demo-orgs.js';
import { addDays } from './demo-people.js';
import { createRng, type Rng } from './demo-random.js';
import { type ReportRow, yearlyReports } from './demo-reports.js';
import { type DemoGeography, TERRITORIES } from './demo-territory.js';
import { PROPER_NAMES } from './demo-words.js';

/** The demo cooperative of the 'htx.dongdang' account. */
export const DEMO_COOP_NAME = 'Hợp tác xã Nông nghiệp Đồng Đăng';

/** An organisation ready to load: its skeleton, place, registration data, reports and related rows. */
export interface BuiltOrg {
  o: OrgSkeleton;
  p: Placement;
  row: Record<string, string | number | boolean | null>;
  reports: ReportRow[];
  comments: { year: number; body: string; at: string }[];
  events: EventRow[];
  products: ProductRow[];
  members: MemberRow[];
}

/** Everything the demo seeder writes, generated without touching the database. */
export interface DemoData {
  orgs: BuiltOrg[];
  unionLinks: { union: number; member: number; joined_on: string }[]; // indexes into orgs
}

// QĐ 167/QĐ-TTg models for the Kon Tum pilot (KT-01): every one of the 12 models, with a fitting line of business.
const PILOTS: [string, string][] = [
  ['A_a', '0118'],
  ['A_b', '0128'],
  ['A_c', '0161'],
  ['A_d', '0210'],
  ['A_dd', '0126'],
  ['A_e', '0128'],
  ['A_g', '0145'],
  ['A_h', '0322'],
  ['N_a', '4101'],
  ['N_b', '4932'],
  ['N_c', '1392'],
  ['N_d', '3600'],
  ['A_c', '0126'],
  ['A_a', '0121'],
  ['A_dd', '0210'],
  ['A_e', '0127'],
];

/** A fitting new-type model for an HTX elsewhere, or null when its line has none. */
function modelFor(rng: Rng, o: OrgSkeleton): string | null {
  if (o.field === 'agriculture')
    return o.vsic.startsWith('03') ? 'A_h' : rng.pick(['A_a', 'A_b', 'A_c', 'A_d', 'A_dd', 'A_e', 'A_g']);
  const byDivision: Record<string, string> = {
    '41': 'N_a',
    '42': 'N_a',
    '49': 'N_b',
    '13': 'N_c',
    '16': 'N_c',
    '36': 'N_d',
    '38': 'N_d',
    '88': 'N_d',
  };
  return byDivision[o.vsic.slice(0, 2)] ?? null;
}

function agriSubtype(o: OrgSkeleton): string | null {
  if (o.field !== 'agriculture') return null;
  const v = o.vsic;
  if (v === '0893') return 'salt';
  if (v.startsWith('03')) return 'fishery';
  if (v.startsWith('02')) return 'forestry';
  if (v.startsWith('014') || v === '0162') return 'livestock';
  if (v === '0150' || v === '0161') return 'general';
  return 'crop';
}

function skeletons(rng: Rng): OrgSkeleton[] {
  const all: OrgSkeleton[] = [];
  for (const t of TERRITORIES) {
    for (let i = 0; i < t.unions; i++) {
      // HP-05: 3 unions in Hải Phòng, 1 agricultural and 2 non-agricultural; NB-03: Ninh Bình's new union of 2022.
      const vsic = t.key === 'HP' ? ['0161', '4932', '4632'][i] : undefined;
      all.push(makeSkeleton(rng, t, 'LHHTX', { vsic, year: t.key === 'NB' ? 2022 : undefined }));
    }
    for (let i = 0; i < t.creditFunds; i++) all.push(makeSkeleton(rng, t, 'HTX', { creditFund: true }));
    let htx = t.htx - t.creditFunds;
    if (t.key === 'LS') {
      const demo = makeSkeleton(rng, t, 'HTX', { vsic: '0161', year: 2016 });
      Object.assign(demo, { foundedOn: '2016-03-15', demoUser: true });
      all.push(demo);
      htx--;
    }
    if (t.key === 'KT') {
      for (const [model, vsic] of PILOTS)
        all.push({ ...makeSkeleton(rng, t, 'HTX', { vsic, year: rng.int(2008, 2018) }), newModel: model });
      htx -= PILOTS.length;
    }
    for (let i = 0; i < htx; i++) all.push(makeSkeleton(rng, t, 'HTX'));
    for (let i = 0; i < t.tht; i++) all.push(makeSkeleton(rng, t, 'THT'));
  }
  return all;
}

/** Picks 3–8 member HTX of the same province for each union, preferring its field; three are founding members. */
function linkUnions(rng: Rng, orgs: BuiltOrg[]): DemoData['unionLinks'] {
  const links: DemoData['unionLinks'] = [];
  const taken = new Set<number>();
  orgs.forEach((u, ui) => {
    if (u.o.kind !== 'LHHTX') return;
    const candidates = orgs
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c, i }) =>
          c.o.kind === 'HTX' &&
          !c.o.creditFund &&
          !c.o.endedOn &&
          !c.o.paperOnly &&
          !taken.has(i) &&
          c.o.territory.province === u.o.territory.province &&
          c.o.foundedOn < '2025-01-01' &&
          (c.o.field === 'agriculture') === (u.o.field === 'agriculture'),
      );
    if (candidates.length === 0) return;
    const founders = candidates.filter(({ c }) => c.o.foundedOn < u.o.foundedOn);
    const chosen = new Set<number>();
    while (chosen.size < 3 && chosen.size < founders.length) chosen.add(rng.pick(founders).i);
    for (const i of chosen) links.push({ union: ui, member: i, joined_on: u.o.foundedOn });
    const more = rng.int(0, 5);
    for (let k = 0; k < more; k++) {
      const { c, i } = rng.pick(candidates);
      const joined = addDays([u.o.foundedOn, c.o.foundedOn].sort()[1], rng.int(30, 400));
      if (chosen.has(i) || joined > '2025-11-30') continue;
      chosen.add(i);
      links.push({ union: ui, member: i, joined_on: joined });
    }
    for (const i of chosen) taken.add(i);
  });
  return links;
}

/** Generates the whole demo registry from a seed over the communes of the plan provinces. Deterministic. */
export function buildDemoRegistry(geo: DemoGeography, seed: number): DemoData {
  const root = createRng(seed);
  const [rSkel, rLife, rPlace, rUnion, rRep, rExtra] = [
    'skeleton',
    'lifecycle',
    'place',
    'union',
    'report',
    'extra',
  ].map((l) => root.fork(l));
  const all = skeletons(rSkel);
  applyLifecycle(rLife, all);
  for (const o of all) {
    if (
      o.kind === 'HTX' &&
      !o.newModel &&
      !o.creditFund &&
      o.legalStatus === 'active' &&
      !o.paperOnly &&
      rLife.chance(0.03)
    )
      o.newModel = modelFor(rLife, o);
  }
  const book = new NameBook();
  const codes = new Set<string>();
  const orgs: BuiltOrg[] = all.map((o) => {
    let p: Placement;
    let name: string;
    if (o.demoUser) {
      const commune = geo.communes.find((c) => c.provinceCode === '20' && c.name === 'Đồng Đăng');
      const old = geo.byTerritory
        .get('LS')
        ?.find((c) => c.name === 'Đồng Đăng' && c.successors.some((s) => s.id === commune?.id));
      if (!commune || !old) throw new Error('Dữ liệu mẫu: không tìm thấy Xã Đồng Đăng (Lạng Sơn)');
      p = { commune, old };
      name = DEMO_COOP_NAME;
      book.take('HTX', commune.id, name);
    } else {
      p = placeOrg(rPlace, o, geo.byTerritory.get(o.territory.key) ?? []);
      name = nameOrg(rPlace, o, p, book);
    }
    const registeredOn = addDays(o.foundedOn, rPlace.int(3, 20));
    const row: BuiltOrg['row'] = {
      kind: o.kind,
      credit_fund: o.creditFund,
      reg_code: registrationCode(rPlace, o, p, codes),
      name,
      name_key: organisationNameKey(name),
      short_name: shortName(rPlace, o.kind, name),
      commune_id: p.commune.id,
      province_id: p.commune.provinceId,
      pre2025_commune_id: p.old?.id ?? null,
      ...contactDetails(rPlace, o, p, name, registeredOn),
      founded_on: o.foundedOn,
      registered_on: registeredOn,
      charter_capital: null,
      vsic_code: o.vsic,
      field: o.field,
      agri_subtype: agriSubtype(o),
      new_model: o.newModel,
      governance: null,
      legal_status: o.legalStatus,
      status_changed_on: o.statusChangedOn,
      ended_on: o.endedOn,
      paper_only: o.paperOnly,
      demo: true,
    };
    return { o, p, row, reports: [], comments: [], events: lifecycleEvents(o), products: [], members: [] };
  });
  const unionLinks = linkUnions(rUnion, orgs);
  orgs.forEach((b, i) => {
    const joined = unionLinks.filter((l) => l.union === i).map((l) => Number(l.joined_on.slice(0, 4)));
    b.reports = yearlyReports(rRep, b.o, (y) => joined.filter((j) => j <= y).length);
    for (const r of b.reports) {
      const body = reviewTrail(rRep, b.o, r);
      if (body) b.comments.push({ year: Number(r.year), body, at: String(r.reviewed_at) });
    }
    const latest = b.reports[b.reports.length - 1];
    if (b.o.kind !== 'THT') {
      b.row.charter_capital =
        (latest?.charter_capital as string | undefined) ?? String(rExtra.int(2, 20) * 1e8);
      b.row.governance =
        b.o.kind === 'HTX' &&
        latest &&
        Number(latest.members_official) < 10 &&
        Number(latest.revenue_total) < 3e9
          ? 'reduced'
          : 'full';
    }
    const local = [b.p.old?.name, b.p.commune.name].find((s) => s && !/[\d-]/.test(s));
    b.products = productsOf(rExtra, b.o, local ?? rExtra.pick(PROPER_NAMES));
  });
  // Member registers for a handful of HTX across the provinces (the demo cooperative first), 20–60 members each.
  const seen = new Set<string>();
  for (const b of [...orgs].sort((x, y) => Number(y.o.demoUser) - Number(x.o.demoUser))) {
    const latest = b.reports[b.reports.length - 1];
    const n = Number(latest?.members_total ?? 0);
    if (
      seen.size >= 10 ||
      seen.has(b.o.territory.key) ||
      b.o.kind !== 'HTX' ||
      b.o.creditFund ||
      b.o.legalStatus !== 'active' ||
      b.o.paperOnly ||
      !latest ||
      latest.year !== 2025 ||
      n < 20 ||
      n > 60
    )
      continue;
    seen.add(b.o.territory.key);
    b.members = memberRegister(rExtra, b.o, b.p, latest);
  }
  return { orgs, unionLinks };
}
