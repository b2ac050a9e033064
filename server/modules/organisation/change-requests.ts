import { ZOrganisationChanges } from '../../../core/registry/organisation-changes.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { applyOrganisationChanges } from './apply-organisation-changes.js';
import { isRegCodeRace, regCodeRaceConflict } from './create-organisation.js';
import { snapshotOf, toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { loadOrganisationInScope } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';

/** A change request as the API returns it. */
export function toChangeRequestDto(r: rel.ChangeRequestRecord) {
  const stored = (r.changes ?? {}) as { changes?: Record<string, unknown>; baseVersion?: number };
  return {
    id: r.id,
    organisationId: r.organisation_id,
    status: r.status,
    changes: stored.changes ?? {},
    baseVersion: stored.baseVersion ?? null,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    comment: r.comment,
    createdAt: new Date(r.created_at).toISOString(),
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
  };
}

/** The change requests of an organisation in the caller's scope, newest first. */
export async function listChangeRequests(ctx: Ctx, organisationId: number) {
  await loadOrganisationInScope(ctx, organisationId);
  return { items: (await rel.listChangeRequests(ctx.db, organisationId)).map(toChangeRequestDto) };
}

async function loadRequestInScope(ctx: Ctx, id: number) {
  const cr = await rel.findChangeRequest(ctx.db, id);
  if (!cr) throw notFound('Không tìm thấy đề nghị thay đổi.');
  await loadOrganisationInScope(ctx, cr.organisation_id);
  return cr;
}

const decided = () => conflict('change_request.decided', 'Đề nghị này đã được xử lý trước đó.');

/**
 * Approves a cooperative's registration change: applies it with the same validations as an officer's own
 * edit (the commune must be in the approver's scope), marks the request approved, one audit row, one
 * transaction: a change that no longer validates leaves the request pending.
 */
export async function approveChangeRequest(ctx: Ctx, id: number, comment: string | null) {
  const user = requireUser(ctx);
  const cr = await loadRequestInScope(ctx, id);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.lockOrganisation(trx, cr.organisation_id);
      if (!(await rel.decideChangeRequest(trx, id, 'approved', user.id, comment))) throw decided();
      const parsed = ZOrganisationChanges.safeParse((cr.changes as { changes?: unknown })?.changes ?? {});
      if (!parsed.success)
        throw invalid(
          'change_request.invalid',
          'Nội dung đề nghị không còn hợp lệ; hãy từ chối và yêu cầu gửi lại.',
        );
      const current = (await repo.findOrganisation(trx, cr.organisation_id))!;
      const r = await applyOrganisationChanges(trx, ctx, current, parsed.data, { checkCommuneScope: true });
      await recordAudit(trx, ctx, {
        action: 'organisation.change_request.approve',
        entityType: 'organisation',
        entityId: current.id,
        before: snapshotOf(r.before),
        after: { ...snapshotOf(r.after), changeRequest: { id, status: 'approved', comment } },
        provinceId: r.after.province_id,
      });
      const updated = (await rel.findChangeRequest(trx, id))!;
      return {
        changeRequest: toChangeRequestDto(updated),
        organisation: toOrganisationDto(r.after),
        warnings: r.warnings,
      };
    });
  } catch (err) {
    if (isRegCodeRace(err)) throw regCodeRaceConflict();
    throw err;
  }
}

/** Rejects a pending change request with the officer's reason; the organisation is unchanged. */
export async function rejectChangeRequest(ctx: Ctx, id: number, comment: string) {
  const user = requireUser(ctx);
  const cr = await loadRequestInScope(ctx, id);
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await rel.decideChangeRequest(trx, id, 'rejected', user.id, comment))) throw decided();
    const org = (await repo.findOrganisation(trx, cr.organisation_id))!;
    await recordAudit(trx, ctx, {
      action: 'organisation.change_request.reject',
      entityType: 'organisation',
      entityId: org.id,
      after: {
        changeRequest: {
          id,
          status: 'rejected',
          comment,
          changes: (cr.changes as { changes?: unknown })?.changes ?? {},
        },
      },
      provinceId: org.province_id,
    });
    return { changeRequest: toChangeRequestDto((await rel.findChangeRequest(trx, id))!) };
  });
}
