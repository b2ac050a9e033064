/** Copying a rubric version into a new draft that its province (or the nation) can then adjust. */
import type { Ctx } from '../../context.js';
import { conflict } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { loadRubric } from './load-rubric.js';
import * as repo from './rubric.repo.js';
import { itemValues, rubricDetailDto, versionValues } from './rubric-mapper.js';

/** What a copy may rename. */
export interface CopyRubricInput {
  code?: string;
  name?: string;
}

/** Creates a draft copy of any version (items, rules, thresholds), owned by the caller's province; one audit row. */
export async function copyRubric(ctx: Ctx, id: number, input: CopyRubricInput) {
  const user = requireUser(ctx);
  const owner = user.scope.type === 'nation' ? null : user.scope.provinceId;
  return ctx.db.transaction().execute(async (trx) => {
    const { row, def } = await loadRubric(trx, id);
    let code = input.code?.trim();
    if (code) {
      if (await repo.findRubricVersionByCode(trx, code))
        throw conflict('rubric.code_taken', `Mã bộ tiêu chí "${code}" đã được dùng.`);
    } else {
      const taken = await repo.codesLike(trx, `${def.code}-BAN-`);
      let n = 1;
      while (taken.has(`${def.code}-BAN-${n}`)) n++;
      code = `${def.code}-BAN-${n}`;
    }
    const copy = { ...def, code, name: input.name?.trim() || `${def.name} (bản sao)` };
    const newId = await repo.insertRubricVersion(trx, {
      ...versionValues(copy),
      owner_province_id: owner,
      derived_from_id: row.id,
      created_by: user.id,
    });
    await repo.replaceRubricItems(trx, newId, itemValues(copy));
    const created = await loadRubric(trx, newId);
    await recordAudit(trx, ctx, {
      action: 'rubric.copy',
      entityType: 'rubric_version',
      entityId: newId,
      after: { from: row.code, code, name: copy.name, items: copy.items.length },
      provinceId: owner,
    });
    return { rubric: rubricDetailDto(created.row, created.def, false) };
  });
}
