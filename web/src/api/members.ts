/** Member register calls: masked list, audited reveal, add and edit, per-member export and erasure. */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, apiDownload } from './client';
import { orgKey } from './organisations';
import type { Member, MemberPage, MemberWarning } from './registry-types';

/** Filter and page of the register. */
export interface MemberListParams {
  q?: string;
  type?: string;
  page: number;
  pageSize: number;
}

/** One page of the register, personal data masked. */
export function membersQuery(orgId: number, params: MemberListParams) {
  return queryOptions({
    queryKey: [...orgKey(orgId), 'members', params],
    queryFn: ({ signal }) =>
      api.get<MemberPage>(`/api/organisations/${orgId}/members`, { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

const memberPath = (orgId: number, memberId: number) => `/api/organisations/${orgId}/members/${memberId}`;

/** A saved entry and the warnings it raises. */
export interface SavedMember {
  member: Member;
  warnings: MemberWarning[];
}

/** The full, unmasked entry; the server records the reveal in the audit log. */
export async function revealMember(orgId: number, memberId: number): Promise<Member> {
  return (await api.post<{ member: Member }>(`${memberPath(orgId, memberId)}/reveal`)).member;
}

/** Adds an entry to the register. */
export function createMember(orgId: number, input: Record<string, unknown>): Promise<SavedMember> {
  return api.post<SavedMember>(`/api/organisations/${orgId}/members`, input);
}

/** Changes an entry; `version` guards against a concurrent change. */
export function updateMember(
  orgId: number,
  memberId: number,
  changes: Record<string, unknown>,
  version: number,
): Promise<SavedMember> {
  return api.patch<SavedMember>(memberPath(orgId, memberId), { ...changes, version });
}

/** Downloads one member's data (a data subject's request) as JSON or Excel. */
export function exportMember(orgId: number, memberId: number, format: 'json' | 'xlsx'): Promise<string> {
  return apiDownload(`${memberPath(orgId, memberId)}/export`, { format }, `thanh-vien-${memberId}.${format}`);
}

/** Erases a member's personal data on their request, with the reason recorded. */
export async function eraseMember(orgId: number, memberId: number, reason: string): Promise<Member> {
  return (await api.post<{ member: Member }>(`${memberPath(orgId, memberId)}/erase`, { reason })).member;
}
