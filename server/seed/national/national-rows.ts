import { organisationNameKey, vietnameseSortKey } from '../../../core/text.js';
import { lifecycleEvents, memberRegister, productsOf, reviewTrail } from '../demo-extras.js';
import { REPORT_COLUMNS } from '../demo-load.js';
import { contactDetails, type NameBook, nameOrg, shortName } from '../demo-naming.js';
import { addDays } from '../demo-people.js';
import type { Rng } from '../demo-random.js';
import { type ReportRow, yearlyReports } from '../demo-reports.js';
import { PROPER_NAMES } from '../demo-words.js';
import type { CopyBuffer } from './copy-sink.js';
import type { NationalOrg } from './national-orgs.js';
import { FIRST_FIGURES_YEAR } from './national-scale.js';

/**
 * Rows of the national dataset, one organisation at a time. Each organisation draws from its own streams
 * (forks of the root by id and purpose), so a table can be generated again, alone, with the same result.
 */

export const ORG_COLUMNS = [
  'id kind credit_fund reg_code name name_key name_sort short_name commune_id province_id pre2025_commune_id',
  'address phone email founded_on registered_on registering_authority charter_capital legal_rep_name',
  'legal_rep_title vsic_code field agri_subtype new_model governance legal_status status_changed_on ended_on',
  'paper_only demo',
]
  .join(' ')
  .split(' ');
export const REPORT_COPY_COLUMNS = ['id', ...REPORT_COLUMNS.map((c) => c.name)];
export const EVENT_COLUMNS = ['id', 'organisation_id', 'kind', 'occurred_on', 'note', 'detail'];
export const PRODUCT_COLUMNS = ['id', 'organisation_id', 'kind', 'name', 'stars', 'year', 'note'];
export const MEMBER_COLUMNS = [
  'id organisation_id member_type full_name birth_date gender ethnicity nationality id_number org_code address',
  'capital_pledged capital_paid joined_on',
]
  .join(' ')
  .split(' ');

/** What the later tables need to know of an organisation's reports. */
export interface ReportSummary {
  /** Bit (year − 2015) set for each year with an approved yearly report. */
  approved: number;
  latest: ReportRow | undefined;
}

/** The state shared by the producers: streams, union links, running ids. */
export class RowContext {
  readonly unionMembers = new Map<number, number[]>();
  readonly ids = { report: 0, event: 0, product: 0, member: 0 };
  readonly summaries: ReportSummary[] = [];
  constructor(
    readonly root: Rng,
    links: readonly { union: number; member: number; joined_on: string }[],
  ) {
    for (const l of links) {
      const list = this.unionMembers.get(l.union) ?? [];
      list.push(Number(l.joined_on.slice(0, 4)));
      this.unionMembers.set(l.union, list);
    }
  }
  stream(x: NationalOrg, purpose: string): Rng {
    return this.root.fork(`${purpose}:${x.id}`);
  }
  /** The organisation's yearly reports 2015–2025 with their workflow state (approved up to 2024, 2025 mixed). */
  reports(x: NationalOrg): ReportRow[] {
    const rng = this.stream(x, 'report');
    const joined = this.unionMembers.get(x.id) ?? [];
    const rows = yearlyReports(rng, x.o, (y) => joined.filter((j) => j <= y).length, FIRST_FIGURES_YEAR);
    for (const r of rows) reviewTrail(rng, x.o, r);
    return rows;
  }
}

const latestApproved = (rows: ReportRow[]) =>
  rows.filter((r) => r.status === 'approved').at(-1) ?? rows.at(-1);

/** The organisation row (its capital and governance mode from its latest report). */
export function organisationRow(
  ctx: RowContext,
  book: NameBook,
  codes: Set<string>,
  x: NationalOrg,
  b: CopyBuffer,
) {
  const rng = ctx.stream(x, 'org');
  const o = x.o;
  const p = { commune: x.commune, old: x.pre2025 ? x.old : null };
  const name =
    o.kind === 'LHHTX' ? unionName(rng, x, book) : nameOrg(rng, o, { commune: x.commune, old: x.old }, book);
  const registeredOn = addDays(o.foundedOn, rng.int(3, 20));
  const contact = contactDetails(rng, o, p, name, registeredOn);
  const prefix = x.pre2025 ? o.territory.taxPrefix : x.commune.provinceCode;
  let code: string;
  do code = `${prefix}${rng.int(0, 1)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
  while (codes.has(code));
  codes.add(code);
  const latest = o.kind === 'THT' ? undefined : latestApproved(ctx.reports(x));
  const charter = latest?.charter_capital ?? (o.kind === 'THT' ? null : String(rng.int(2, 20) * 1e8));
  const governance =
    o.kind === 'THT'
      ? null
      : o.kind === 'HTX' &&
          latest &&
          Number(latest.members_official) < 10 &&
          Number(latest.revenue_total) < 3e9
        ? 'reduced'
        : 'full';
  b.add([
    x.id,
    o.kind,
    o.creditFund,
    code,
    name,
    organisationNameKey(name),
    vietnameseSortKey(name),
    shortName(rng, o.kind, name),
    x.commune.id,
    x.commune.provinceId,
    x.pre2025 ? x.old.id : null,
    contact.address,
    contact.phone,
    contact.email,
    o.foundedOn,
    registeredOn,
    contact.registering_authority,
    charter,
    contact.legal_rep_name,
    contact.legal_rep_title,
    o.vsic,
    o.field,
    agriSubtype(o.field, o.vsic),
    o.newModel,
    governance,
    o.legalStatus,
    o.statusChangedOn,
    o.endedOn,
    o.paperOnly,
    true,
  ]);
}

function unionName(rng: Rng, x: NationalOrg, book: NameBook): string {
  const stem = x.o.activity.htx.length ? rng.pick(x.o.activity.htx) : 'Dịch vụ';
  for (let i = 0; ; i++) {
    const place =
      i === 0 ? x.commune.provinceFullName.replace(/^(Tỉnh|Thành phố) /, '') : rng.pick(PROPER_NAMES);
    const name = `Liên hiệp Hợp tác xã ${stem} ${place}${i > 20 ? ` ${i}` : ''}`;
    if (book.take('LHHTX', x.commune.id, name)) return name;
  }
}

function agriSubtype(field: string, v: string): string | null {
  if (field !== 'agriculture') return null;
  if (v === '0893') return 'salt';
  if (v.startsWith('03')) return 'fishery';
  if (v.startsWith('02')) return 'forestry';
  if (v.startsWith('014') || v === '0162') return 'livestock';
  if (v === '0150' || v === '0161') return 'general';
  return 'crop';
}

/** The organisation's yearly reports; remembers which years were approved and the latest report. */
export function reportRows(ctx: RowContext, x: NationalOrg, b: CopyBuffer) {
  const rows = ctx.reports(x);
  let approved = 0;
  for (const r of rows) {
    if (r.status === 'approved') approved |= 1 << (Number(r.year) - FIRST_FIGURES_YEAR);
    r.id = ++ctx.ids.report;
    r.organisation_id = x.id;
    b.add(REPORT_COPY_COLUMNS.map((c) => r[c]));
  }
  ctx.summaries[x.id] = { approved, latest: latestApproved(rows) };
}

/** Lifecycle events and products (OCOP, trademarks, certifications). */
export function eventRows(ctx: RowContext, x: NationalOrg, b: CopyBuffer) {
  for (const e of lifecycleEvents(x.o))
    b.add([++ctx.ids.event, x.id, e.kind, e.occurred_on, e.note, e.detail]);
}

export function productRows(ctx: RowContext, x: NationalOrg, b: CopyBuffer) {
  const rng = ctx.stream(x, 'product');
  const local = [x.pre2025 ? x.old.name : null, x.commune.name].find((s) => s && !/[\d-]/.test(s));
  for (const p of productsOf(rng, x.o, local ?? rng.pick(PROPER_NAMES)))
    b.add([++ctx.ids.product, x.id, p.kind, p.name, p.stars, p.year, p.note]);
}

/** A member register for the chosen HTX, consistent with its latest report. */
export function memberRows(ctx: RowContext, x: NationalOrg, b: CopyBuffer) {
  const latest = ctx.summaries[x.id]?.latest;
  if (!latest) return;
  const rng = ctx.stream(x, 'member');
  const p = { commune: x.commune, old: x.pre2025 ? x.old : null };
  for (const m of memberRegister(rng, x.o, p, latest))
    b.add([
      ++ctx.ids.member,
      x.id,
      m.member_type,
      m.full_name,
      m.birth_date,
      m.gender,
      m.ethnicity,
      m.nationality,
      m.id_number,
      m.org_code,
      m.address,
      m.capital_pledged,
      m.capital_paid,
      m.joined_on,
    ]);
}

/** True when the organisation had an approved report for a year. */
export function hadApproved(ctx: RowContext, id: number, year: number): boolean {
  return ((ctx.summaries[id]?.approved ?? 0) & (1 << (year - FIRST_FIGURES_YEAR))) !== 0;
}
