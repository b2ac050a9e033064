import { foldVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { latestReportedMembers } from '../annual-report/get-report.js';
import * as repo from './member.repo.js';
import { loadOrganisationInScope, todayVn, toMemberDto } from './member-view.js';

/** Filters of the register list. */
export interface MemberListQuery {
  q?: string;
  type?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of an organisation's member register, personal data masked (no audit: nothing personal is
 * disclosed). Also the consistency hint: members on the register today against the member total of the
 * latest yearly report.
 */
export async function listMembers(ctx: Ctx, organisationId: number, query: MemberListQuery) {
  await loadOrganisationInScope(ctx, organisationId);
  const folded = query.q ? foldVietnamese(query.q) : '';
  const { rows, total } = await repo.listMembers(ctx.db, {
    organisationId,
    q: folded || undefined,
    type: query.type,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const registerCount = await repo.countCurrentMembers(ctx.db, organisationId, todayVn());
  const reported = await latestReportedMembers(ctx.db, organisationId);
  return {
    items: rows.map((r) => toMemberDto(r)),
    total,
    registerCount,
    reportedCount: reported?.membersTotal ?? null,
    reportedYear: reported?.year ?? null,
  };
}
