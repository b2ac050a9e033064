import type { Placement } from './demo-naming.js';
import { LAST_YEAR, type OrgSkeleton } from './demo-orgs.js';
import { addDays, dateBetween, makePerson, village } from './demo-people.js';
import type { Rng } from './demo-random.js';
import type { ReportRow } from './demo-reports.js';
import { CERTIFICATIONS, PROPER_NAMES, RETURN_REASONS } from './demo-words.js';

const at = (rng: Rng, date: string) =>
  `${date}T${String(rng.int(7, 16)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+07:00`;

/**
 * The workflow state of a report: years up to 2024 approved; 2025 (filed in early 2026) a mix of approved, submitted,
 * returned and draft so that review queues have content. Returns the comment of a returned report, if any.
 */
export function reviewTrail(rng: Rng, o: OrgSkeleton, r: ReportRow): string | null {
  const y = Number(r.year);
  const status =
    y < LAST_YEAR
      ? 'approved'
      : o.demoUser
        ? 'draft'
        : rng.weighted([
            ['approved', 25],
            ['submitted', 30],
            ['returned', 10],
            ['draft', 35],
          ] as const);
  r.status = status;
  r.submitted_at = null;
  r.reviewed_at = null;
  if (status === 'draft') {
    if (rng.chance(0.4))
      Object.assign(r, {
        general_meeting_date: null,
        audited_statements: null,
        administrative_sanction: null,
      });
    return null;
  }
  const submitted = dateBetween(rng, `${y + 1}-01-05`, `${y + 1}-03-20`);
  r.submitted_at = at(rng, submitted);
  if (status === 'submitted') return null;
  r.reviewed_at = at(rng, addDays(submitted, rng.int(2, 25)));
  return status === 'returned' ? rng.pick(RETURN_REASONS) : null;
}

/** An event of the organisation's life (organisation_event). */
export interface EventRow {
  kind: string;
  occurred_on: string;
  note: string | null;
  detail: string | null;
}

/** Lifecycle events: founded for all; converted, suspended, resumed, dissolved where they happened. */
export function lifecycleEvents(o: OrgSkeleton): EventRow[] {
  const ev: EventRow[] = [
    {
      kind: 'founded',
      occurred_on: o.foundedOn,
      note: null,
      detail: JSON.stringify({ kind: o.convertedOn ? 'THT' : o.kind }),
    },
  ];
  if (o.convertedOn) {
    ev.push({
      kind: 'converted',
      occurred_on: o.convertedOn,
      note: 'Chuyển đổi từ tổ hợp tác thành hợp tác xã, giữ nguyên mã số',
      detail: JSON.stringify({ from: 'THT', to: 'HTX' }),
    });
  }
  if (o.suspension) {
    ev.push({
      kind: 'suspended',
      occurred_on: o.suspension.from,
      note: 'Thông báo tạm ngừng kinh doanh',
      detail: JSON.stringify({ until: o.suspension.to }),
    });
    if (o.suspension.to)
      ev.push({
        kind: 'resumed',
        occurred_on: o.suspension.to,
        note: 'Hoạt động trở lại trước thời hạn',
        detail: null,
      });
  }
  if (o.endedOn) {
    ev.push({
      kind: 'dissolved',
      occurred_on: o.endedOn,
      note:
        o.kind === 'THT'
          ? 'Chấm dứt hợp đồng hợp tác'
          : 'Giải thể tự nguyện theo nghị quyết Đại hội thành viên',
      detail: JSON.stringify({ legalStatus: o.legalStatus }),
    });
  }
  return ev;
}

/** A product or recognition (organisation_product). */
export interface ProductRow {
  kind: string;
  name: string;
  stars: number | null;
  year: number | null;
  note: string | null;
}

/** OCOP products (3–5 stars), trademarks and certifications for some organisations with local products. */
export function productsOf(rng: Rng, o: OrgSkeleton, place: string): ProductRow[] {
  const products = o.activity.products ?? [];
  if (products.length === 0 || o.kind === 'LHHTX' || o.paperOnly || o.endedOn) return [];
  const first = Math.max(2019, Number(o.foundedOn.slice(0, 4)) + 1);
  if (first > LAST_YEAR) return [];
  const out: ProductRow[] = [];
  const htx = o.kind === 'HTX';
  if (rng.chance(htx ? 0.11 : 0.01)) {
    for (const name of new Set([rng.pick(products), rng.pick(products)])) {
      out.push({
        kind: 'ocop',
        name: `${name} ${place}`,
        stars: rng.weighted([
          [3, 70],
          [4, 27],
          [5, 3],
        ] as const),
        year: rng.int(first, LAST_YEAR),
        note: null,
      });
    }
  }
  if (rng.chance(htx ? 0.08 : 0.01)) {
    out.push({
      kind: 'trademark',
      name: `${rng.pick(products)} ${place}`,
      stars: null,
      year: rng.int(first, LAST_YEAR),
      note: rng.chance(0.5) ? 'Nhãn hiệu tập thể' : 'Nhãn hiệu thông thường',
    });
  }
  if (o.field === 'agriculture' && rng.chance(htx ? 0.07 : 0.02)) {
    out.push({
      kind: 'certification',
      name: rng.pick(CERTIFICATIONS),
      stars: null,
      year: rng.int(first, LAST_YEAR),
      note: rng.pick(products),
    });
  }
  return out;
}

/** A row of a member register (member). */
export interface MemberRow {
  member_type: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  ethnicity: string | null;
  nationality: string | null;
  id_number: string | null;
  org_code: string | null;
  address: string | null;
  capital_pledged: string | null;
  capital_paid: string | null;
  joined_on: string;
}

/**
 * A member register consistent with the latest report: as many official and associate members, the same numbers of
 * women and ethnic-minority members, capital pledged within the 30% cap of one member (Luật HTX 2023 Art. 74).
 */
export function memberRegister(rng: Rng, o: OrgSkeleton, p: Placement, latest: ReportRow): MemberRow[] {
  const official = Number(latest.members_official);
  const legal = Number(latest.member_official_legal ?? 0);
  const types = [
    ...Array.from({ length: official }, () => 'official'),
    ...Array.from({ length: Number(latest.member_associate_capital ?? 0) }, () => 'associate_capital'),
    ...Array.from({ length: Number(latest.member_associate_noncapital ?? 0) }, () => 'associate_noncapital'),
  ];
  const charter = Number(latest.charter_capital ?? 0);
  const minorities = o.territory.ethnic.filter(([e]) => e !== 'Kinh');
  // As many women and ethnic-minority members as reported, spread over the register rather than listed first.
  const persons = types.length - legal;
  const flags = (n: number) => rng.shuffle(Array.from({ length: persons }, (_, i) => i < n));
  const female = flags(Number(latest.member_women ?? 0));
  const minor = flags(minorities.length ? Number(latest.member_ethnic_minority ?? 0) : 0);
  let person = 0;
  const kind =
    p.commune.type === 'Phường'
      ? 'city'
      : o.territory.tags.includes('highland')
        ? 'highland'
        : o.territory.tags.includes('delta')
          ? 'delta'
          : 'mountain';
  return types.map((type, i) => {
    const joined = i < 7 ? o.foundedOn : dateBetween(rng, o.foundedOn, '2025-10-31');
    const pledged =
      type === 'official'
        ? Math.min(0.3 * charter, ((0.85 * charter) / official) * rng.range(0.6, 1.4))
        : type === 'associate_capital'
          ? Math.min(0.02 * charter, 2e7 * rng.int(1, 5))
          : null;
    const capital = (x: number | null) => (x === null ? null : String(Math.round(x / 1e5) * 1e5));
    const paid = pledged === null ? null : rng.chance(0.85) ? pledged : pledged * rng.range(0.5, 0.95);
    if (type === 'official' && i >= official - legal) {
      return {
        member_type: type,
        full_name: `Công ty TNHH ${rng.pick(PROPER_NAMES)}`,
        birth_date: null,
        gender: null,
        ethnicity: null,
        nationality: 'Việt Nam',
        id_number: null,
        org_code: `${o.territory.taxPrefix}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
        address: p.commune.fullName,
        capital_pledged: capital(pledged),
        capital_paid: capital(paid),
        joined_on: joined,
      };
    }
    const k = person++;
    const ethnicity = minor[k] ? rng.weighted(minorities) : 'Kinh';
    const bornBy = `${Math.min(2006, Number(joined.slice(0, 4)) - 18)}-12-31`;
    const who = makePerson(rng, ethnicity, female[k] ? 'female' : 'male', o.territory.idPrefix, bornBy);
    return {
      member_type: type,
      full_name: who.fullName,
      birth_date: who.birthDate,
      gender: who.gender,
      ethnicity,
      nationality: 'Việt Nam',
      id_number: who.idNumber,
      org_code: null,
      address: `${village(rng, kind)}, ${p.commune.fullName}`,
      capital_pledged: capital(pledged),
      capital_paid: capital(paid),
      joined_on: joined,
    };
  });
}
