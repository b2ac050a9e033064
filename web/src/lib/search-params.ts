/** Validation of the URL search params of the registry pages (bookmarkable filters, back button works). */
import { BANDS } from '../../../core/assessment/types';
import {
  FIELDS,
  LEGAL_STATUSES,
  NEW_MODELS,
  ORGANISATION_KINDS,
  REPORT_STATUSES,
} from '../../../core/registry/enums';
import type { OrgBand, OrgSort } from '../api/organisations';
import type { ImportKind, ReportPeriod } from '../api/registry-types';

/** Page sizes offered by the organisation list (500 is fetched in chunks the API allows). */
export const ORG_PAGE_SIZES = [20, 50, 100, 500] as const;

/** Search params of /organisations. */
export interface OrgListSearch {
  q?: string;
  kind?: string;
  legalStatus?: string;
  field?: string;
  newModel?: string;
  unitId?: number;
  /** Show the pre-2025 units in the unit filter. */
  unitEra?: 'pre2025';
  year?: number;
  paperOnly?: boolean;
  band?: OrgBand;
  bandYear?: number;
  sort?: OrgSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const oneOf = <T extends string>(values: readonly { value: T }[], v: unknown): T | undefined =>
  values.some((c) => c.value === v) ? (v as T) : undefined;

function positiveInt(v: unknown, max = 2_147_483_647): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isInteger(n) && n > 0 && n <= max ? n : undefined;
}

function year(v: unknown): number | undefined {
  const n = positiveInt(v);
  return n !== undefined && n >= 1990 && n <= 2100 ? n : undefined;
}

const ORG_BANDS: readonly OrgBand[] = [...BANDS, 'none'];

const SORTS: readonly OrgSort[] = ['name', 'regCode', 'foundedOn', 'updatedAt'];

/** Drops anything the list does not understand, so a hand-edited URL never breaks the page. */
export function validateOrgListSearch(s: Record<string, unknown>): OrgListSearch {
  const out: OrgListSearch = {};
  if (typeof s.q === 'string' && s.q.trim()) out.q = s.q.slice(0, 200);
  out.kind = oneOf(ORGANISATION_KINDS, s.kind);
  out.legalStatus = oneOf(LEGAL_STATUSES, s.legalStatus);
  out.field = oneOf(FIELDS, s.field);
  out.newModel = oneOf(NEW_MODELS, s.newModel);
  out.unitId = positiveInt(s.unitId);
  if (s.unitEra === 'pre2025') out.unitEra = 'pre2025';
  out.year = year(s.year);
  if (s.paperOnly === true || s.paperOnly === 'true') out.paperOnly = true;
  if (ORG_BANDS.includes(s.band as OrgBand)) {
    out.band = s.band as OrgBand;
    const y = year(s.bandYear);
    if (y !== undefined && y >= 2000) out.bandYear = y;
  }
  if (SORTS.includes(s.sort as OrgSort)) out.sort = s.sort as OrgSort;
  if (s.order === 'asc' || s.order === 'desc') out.order = s.order;
  out.page = positiveInt(s.page, 100_000);
  const size = positiveInt(s.pageSize);
  if ((ORG_PAGE_SIZES as readonly number[]).includes(size ?? 0)) out.pageSize = size;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as OrgListSearch;
}

/** Search params of /organisations/$id. */
export interface OrgPageSearch {
  tab?: string;
}

const TABS = ['profile', 'members', 'reports', 'history', 'assessments'];

/** Keeps a known tab only. */
export function validateOrgPageSearch(s: Record<string, unknown>): OrgPageSearch {
  return TABS.includes(s.tab as string) && s.tab !== 'profile' ? { tab: s.tab as string } : {};
}

/** Search params of a report page. */
export interface ReportSearch {
  period?: ReportPeriod;
}

/** 'h1' or nothing (the whole year). */
export function validateReportSearch(s: Record<string, unknown>): ReportSearch {
  return s.period === 'h1' ? { period: 'h1' } : {};
}

/** Search params of /reports. */
export interface QueueSearch {
  year?: number;
  /** A report status, or 'all'; absent means 'submitted' (what waits for review). */
  status?: string;
  page?: number;
  pageSize?: number;
}

/** Keeps a known year, status and page. */
export function validateQueueSearch(s: Record<string, unknown>): QueueSearch {
  const out: QueueSearch = {
    year: year(s.year),
    status: s.status === 'all' ? 'all' : oneOf(REPORT_STATUSES, s.status),
    page: positiveInt(s.page, 100_000),
    pageSize: [20, 50, 100].includes(positiveInt(s.pageSize) ?? 0) ? positiveInt(s.pageSize) : undefined,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as QueueSearch;
}

/** Search params of the import wizard. */
export interface ImportSearch {
  kind?: ImportKind;
}

const IMPORT_KINDS: readonly ImportKind[] = ['organisations', 'annual_reports', 'members'];

/** Keeps a known import kind. */
export function validateImportSearch(s: Record<string, unknown>): ImportSearch {
  return IMPORT_KINDS.includes(s.kind as ImportKind) ? { kind: s.kind as ImportKind } : {};
}
