import type { TOrganisationInput } from '../../../core/registry/organisation-input.js';
import type { Ctx } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { orgScopeFilter, requireUser } from '../auth/scope.js';
import { snapshotOf, toOrganisationDto } from './organisation.dto.js';
import * as repo from './organisation.repo.js';
import { insertEvent } from './organisation-relations.repo.js';
import { findDuplicates } from './organisation-search.repo.js';
import { prepareOrganisation } from './organisation-validation.js';

/** True for PostgreSQL's unique violation on the registration code (two creators of one code at once). */
export function isRegCodeRace(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'organisation_reg_code_uq';
}

/** The 409 for a code taken by a concurrent writer. */
export const regCodeRaceConflict = () =>
  conflict(
    'organisation.reg_code_taken',
    'Mã số vừa được cấp cho một tổ chức khác; mã số không được dùng lại (NĐ 92/2024, Điều 14).',
  );

/**
 * Registers an organisation in a commune of the caller's subtree, with its 'founded' event and one audit
 * row, in one transaction. Returns warnings (rules that depend on yearly figures) and possible duplicates
 * (same name in the commune, same legal representative in the province) for the officer to check.
 */
export async function createOrganisation(ctx: Ctx, input: TOrganisationInput) {
  const user = requireUser(ctx);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const { values, warnings } = await prepareOrganisation(trx, ctx, input, { checkCommuneScope: true });
      const id = await repo.insertOrganisation(trx, values);
      const occurredOn = input.foundedOn ?? input.registeredOn ?? todayInVietnam();
      const eventId = await insertEvent(trx, {
        organisationId: id,
        kind: 'founded',
        occurredOn,
        note: null,
        detail: null,
        createdBy: user.id,
      });
      const created = (await repo.findOrganisation(trx, id))!;
      await recordAudit(trx, ctx, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: id,
        after: { ...snapshotOf(created), event: { id: eventId, kind: 'founded', occurredOn } },
        provinceId: created.province_id,
      });
      const duplicates = await findDuplicates(trx, {
        scope: orgScopeFilter(ctx),
        nameKey: values.name_key,
        communeId: values.commune_id,
        legalRep: values.legal_rep_name ?? undefined,
        provinceId: values.province_id,
        excludeId: id,
        limit: 20,
      });
      return {
        organisation: toOrganisationDto(created),
        warnings,
        possibleDuplicates: duplicates.map((d) => ({
          id: d.id,
          kind: d.kind,
          regCode: d.reg_code,
          name: d.name,
          communeName: d.commune_name,
          legalStatus: d.legal_status,
          reasons: [
            ...(d.name_match ? ['name' as const] : []),
            ...(d.rep_match ? ['legal_rep' as const] : []),
          ],
        })),
      };
    });
  } catch (err) {
    if (isRegCodeRace(err)) throw regCodeRaceConflict();
    throw err;
  }
}
