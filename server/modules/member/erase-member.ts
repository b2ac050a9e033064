import { ERASED_NAME } from '../../../core/registry/member-input.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './member.repo.js';
import {
  auditView,
  loadOrganisationInScope,
  memberErased,
  memberNotFound,
  toMemberDto,
} from './member-view.js';

const CLEARED = ['birth_date', 'id_number', 'address', 'ethnicity', 'nationality'] as const;

/**
 * Erases a natural person's personal data on the data subject's request (member.erase; Law 91/2025/QH15):
 * the name becomes "Đã xóa theo yêu cầu", birth date, ID number, address, ethnicity and nationality are
 * cleared, erased_at is set. Capital amounts, dates and the member type stay: the accounts need them.
 * Gender stays too: alone it identifies no one and feeds the anonymous women-member counts.
 * The audit row keeps the reason and the names of the cleared fields, never their values.
 */
export async function eraseMember(
  ctx: Ctx,
  organisationId: number,
  memberId: number,
  input: { reason: string },
) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findMember(trx, organisationId, memberId, true);
    if (!before) throw memberNotFound();
    if (before.erased_at !== null) throw memberErased();
    if (before.org_code) {
      throw new AppError(
        400,
        'member.not_personal',
        'Thành viên là tổ chức (có mã số tổ chức), không phải dữ liệu cá nhân nên không xóa theo yêu cầu được.',
      );
    }
    const erasedAt = new Date();
    const after = await repo.updateMember(trx, memberId, before.version, {
      full_name: ERASED_NAME,
      birth_date: null,
      id_number: null,
      address: null,
      ethnicity: null,
      nationality: null,
      erased_at: erasedAt,
    });
    if (!after)
      throw conflict('member.version_conflict', 'Thành viên này vừa được người khác sửa. Hãy thử lại.');
    await recordAudit(trx, ctx, {
      action: 'member.erase',
      entityType: 'member',
      entityId: memberId,
      before: auditView(before),
      after: {
        reason: input.reason.trim(),
        erasedAt: erasedAt.toISOString(),
        erasedFields: ['full_name', ...CLEARED.filter((k) => before[k] !== null)],
      },
      provinceId: org.province_id,
    });
    return { member: toMemberDto(after) };
  });
}
