/**
 * Attachment owners of the module: 'assessment' (evidence for a self-assessment, e.g. the board's minutes; located
 * at its organisation and visible only within the organisation's scope; owner id "<id>" for the whole assessment or
 * "<id>-<item code>" for the evidence of one item) and 'assessment_import' (an Excel file of
 * past results, attached to the unit it concerns).
 */
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { registerAttachmentOwner } from '../attachment/attachment.service.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import { findResultById } from './assessment.repo.js';

let registered = false;

/** Registers both owner types once. */
export function registerAssessmentAttachmentOwners() {
  if (registered) return;
  registered = true;
  registerAttachmentOwner('assessment', async (ctx, ownerId) => {
    const m = /^(\d{1,9})(?:-[0-9A-Za-z_]{1,10})?$/.exec(ownerId);
    if (!m) return null;
    const a = await findResultById(ctx.db, Number(m[1]));
    if (!a) return null;
    const org = await ctx.db
      .selectFrom('organisation')
      .select(['id', 'province_id', 'commune_id'])
      .where('id', '=', a.organisation_id)
      .executeTakeFirst();
    if (
      !org ||
      !inOrgScope(requireUser(ctx), { id: org.id, provinceId: org.province_id, communeId: org.commune_id })
    )
      return null;
    return { provinceId: org.province_id, unitId: org.commune_id };
  });
  registerAttachmentOwner('assessment_import', async (ctx, ownerId) => {
    const unit = /^\d{1,9}$/.test(ownerId) ? await getUnitBasics(ctx.db, Number(ownerId)) : null;
    if (!unit) return null;
    return { provinceId: unit.level === 1 ? unit.id : unit.provinceId, unitId: unit.id };
  });
}
