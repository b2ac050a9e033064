/** Shapes of the registry API (server/modules/organisation, annual-report, member, registry-io schemas). */
import type { EventKind, LegalStatus, OrganisationKind, ReportStatus } from '../../../core/registry/enums';
import type { ReportFigures } from '../../../core/registry/report-fields';
import type { OrgSort } from './organisations';

/** An organisation's registration data with unit names (ZOrganisation). */
export interface Organisation {
  id: number;
  kind: OrganisationKind;
  kindLabel: string;
  creditFund: boolean;
  regCode: string;
  name: string;
  shortName: string | null;
  communeId: number;
  communeName: string;
  provinceId: number;
  provinceName: string;
  pre2025CommuneId: number | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  foundedOn: string | null;
  registeredOn: string | null;
  registeringAuthority: string | null;
  /** Vốn điều lệ in đồng, an exact integer as a string. */
  charterCapital: string | null;
  legalRepName: string | null;
  legalRepTitle: string | null;
  vsicCode: string | null;
  field: string | null;
  agriSubtype: string | null;
  newModel: string | null;
  governance: string | null;
  legalStatus: LegalStatus;
  legalStatusLabel: string;
  statusChangedOn: string | null;
  endedOn: string | null;
  paperOnly: boolean;
  demo: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One row of GET /api/organisations. */
export interface OrganisationItem {
  id: number;
  kind: OrganisationKind;
  regCode: string;
  name: string;
  shortName: string | null;
  communeId: number;
  communeName: string;
  provinceId: number;
  provinceName: string;
  legalStatus: LegalStatus;
  field: string | null;
  newModel: string | null;
  foundedOn: string | null;
  paperOnly: boolean;
  demo: boolean;
  version: number;
  updatedAt: string;
}

/** GET /api/organisations: `approximate` when a pre-2025 unit was matched through split communes. */
export interface OrganisationPage {
  items: OrganisationItem[];
  total: number;
  approximate: boolean;
  /** With a rating-band filter: the assessment year filtered on (null: no year decided yet). */
  bandYear?: number | null;
  /** The order the rows are in: `relevance` only when words were searched for. */
  sort: OrgSort | 'relevance';
}

/** A possible duplicate of an organisation being entered, and why. */
export interface Duplicate {
  id: number;
  kind: OrganisationKind;
  regCode: string;
  name: string;
  legalStatus: LegalStatus;
  communeName: string;
  legalRepName?: string | null;
  reasons: ('name' | 'legal_rep')[];
}

/** An OCOP product, trademark or certification. */
export interface Product {
  id: number;
  kind: string;
  name: string;
  stars: number | null;
  year: number | null;
  note: string | null;
}

/** A lifecycle event (founded, converted, suspended…). */
export interface OrgEvent {
  id: number;
  kind: EventKind;
  occurredOn: string;
  note: string | null;
  detail: unknown;
  createdByName: string | null;
  createdAt: string;
}

/** A union ↔ member cooperative link. */
export interface UnionLink {
  id: number;
  kind: OrganisationKind;
  regCode: string;
  name: string;
  legalStatus: LegalStatus;
  communeName: string;
  joinedOn: string | null;
}

/** A cooperative's request to change its registration data, reviewed by an officer. */
export interface ChangeRequest {
  id: number;
  organisationId: number;
  status: 'pending' | 'approved' | 'rejected' | string;
  changes: Record<string, unknown>;
  baseVersion: number | null;
  requestedBy: number;
  requestedByName: string;
  reviewerId: number | null;
  reviewerName: string | null;
  comment: string | null;
  createdAt: string;
  reviewedAt: string | null;
}

/** GET /api/organisations/:id. */
export interface Profile {
  organisation: Organisation & {
    pre2025Commune: { id: number; name: string; districtName: string | null } | null;
  };
  products: Product[];
  events: OrgEvent[];
  unionMembers: UnionLink[];
  unions: UnionLink[];
  openChangeRequests: number;
  legalWarnings: { code: string; message: string; year: number }[];
}

/** One audit row of an organisation's history. */
export interface HistoryEntry {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** A yearly report in lists: status and key totals. */
export interface ReportSummary {
  id: number;
  organisationId: number;
  year: number;
  period: ReportPeriod;
  status: ReportStatus;
  statusLabel: string;
  membersOfficial: number | null;
  membersTotal: number | null;
  workerTotal: number | null;
  revenueTotal: number | null;
  profitBeforeTax: number | null;
  charterCapital: number | null;
  openFlagCount: number;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
  version: number;
}

/** 'year' = the whole year, 'h1' = the first six months. */
export type ReportPeriod = 'year' | 'h1';

/** One entry of a report's trail. `kind` is submit/return/approve/reopen/note/quality. */
export interface ReportComment {
  id: number;
  kind: string;
  field: string | null;
  flagId: number | null;
  body: string;
  authorId: number | null;
  authorName: string | null;
  createdAt: string;
}

/** A data-quality flag raised on submission. */
export interface QualityFlag {
  id: number;
  rule: string;
  field: string | null;
  message: string;
  status: 'open' | 'explained' | 'resolved';
  createdAt: string;
}

/** The report actions of core/registry/report-workflow.ts. */
export type ReportAction = 'submit' | 'return' | 'approve' | 'reopen';

/** GET /api/organisations/:id/reports/:year. */
export interface ReportDetail extends ReportSummary {
  organisationName: string;
  organisationKind: OrganisationKind;
  figures: ReportFigures;
  editable: boolean;
  nextActions: ReportAction[];
  missing: { keys: string[]; message: string }[];
  warnings: { code: string; field: string | null; message: string }[];
  flags: QualityFlag[];
  comments: ReportComment[];
}

/** A row of the review queue GET /api/reports. */
export interface QueueItem {
  id: number;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  regCode: string;
  communeId: number;
  communeName: string;
  year: number;
  period: ReportPeriod;
  status: ReportStatus;
  statusLabel: string;
  membersTotal: number | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  openFlagCount: number;
}

/** A member register entry (ZMember); personal fields arrive masked unless revealed. */
export interface Member {
  id: number;
  organisationId: number;
  memberType: string;
  memberTypeLabel: string;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  ethnicity: string | null;
  nationality: string | null;
  idNumber: string | null;
  orgCode: string | null;
  address: string | null;
  capitalPledged: number | null;
  capitalPaid: number | null;
  joinedOn: string | null;
  leftOn: string | null;
  erased: boolean;
  erasedAt: string | null;
  masked: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/organisations/:id/members: a page plus the register's size against the latest report. */
export interface MemberPage {
  items: Member[];
  total: number;
  /** Members in the register today. */
  registerCount: number;
  /** Members in the latest yearly report, and its year. */
  reportedCount: number | null;
  reportedYear: number | null;
}

/** A non-blocking warning of a saved member (e.g. capital share above Luật HTX 2023 Art. 74). */
export interface MemberWarning {
  code: string;
  message: string;
}

/** The three kinds of Excel import, each with its template. */
export type ImportKind = 'organisations' | 'annual_reports' | 'members';

/** Counts of a dry run or a commit. */
export interface ImportTotals {
  rows: number;
  valid: number;
  invalid: number;
  insert: number;
  update: number;
  unchanged: number;
}

/** One problem with a cell: Excel row, column header, message. */
export interface ImportIssue {
  row: number;
  column: string;
  header?: string | null;
  message: string;
}

/** Organisations of a file that may be the same one under two codes. */
export interface ImportDuplicate {
  reason: 'same_name' | 'same_representative';
  value: string;
  communeId: number;
  communeName: string;
  /** The province a same-representative group is looked for in. */
  provinceName?: string;
  rows: number[];
  regCodes: string[];
  existing: { id: number; regCode: string; name: string }[];
}

/** POST /api/registry/imports: the dry run. */
export interface ImportDryRun {
  jobId: number;
  kind: ImportKind;
  fileName: string;
  totals: ImportTotals;
  errorCount: number;
  errors: ImportIssue[];
  warnings?: ImportIssue[];
  possibleDuplicates: ImportDuplicate[];
  sheet?: { name: string; headerRow: number; ignoredColumns: string[] };
}

/** POST /api/registry/imports/:id/commit. */
export interface ImportCommit {
  jobId: number;
  mode: 'all' | 'valid_only';
  totals: ImportTotals;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
