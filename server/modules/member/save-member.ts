import type { Kysely } from 'kysely';
import type { OrganisationKind } from '../../../core/registry/enums.js';
import {
  capitalShareWarning,
  checkMember,
  ERASED_FIELDS,
  type MemberData,
  type MemberWarning,
  type TMemberCreate,
  type TMemberUpdate,
} from '../../../core/registry/member-input.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError, conflict, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './member.repo.js';
import {
  auditView,
  changedPersonalFields,
  loadOrganisationInScope,
  memberErased,
  memberNotFound,
  todayVn,
  toMemberData,
  toMemberDto,
} from './member-view.js';

const COLUMN: Record<keyof MemberData, keyof repo.MemberSet> = {
  memberType: 'member_type',
  fullName: 'full_name',
  birthDate: 'birth_date',
  gender: 'gender',
  ethnicity: 'ethnicity',
  nationality: 'nationality',
  idNumber: 'id_number',
  orgCode: 'org_code',
  address: 'address',
  capitalPledged: 'capital_pledged',
  capitalPaid: 'capital_paid',
  joinedOn: 'joined_on',
  leftOn: 'left_on',
};

function toSet(input: Partial<MemberData>): repo.MemberSet {
  const set: Record<string, unknown> = {};
  for (const [k, col] of Object.entries(COLUMN)) {
    const v = input[k as keyof MemberData];
    if (v !== undefined) set[col] = v;
  }
  return set as repo.MemberSet;
}

/** Runs the register rules on the complete entry; 400 member.invalid with the field errors. */
async function validate(
  trx: Kysely<DB>,
  org: repo.MemberOrganisation,
  m: MemberData,
  memberId: number | null,
) {
  const errors = checkMember(m, todayVn());
  if (errors.length > 0) {
    throw invalid(
      'member.invalid',
      `Thông tin thành viên chưa hợp lệ: ${errors.map((e) => e.message).join(' ')}`,
      errors,
    );
  }
  if (m.idNumber && (await repo.findByIdNumber(trx, org.id, m.idNumber, memberId))) {
    throw conflict('member.duplicate_id', 'Số định danh này đã có trong sổ đăng ký thành viên của tổ chức.');
  }
}

const warningsOf = (org: repo.MemberOrganisation, m: MemberData): MemberWarning[] => {
  const w = capitalShareWarning(org.kind as OrganisationKind, org.charter_capital, m);
  return w ? [w] : [];
};

/** The fields given, without keys that are present but undefined. */
const normalise = (input: Partial<TMemberCreate>): Partial<MemberData> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<MemberData>;

const EMPTY: Omit<MemberData, 'memberType' | 'fullName'> = {
  birthDate: null,
  gender: null,
  ethnicity: null,
  nationality: null,
  idNumber: null,
  orgCode: null,
  address: null,
  capitalPledged: null,
  capitalPaid: null,
  joinedOn: null,
  leftOn: null,
};

/** Adds an entry to an organisation's register (member.write); warns, without refusing, above the Art. 74 capital share. */
export async function createMember(ctx: Ctx, organisationId: number, input: TMemberCreate) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  const data = { ...EMPTY, ...normalise(input) } as MemberData;
  return ctx.db.transaction().execute(async (trx) => {
    await validate(trx, org, data, null);
    const row = await repo.insertMember(trx, organisationId, {
      ...toSet(data),
      member_type: data.memberType,
      full_name: data.fullName,
    });
    await recordAudit(trx, ctx, {
      action: 'member.create',
      entityType: 'member',
      entityId: row.id,
      after: auditView(row),
      provinceId: org.province_id,
    });
    return { member: toMemberDto(row), warnings: warningsOf(org, data) };
  });
}

/** Changes an entry (member.write); a stale version answers 409 member.version_conflict. */
export async function updateMember(ctx: Ctx, organisationId: number, memberId: number, input: TMemberUpdate) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  const { version, ...changes } = input;
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findMember(trx, organisationId, memberId, true);
    if (!before) throw memberNotFound();
    if (before.version !== version) {
      throw conflict(
        'member.version_conflict',
        'Thành viên này vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.',
        {
          current: toMemberDto(before),
        },
      );
    }
    // After an erasure only the accounting facts (type, capital, dates) may change.
    if (before.erased_at !== null && ERASED_FIELDS.some((k) => changes[k] !== undefined))
      throw memberErased();
    const merged: MemberData = { ...toMemberData(before), ...normalise(changes) };
    if (before.erased_at === null) await validate(trx, org, merged, memberId);
    else if (
      merged.capitalPledged !== null &&
      merged.capitalPaid !== null &&
      BigInt(merged.capitalPaid) > BigInt(merged.capitalPledged)
    ) {
      throw new AppError(400, 'member.invalid', 'Vốn đã góp không được lớn hơn vốn cam kết góp.', [
        { path: 'capitalPaid', message: 'Lớn hơn vốn cam kết.' },
      ]);
    }
    const after = await repo.updateMember(trx, memberId, version, toSet(normalise(changes)));
    if (!after)
      throw conflict(
        'member.version_conflict',
        'Thành viên này vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.',
      );
    await recordAudit(trx, ctx, {
      action: 'member.update',
      entityType: 'member',
      entityId: memberId,
      before: auditView(before),
      after: { ...auditView(after), changedPersonalFields: changedPersonalFields(before, after) },
      provinceId: org.province_id,
    });
    return { member: toMemberDto(after), warnings: warningsOf(org, merged) };
  });
}
