import { organisationNameKey } from '../../core/text.js';
import type { OrgSkeleton } from './demo-orgs.js';
import { makePerson, type PlaceKind, phoneNumber, village } from './demo-people.js';
import type { Rng } from './demo-random.js';
import { type Commune, NEW_TAX_PREFIX, type OldCommune } from './demo-territory.js';
import { PROPER_NAMES, REP_TITLES } from './demo-words.js';

/** Where an organisation is: its commune of today and, if founded before 1/7/2025, the commune it was in then. */
export interface Placement {
  commune: Commune;
  old: OldCommune | null;
}

/** Names of a former province for unions ("Liên hiệp HTX Nông sản Xứ Lạng"). */
const REGION_NAMES: Readonly<Record<string, readonly string[]>> = {
  LS: ['Xứ Lạng', 'Lạng Sơn', 'Biên Cương'],
  NB: ['Ninh Bình', 'Tràng An'],
  HNa: ['Hà Nam'],
  ND: ['Nam Định', 'Thành Nam'],
  HP: ['Hải Phòng', 'Đất Cảng', 'Duyên Hải'],
  HD: ['Hải Dương', 'Xứ Đông'],
  QN: ['Quảng Ngãi', 'Sông Trà'],
  KT: ['Kon Tum', 'Ngọc Linh'],
  LD: ['Lâm Đồng', 'Langbiang'],
  BL: ['Bảo Lộc'],
  BT: ['Bình Thuận'],
  DN: ['Đắk Nông'],
};

/** Keeps the names taken: HTX and unions are unique nationally, THT within their commune (NĐ 77/2019 Art. 13). */
export class NameBook {
  private readonly national = new Set<string>();
  private readonly local = new Set<string>();
  /** Takes a name when free; false when an equivalent name (same search key) is taken. */
  take(kind: string, communeId: number, name: string): boolean {
    const key = organisationNameKey(name);
    const set = kind === 'THT' ? this.local : this.national;
    const k = kind === 'THT' ? `${communeId}|${key}` : key;
    if (set.has(k)) return false;
    set.add(k);
    return true;
  }
}

const usable = (s: string | undefined): s is string => !!s && !/[\d-]/.test(s) && s.length <= 24;

const weightCache = new WeakMap<
  readonly OldCommune[],
  Record<'agri' | 'other', (readonly [OldCommune, number])[]>
>();

/** Picks an old commune of the territory (wards get fewer farms), then one of its successors. */
export function placeOrg(rng: Rng, o: OrgSkeleton, olds: readonly OldCommune[]): Placement {
  const agri = o.field === 'agriculture';
  let tables = weightCache.get(olds);
  if (!tables) {
    const table = (farm: boolean) =>
      olds.map(
        (c) =>
          [c, c.type === 'Phường' ? (farm ? 0.25 : 2.5) : c.type === 'Thị trấn' && !farm ? 1.8 : 1] as const,
      );
    tables = { agri: table(true), other: table(false) };
    weightCache.set(olds, tables);
  }
  const old = rng.weighted(agri ? tables.agri : tables.other);
  const commune = rng.pick(old.successors);
  return { commune, old: o.foundedOn < '2025-07-01' ? old : null };
}

/** A name unique where it must be, mostly built from the line of business and the (old) commune's name. */
export function nameOrg(rng: Rng, o: OrgSkeleton, p: Placement, book: NameBook): string {
  const local = [p.old?.name, p.commune.name].filter(usable);
  const proper = [rng.pick(PROPER_NAMES), rng.pick(PROPER_NAMES)];
  const places = [...new Set(rng.chance(0.55) ? [...local, ...proper] : [...proper, ...local])];
  const stems = o.kind === 'THT' ? o.activity.tht : o.activity.htx;
  const build = (stem: string, place: string): string => {
    if (o.creditFund) return `Quỹ tín dụng nhân dân ${place}`;
    if (o.kind === 'LHHTX') return `Liên hiệp Hợp tác xã ${stem} ${place}`;
    if (o.kind === 'THT') return `Tổ hợp tác ${stem} ${place}`;
    return `${rng.chance(0.1) ? 'HTX' : 'Hợp tác xã'} ${stem} ${place}`;
  };
  if (o.kind === 'LHHTX') places.unshift(...REGION_NAMES[o.territory.key]);
  if (o.kind === 'THT' && placeKind(o, p) !== 'city' && rng.chance(0.35))
    places.unshift(
      village(rng, placeKind(o, p)).replace(/^(Thôn|Xóm|Bản|Làng|Buôn) /, (m) => m.toLowerCase()),
    );
  for (const place of places) {
    const name = build(rng.pick(stems), place);
    if (book.take(o.kind, p.commune.id, name)) return name;
  }
  for (let i = 0; ; i++) {
    const name = build(
      rng.pick(stems),
      `${rng.pick(PROPER_NAMES)} ${local[0] ?? rng.pick(PROPER_NAMES)}${i > 20 ? ` ${i}` : ''}`,
    );
    if (book.take(o.kind, p.commune.id, name)) return name;
  }
}

/** The short name people use: "HTX Chè Tân Thành", "QTDND Lộc Phát". */
export function shortName(rng: Rng, kind: string, name: string): string | null {
  const rest = (prefix: string) => (name.startsWith(`${prefix} `) ? name.slice(prefix.length + 1) : null);
  const fund = rest('Quỹ tín dụng nhân dân');
  if (fund) return `QTDND ${fund}`;
  const union = rest('Liên hiệp Hợp tác xã');
  if (union) return `LH HTX ${union}`;
  const coop = rest('Hợp tác xã');
  return kind === 'HTX' && coop && rng.chance(0.6) ? `HTX ${coop}` : null;
}

/** A unique 10-digit code with the tax office's province prefix: the old province's before 1/7/2025. */
export function registrationCode(rng: Rng, o: OrgSkeleton, p: Placement, taken: Set<string>): string {
  const prefix = p.old ? o.territory.taxPrefix : NEW_TAX_PREFIX[o.territory.province];
  for (;;) {
    const code = `${prefix}${rng.int(0, 1)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** Kind of place for village names. */
export function placeKind(o: OrgSkeleton, p: Placement): PlaceKind {
  if (p.commune.type === 'Phường') return 'city';
  const tags = o.territory.tags;
  return tags.includes('highland')
    ? 'highland'
    : tags.includes('delta')
      ? 'delta'
      : tags.includes('mountain')
        ? 'mountain'
        : 'central';
}

/** Address, contact, registering authority and legal representative, as organisation columns. */
export function contactDetails(rng: Rng, o: OrgSkeleton, p: Placement, name: string, registeredOn: string) {
  const ethnicity = rng.weighted(o.territory.ethnic);
  const rep = makePerson(
    rng,
    ethnicity,
    rng.chance(o.kind === 'THT' ? 0.65 : 0.78) ? 'male' : 'female',
    o.territory.idPrefix,
  );
  const slug = organisationNameKey(name).replace(/ /g, '').slice(0, 24);
  const authority =
    p.old && registeredOn < '2025-07-01'
      ? o.kind === 'THT'
        ? `UBND ${p.old.fullName}`
        : `Phòng Tài chính – Kế hoạch ${p.old.districtFullName}`
      : o.kind === 'THT'
        ? `UBND ${p.commune.fullName}`
        : `Phòng Kinh tế ${p.commune.fullName}`;
  return {
    address: `${village(rng, placeKind(o, p))}, ${p.commune.fullName}, ${p.commune.provinceFullName}`,
    phone: rng.chance(0.85) ? phoneNumber(rng) : null,
    email: o.kind !== 'THT' && rng.chance(0.45) ? `${o.creditFund ? 'qtd' : 'htx'}${slug}@gmail.com` : null,
    registering_authority: authority,
    legal_rep_name: rep.fullName,
    legal_rep_title: rng.pick(REP_TITLES[o.kind]),
  };
}
