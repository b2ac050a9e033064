/** Organisation registry calls: list, profile, create, edit, lifecycle, products, unions, change requests. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Band } from '../../../core/assessment/types';
import type { TOrganisationChanges } from '../../../core/registry/organisation-changes';
import type { TOrganisationInput } from '../../../core/registry/organisation-input';
import { api } from './client';
import type {
  ChangeRequest,
  Duplicate,
  HistoryEntry,
  Organisation,
  OrganisationPage,
  OrgEvent,
  Product,
  Profile,
} from './registry-types';

/** Filters of the organisation list (the same names as the query string of GET /api/organisations). */
export interface OrgFilters {
  q?: string;
  kind?: string;
  legalStatus?: string;
  field?: string;
  newModel?: string;
  unitId?: number;
  year?: number;
  paperOnly?: boolean;
  /** Rating band of an assessment year; `none` = not classified that year. */
  band?: OrgBand;
  /** Assessment year of `band` (the latest decided year in scope when absent). */
  bandYear?: number;
}

/** Values of the rating-band filter. */
export type OrgBand = Band | 'none';

/** Sortable columns of the list. */
export type OrgSort = 'name' | 'regCode' | 'foundedOn' | 'updatedAt';

/** Filters, sort and page of the list. */
export interface OrgListParams extends OrgFilters {
  sort?: OrgSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Largest page the API serves (ZPaging in server/http/zod-common.ts). */
export const API_MAX_PAGE_SIZE = 200;
const CHUNK = 100;

/**
 * One page of organisations. A page larger than the API allows is fetched as consecutive chunks of
 * 100 rows (the offsets line up exactly) and joined, so the list can still show 500 rows at once.
 */
/** The page size the server sees for a list page (a larger page is fetched as chunks of CHUNK rows). */
export function requestPageSize(pageSize: number): number {
  return pageSize <= API_MAX_PAGE_SIZE ? pageSize : CHUNK;
}

export async function fetchOrganisationPage(
  params: OrgListParams,
  signal?: AbortSignal,
): Promise<OrganisationPage> {
  const query = { ...params, paperOnly: params.paperOnly ? 'true' : undefined };
  if (requestPageSize(params.pageSize) === params.pageSize) {
    return api.get<OrganisationPage>('/api/organisations', query, signal);
  }
  const chunks = Math.ceil(params.pageSize / CHUNK);
  const first = (params.page - 1) * chunks + 1;
  const pages = await Promise.all(
    Array.from({ length: chunks }, (_, i) =>
      api.get<OrganisationPage>('/api/organisations', { ...query, page: first + i, pageSize: CHUNK }, signal),
    ),
  );
  return {
    items: pages.flatMap((p) => p.items),
    total: pages[0]?.total ?? 0,
    approximate: pages.some((p) => p.approximate),
    bandYear: pages[0]?.bandYear,
    sort: pages[0]?.sort ?? 'name',
  };
}

/** The organisation list as a query. */
export function organisationsQuery(params: OrgListParams) {
  return queryOptions({
    queryKey: ['organisations', 'list', params],
    queryFn: ({ signal }) => fetchOrganisationPage(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many organisations match `filters` (one row fetched, the total read). */
export function organisationCountQuery(filters: OrgFilters) {
  return queryOptions({
    queryKey: ['organisations', 'count', filters],
    queryFn: async ({ signal }) =>
      (await fetchOrganisationPage({ ...filters, page: 1, pageSize: 1 }, signal)).total,
    staleTime: 60_000,
  });
}

/** Possible duplicates of an organisation being entered. */
export function duplicatesQuery(params: {
  name?: string;
  communeId?: number;
  legalRepName?: string;
  excludeId?: number;
}) {
  return queryOptions({
    queryKey: ['organisations', 'duplicates', params],
    queryFn: ({ signal }) =>
      api.get<{ items: Duplicate[] }>('/api/organisations/duplicates', { ...params }, signal),
    staleTime: 10_000,
    placeholderData: keepPreviousData,
  });
}

/** Query key prefix of everything about one organisation. */
export const orgKey = (id: number) => ['organisation', id] as const;

/** The profile of one organisation. */
export function profileQuery(id: number) {
  return queryOptions({
    queryKey: [...orgKey(id), 'profile'],
    queryFn: ({ signal }) => api.get<Profile>(`/api/organisations/${id}`, undefined, signal),
  });
}

/** Change requests of an organisation, newest first. */
export function changeRequestsQuery(id: number) {
  return queryOptions({
    queryKey: [...orgKey(id), 'change-requests'],
    queryFn: ({ signal }) =>
      api.get<{ items: ChangeRequest[] }>(`/api/organisations/${id}/change-requests`, undefined, signal),
  });
}

/** One page of an organisation's audit history. */
export function historyQuery(id: number, page: number, pageSize: number) {
  return queryOptions({
    queryKey: [...orgKey(id), 'history', page, pageSize],
    queryFn: ({ signal }) =>
      api.get<{ items: HistoryEntry[]; total: number }>(
        `/api/organisations/${id}/history`,
        { page, pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/** 201 of POST /api/organisations. */
export interface CreateResult {
  organisation: Organisation;
  warnings: string[];
  possibleDuplicates: Duplicate[];
}

/** Registers a new organisation. */
export function createOrganisation(input: TOrganisationInput): Promise<CreateResult> {
  return api.post<CreateResult>('/api/organisations', input);
}

/** 200 (applied) or 202 (a change request waits for an officer). */
export type UpdateResult =
  | { status: 'applied'; organisation: Organisation; warnings: string[] }
  | { status: 'requested'; changeRequest: ChangeRequest; organisation: Organisation; warnings: string[] };

/** Edits an organisation; `version` guards against overwriting someone else's change (409). */
export async function updateOrganisation(
  id: number,
  changes: TOrganisationChanges,
  version: number,
): Promise<UpdateResult> {
  const res = await api.patch<{
    organisation: Organisation;
    warnings: string[];
    changeRequest?: ChangeRequest;
  }>(`/api/organisations/${id}`, { changes, version });
  return res.changeRequest
    ? {
        status: 'requested',
        changeRequest: res.changeRequest,
        organisation: res.organisation,
        warnings: res.warnings,
      }
    : { status: 'applied', organisation: res.organisation, warnings: res.warnings };
}

/** Body of POST /api/organisations/:id/events. */
export interface EventInput {
  kind: string;
  occurredOn: string;
  note?: string | null;
  communeId?: number | null;
  relatedOrganisationId?: number | null;
}

/** Records a lifecycle event. */
export function recordEvent(id: number, input: EventInput) {
  return api.post<{ event: OrgEvent; organisation: Organisation }>(`/api/organisations/${id}/events`, input);
}

/** Body of POST /api/organisations/:id/products. */
export interface ProductInput {
  kind: string;
  name: string;
  stars?: number | null;
  year?: number | null;
  note?: string | null;
}

/** Adds a product, trademark or certification. */
export function addProduct(id: number, input: ProductInput) {
  return api.post<{ product: Product }>(`/api/organisations/${id}/products`, input);
}

/** Removes a product. */
export function removeProduct(id: number, productId: number) {
  return api.del<void>(`/api/organisations/${id}/products/${productId}`);
}

/** Adds a member cooperative to a union. */
export function addUnionMember(id: number, memberId: number, joinedOn?: string | null) {
  return api.post<unknown>(`/api/organisations/${id}/union-members`, {
    memberId,
    joinedOn: joinedOn ?? null,
  });
}

/** Records that a member cooperative left a union. */
export function removeUnionMember(id: number, memberId: number) {
  return api.del<void>(`/api/organisations/${id}/union-members/${memberId}`);
}

/** Approves a pending change request (optional comment). */
export function approveChangeRequest(requestId: number, comment?: string) {
  return api.post<unknown>(`/api/change-requests/${requestId}/approve`, { comment: comment || null });
}

/** Rejects a pending change request with a reason. */
export function rejectChangeRequest(requestId: number, comment: string) {
  return api.post<unknown>(`/api/change-requests/${requestId}/reject`, { comment });
}
