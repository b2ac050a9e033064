/** Reading rubric versions: national reference data every assessment reader may see. */
import type { Ctx } from '../../context.js';
import { loadRubric } from './load-rubric.js';
import * as repo from './rubric.repo.js';
import { rubricDetailDto, rubricSummaryDto, toDefinition } from './rubric-mapper.js';

/** Every rubric version with its legal basis, status, use and validation summary. */
export async function listRubrics(ctx: Ctx, q: { status?: string }) {
  const rows = await repo.listRubricVersions(ctx.db, q.status);
  const ids = rows.map((r) => r.id);
  const [items, used] = await Promise.all([
    repo.listRubricItems(ctx.db, ids),
    repo.versionsInUse(ctx.db, ids),
  ]);
  return { items: rows.map((r) => rubricSummaryDto(r, toDefinition(r, items), used.has(r.id))) };
}

/** One version with its item tree, rules, thresholds and validation result. */
export async function getRubric(ctx: Ctx, id: number) {
  const { row, def } = await loadRubric(ctx.db, id);
  const used = await repo.versionsInUse(ctx.db, [id]);
  return { rubric: rubricDetailDto(row, def, used.has(id)) };
}
