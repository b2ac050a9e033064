/** Editing a rubric version that no campaign uses yet: items, rules, thresholds, legal basis. */
import type { RubricDefinition } from '../../../core/assessment/types.js';
import { validateRubric } from '../../../core/assessment/validate-rubric.js';
import type { Ctx } from '../../context.js';
import { AppError, conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadRubric } from './load-rubric.js';
import * as repo from './rubric.repo.js';
import { loadRubricForChange } from './rubric-access.js';
import { itemValues, rubricDetailDto, versionValues } from './rubric-mapper.js';

/** The parts of a definition a change may replace, with the version it was read at. */
export type UpdateRubricInput = Partial<Omit<RubricDefinition, 'legal'>> & {
  legal?: Partial<RubricDefinition['legal']>;
  version: number;
};

/**
 * Saves a change. A draft is saved even when invalid and comes back with its validation errors per item (the editor
 * shows them); an active version must stay valid (400 rubric.invalid). In-use and shipped versions: 409.
 */
export async function updateRubric(ctx: Ctx, id: number, input: UpdateRubricInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, def } = await loadRubricForChange(ctx, trx, id);
    if (row.status === 'retired')
      throw conflict('rubric.retired', 'Bộ tiêu chí đã ngừng sử dụng nên không sửa được.');
    const { version, legal, ...rest } = input;
    const next: RubricDefinition = {
      ...def,
      ...rest,
      legal: { ...def.legal, ...legal },
      code: (rest.code ?? def.code).trim(),
    };
    const validation = validateRubric(next);
    if (row.status === 'active' && !validation.valid) {
      throw new AppError(
        400,
        'rubric.invalid',
        `Bộ tiêu chí đang áp dụng phải hợp lệ: còn ${validation.errors.length} lỗi.`,
        validation.errors.map((e) => ({ path: e.path, message: e.message })),
      );
    }
    if (next.code !== def.code && (await repo.findRubricVersionByCode(trx, next.code))) {
      throw conflict('rubric.code_taken', `Mã bộ tiêu chí "${next.code}" đã được dùng.`);
    }
    if (!(await repo.updateRubricVersion(trx, id, version, versionValues(next)))) {
      throw conflict(
        'rubric.version_conflict',
        'Bộ tiêu chí vừa được người khác sửa. Hãy tải lại trước khi lưu.',
      );
    }
    if (input.items) await repo.replaceRubricItems(trx, id, itemValues(next));
    const after = await loadRubric(trx, id);
    await recordAudit(trx, ctx, {
      action: 'rubric.update',
      entityType: 'rubric_version',
      entityId: id,
      before: { ...versionValues(def), items: def.items.length },
      after: { ...versionValues(next), items: next.items.length },
      provinceId: row.owner_province_id,
    });
    return { rubric: rubricDetailDto(after.row, after.def, false) };
  });
}
