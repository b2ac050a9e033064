import {
  isRegistrationField,
  OFFICER_ONLY_FIELDS,
  type TOrganisationChanges,
} from '../../../core/registry/organisation-changes.js';
import type { Ctx } from '../../context.js';
import { conflict, forbidden, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Applied, applyOrganisationChanges, versionConflict } from './apply-organisation-changes.js';
import { toChangeRequestDto } from './change-requests.js';
import { isRegCodeRace, regCodeRaceConflict } from './create-organisation.js';
import { inputOf, snapshotOf, toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { can, loadOrganisationInScope, requireAnyPermission } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';
import { prepareOrganisation } from './organisation-validation.js';

/** Body of PATCH /api/organisations/:id. */
export interface UpdateOrganisationInput {
  changes: TOrganisationChanges;
  version: number;
}

/** 200 with the organisation, or 202 when registration changes wait for an officer. */
export type UpdateOrganisationResult =
  | { status: 200; body: { organisation: ReturnType<typeof toOrganisationDto>; warnings: string[] } }
  | {
      status: 202;
      body: {
        changeRequest: ReturnType<typeof toChangeRequestDto>;
        organisation: ReturnType<typeof toOrganisationDto>;
        warnings: string[];
      };
    };

const pick = (c: TOrganisationChanges, keep: (k: string) => boolean) =>
  Object.fromEntries(
    Object.entries(c).filter(([k, v]) => v !== undefined && keep(k)),
  ) as TOrganisationChanges;

/**
 * Edits an organisation with optimistic concurrency: `version` must be the current one, else 409
 * version_conflict listing what others changed; never a silent overwrite. Officers (org.write) change any
 * field. A cooperative user (org.self_edit) changes its own non-registration fields directly; changes to
 * registration fields (NĐ 92/2024: name, code, address, capital, representative…) become a change request
 * an officer approves. One audit row per call.
 */
export async function updateOrganisation(
  ctx: Ctx,
  id: number,
  input: UpdateOrganisationInput,
): Promise<UpdateOrganisationResult> {
  const user = requireAnyPermission(ctx, 'org.write', 'org.self_edit');
  await loadOrganisationInScope(ctx, id);
  const officer = can(user, 'org.write');
  const changes = pick(input.changes, () => true);
  if (Object.keys(changes).length === 0)
    throw invalid('organisation.no_changes', 'Không có thay đổi nào để lưu.');
  if (!officer && OFFICER_ONLY_FIELDS.some((k) => changes[k] !== undefined)) {
    throw forbidden('Chỉ cán bộ quản lý mới được đánh dấu tổ chức "chỉ tồn tại trên giấy".');
  }
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      await repo.lockOrganisation(trx, id);
      const current = (await repo.findOrganisation(trx, id))!;
      if (current.version !== input.version) throw await versionConflict(trx, current, input.version);
      if (officer) {
        const r = await applyOrganisationChanges(trx, ctx, current, changes, { checkCommuneScope: true });
        if (r.changed) await audit(ctx, trx, 'organisation.update', r);
        return {
          status: 200 as const,
          body: { organisation: toOrganisationDto(r.after), warnings: r.warnings },
        };
      }
      const now = inputOf(current) as Record<string, unknown>;
      const registration = pick(
        changes,
        (k) =>
          isRegistrationField(k) &&
          JSON.stringify(now[k] ?? null) !== JSON.stringify(changes[k as keyof TOrganisationChanges] ?? null),
      );
      const direct = pick(changes, (k) => !isRegistrationField(k));
      let requestId: number | null = null;
      if (Object.keys(registration).length > 0) {
        if ((await rel.countPendingChangeRequests(trx, id)) > 0) {
          throw conflict(
            'organisation.change_request_pending',
            'Tổ chức đang có một đề nghị thay đổi thông tin đăng ký chờ duyệt; hãy chờ cán bộ xử lý trước khi gửi đề nghị mới.',
          );
        }
        // Checked now so the cooperative hears of a taken name or code at once; checked again on approval.
        await prepareOrganisation(
          trx,
          ctx,
          { ...inputOf(current), ...changes },
          { current, checkCommuneScope: false },
        );
        requestId = await rel.insertChangeRequest(trx, id, user.id, {
          changes: registration,
          baseVersion: input.version,
        });
      }
      const r: Applied =
        Object.keys(direct).length > 0
          ? await applyOrganisationChanges(trx, ctx, current, direct, { checkCommuneScope: false })
          : { before: current, after: current, warnings: [], changed: false };
      if (requestId === null) {
        if (r.changed) await audit(ctx, trx, 'organisation.update', r);
        return {
          status: 200 as const,
          body: { organisation: toOrganisationDto(r.after), warnings: r.warnings },
        };
      }
      await audit(
        ctx,
        trx,
        r.changed ? 'organisation.update_with_change_request' : 'organisation.change_request.create',
        r,
        {
          changeRequest: { id: requestId, changes: registration },
        },
      );
      const cr = (await rel.findChangeRequest(trx, requestId))!;
      return {
        status: 202 as const,
        body: {
          changeRequest: toChangeRequestDto(cr),
          organisation: toOrganisationDto(r.after),
          warnings: r.warnings,
        },
      };
    });
  } catch (err) {
    if (isRegCodeRace(err)) throw regCodeRaceConflict();
    throw err;
  }
}

async function audit(
  ctx: Ctx,
  trx: Parameters<typeof recordAudit>[0],
  action: string,
  r: Applied,
  extra: Record<string, unknown> = {},
) {
  await recordAudit(trx, ctx, {
    action,
    entityType: 'organisation',
    entityId: r.after.id,
    before: snapshotOf(r.before),
    after: { ...snapshotOf(r.after), ...extra },
    provinceId: r.after.province_id,
  });
}
