import { labelOf, REPORT_STATUSES } from '../../../core/registry/enums.js';
import type { Ctx } from '../../context.js';
import { orgScopeFilter } from '../auth/scope.js';
import * as repo from './annual-report.repo.js';

/** Filters of the review queue. */
export interface QueueQuery {
  year?: number;
  period?: string;
  status?: string;
  page: number;
  pageSize: number;
}

/**
 * The review queue: reports of organisations in the caller's subtree (a commune officer its commune,
 * province roles their province, the nation everything), most recently submitted first.
 */
export async function listReviewQueue(ctx: Ctx, q: QueueQuery) {
  const { rows, total } = await repo.listQueue(ctx.db, {
    ...orgScopeFilter(ctx),
    year: q.year,
    period: q.period,
    status: q.status,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      organisationKind: r.kind,
      regCode: r.reg_code,
      communeId: r.commune_id,
      communeName: r.commune_name,
      year: r.year,
      period: r.period as 'year' | 'h1',
      status: r.status as 'draft' | 'submitted' | 'returned' | 'approved',
      statusLabel: labelOf(REPORT_STATUSES, r.status),
      membersTotal: r.members_total,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
      openFlagCount: Number(r.open_flags ?? 0),
    })),
  };
}
