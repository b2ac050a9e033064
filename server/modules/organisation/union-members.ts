import { isEnded } from '../../../core/registry/lifecycle.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import * as repo from './organisation.repo.js';
import { loadOrganisationInScope } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';

/**
 * Adds an HTX to a union (LHHTX): the official members of a union are cooperatives (Luật HTX 2023 Art. 4(7),
 * Art. 34). Both must exist, lie in the caller's scope and not have ended. One audit row on the union.
 */
export async function addUnionMember(
  ctx: Ctx,
  unionId: number,
  input: { memberId: number; joinedOn?: string | null },
) {
  const user = requireUser(ctx);
  const union = await loadOrganisationInScope(ctx, unionId);
  if (union.kind !== 'LHHTX')
    throw invalid('organisation.not_union', 'Chỉ liên hiệp hợp tác xã mới có hợp tác xã thành viên.');
  if (input.memberId === unionId)
    throw invalid('organisation.union_self', 'Liên hiệp không thể là thành viên của chính mình.', [
      { path: 'memberId', message: 'Trùng liên hiệp.' },
    ]);
  const member = await repo.findOrganisation(ctx.db, input.memberId);
  if (
    !member ||
    !inOrgScope(user, { id: member.id, provinceId: member.province_id, communeId: member.commune_id })
  ) {
    throw invalid(
      'organisation.member_not_found',
      'Không tìm thấy hợp tác xã thành viên trong phạm vi quản lý của bạn.',
      [{ path: 'memberId', message: 'Không tìm thấy.' }],
    );
  }
  if (member.kind !== 'HTX')
    throw invalid(
      'organisation.member_not_htx',
      'Thành viên chính thức của liên hiệp phải là hợp tác xã (Luật HTX 2023, Điều 34).',
      [{ path: 'memberId', message: 'Không phải HTX.' }],
    );
  if (isEnded(union.legal_status) || isEnded(member.legal_status)) {
    throw conflict('organisation.ended', 'Liên hiệp hoặc hợp tác xã thành viên đã giải thể.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const link = await rel.findUnionLink(trx, unionId, input.memberId);
    if (link && link.left_on === null)
      throw conflict('organisation.already_member', 'Hợp tác xã này đã là thành viên của liên hiệp.');
    const joinedOn = input.joinedOn ?? todayInVietnam();
    await rel.upsertUnionLink(trx, unionId, input.memberId, joinedOn);
    await recordAudit(trx, ctx, {
      action: 'organisation.union_member.add',
      entityType: 'organisation',
      entityId: unionId,
      before: link
        ? { unionMember: { memberId: link.member_id, joinedOn: link.joined_on, leftOn: link.left_on } }
        : null,
      after: { unionMember: { memberId: input.memberId, memberName: member.name, joinedOn } },
      provinceId: union.province_id,
    });
    return { member: { id: member.id, regCode: member.reg_code, name: member.name, joinedOn } };
  });
}

/** Records that an HTX left a union today (the link is kept, with its end date). One audit row on the union. */
export async function removeUnionMember(ctx: Ctx, unionId: number, memberId: number) {
  const union = await loadOrganisationInScope(ctx, unionId);
  await ctx.db.transaction().execute(async (trx) => {
    const link = await rel.findUnionLink(trx, unionId, memberId);
    if (!link || link.left_on !== null)
      throw notFound('Hợp tác xã này không phải thành viên hiện tại của liên hiệp.');
    const on = todayInVietnam();
    await rel.closeUnionLinks(trx, { unionId, memberId, on });
    await recordAudit(trx, ctx, {
      action: 'organisation.union_member.remove',
      entityType: 'organisation',
      entityId: unionId,
      before: { unionMember: { memberId, joinedOn: link.joined_on, leftOn: null } },
      after: { unionMember: { memberId, joinedOn: link.joined_on, leftOn: on } },
      provinceId: union.province_id,
    });
  });
}
