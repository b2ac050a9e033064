/** How register entries look in the API and in the audit log, and the scoped loaders of the member services. */
import { labelOf, MEMBER_TYPES } from '../../../core/registry/enums.js';
import { maskMember } from '../../../core/registry/masking.js';
import type { MemberData } from '../../../core/registry/member-input.js';
import type { Ctx } from '../../context.js';
import { AppError } from '../../http/problem.js';
import { assertOrgScope } from '../auth/scope.js';
import * as repo from './member.repo.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const num = (v: string | null) => (v === null ? null : Number(v));

/** The row as the checks see it (camelCase). */
export function toMemberData(r: repo.MemberRow): MemberData {
  return {
    memberType: r.member_type as MemberData['memberType'],
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    ethnicity: r.ethnicity,
    nationality: r.nationality,
    idNumber: r.id_number,
    orgCode: r.org_code,
    address: r.address,
    capitalPledged: r.capital_pledged,
    capitalPaid: r.capital_paid,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
  };
}

/** A register entry for the API: masked unless `reveal` (which only an audited reveal or export passes). */
export function toMemberDto(row: repo.MemberRow, reveal = false) {
  const r = reveal ? row : maskMember(row);
  return {
    id: r.id,
    organisationId: r.organisation_id,
    memberType: r.member_type,
    memberTypeLabel: labelOf(MEMBER_TYPES, r.member_type),
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    ethnicity: r.ethnicity,
    nationality: r.nationality,
    idNumber: r.id_number,
    orgCode: r.org_code,
    address: r.address,
    capitalPledged: num(r.capital_pledged),
    capitalPaid: num(r.capital_paid),
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    erased: r.erased_at !== null,
    erasedAt: iso(r.erased_at),
    masked: !reveal && !row.org_code,
    version: r.version,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}

const PERSONAL: (keyof repo.MemberRow)[] = [
  'full_name',
  'birth_date',
  'gender',
  'id_number',
  'address',
  'ethnicity',
  'nationality',
];

/**
 * What the audit log keeps of an entry: never a natural person's personal values (an erasure on request
 * must not leave them behind in the log), only which personal fields are filled; an organisation member's
 * name and code are kept.
 */
export function auditView(r: repo.MemberRow) {
  return {
    organisationId: r.organisation_id,
    memberType: r.member_type,
    ...(r.org_code ? { fullName: r.full_name, orgCode: r.org_code } : {}),
    capitalPledged: r.capital_pledged,
    capitalPaid: r.capital_paid,
    joinedOn: r.joined_on,
    leftOn: r.left_on,
    personalFieldsFilled: PERSONAL.filter((k) => r[k] !== null),
  };
}

/** The personal fields whose value differs between two versions of an entry (names only, never values). */
export function changedPersonalFields(before: repo.MemberRow, after: repo.MemberRow): string[] {
  return PERSONAL.filter((k) => before[k] !== after[k]);
}

/** Loads an organisation the caller may see, or 404 (also outside the scope: existence is not disclosed). */
export async function loadOrganisationInScope(ctx: Ctx, id: number) {
  const org = await repo.findOrganisation(ctx.db, id);
  if (!org) throw new AppError(404, 'not_found', 'Không tìm thấy tổ chức.');
  assertOrgScope(ctx, { id: org.id, provinceId: org.province_id, communeId: org.commune_id });
  return org;
}

/** 404 for a member that is not in the organisation's register. */
export const memberNotFound = () =>
  new AppError(404, 'member.not_found', 'Không tìm thấy thành viên trong sổ đăng ký của tổ chức này.');

/** 409 for an erased member's personal data. */
export const memberErased = () =>
  new AppError(
    409,
    'member.erased',
    'Dữ liệu cá nhân của thành viên này đã được xóa theo yêu cầu của chủ thể dữ liệu.',
  );

/** Today's date in Vietnam (UTC+7), 'YYYY-MM-DD'. */
export function todayVn(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
