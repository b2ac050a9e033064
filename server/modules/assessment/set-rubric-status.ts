/** Activating a validated rubric version (offered to campaigns) and retiring one (no longer offered). */
import { validateRubric } from '../../../core/assessment/validate-rubric.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadRubric } from './load-rubric.js';
import * as repo from './rubric.repo.js';
import { loadRubricForChange } from './rubric-access.js';
import { rubricDetailDto } from './rubric-mapper.js';

/** Activates a draft once it validates (400 rubric.invalid with the errors otherwise); active stays active. */
export async function activateRubric(ctx: Ctx, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, def } = await loadRubricForChange(ctx, trx, id, false);
    if (row.status === 'retired')
      throw conflict('rubric.retired', 'Bộ tiêu chí đã ngừng sử dụng; hãy sao chép thành bản mới.');
    const used = (await repo.versionsInUse(trx, [id])).has(id);
    if (row.status === 'draft') {
      const v = validateRubric(def);
      if (!v.valid) {
        throw new AppError(
          400,
          'rubric.invalid',
          `Chưa thể áp dụng: bộ tiêu chí còn ${v.errors.length} lỗi.`,
          v.errors.map((e) => ({ path: e.path, message: e.message })),
        );
      }
      await repo.updateRubricVersion(trx, id, row.version, { status: 'active', activated_at: new Date() });
      await recordAudit(trx, ctx, {
        action: 'rubric.activate',
        entityType: 'rubric_version',
        entityId: id,
        before: { status: row.status },
        after: { status: 'active', complete: v.complete },
        provinceId: row.owner_province_id,
      });
    }
    const after = await loadRubric(trx, id);
    return { rubric: rubricDetailDto(after.row, after.def, used) };
  });
}

/** Retires a version: running campaigns keep it, new ones cannot choose it. */
export async function retireRubric(ctx: Ctx, id: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadRubricForChange(ctx, trx, id, false);
    if (row.status !== 'retired') {
      await repo.updateRubricVersion(trx, id, row.version, { status: 'retired' });
      await recordAudit(trx, ctx, {
        action: 'rubric.retire',
        entityType: 'rubric_version',
        entityId: id,
        before: { status: row.status },
        after: { status: 'retired' },
        provinceId: row.owner_province_id,
      });
    }
    const after = await loadRubric(trx, id);
    const used = (await repo.versionsInUse(trx, [id])).has(id);
    return { rubric: rubricDetailDto(after.row, after.def, used) };
  });
}
