import type { PlanInput } from '../../../core/plan/contracts.js';
import type { Ctx } from '../../context.js';

export type { PlanInput } from '../../../core/plan/contracts.js';

import { conflict, invalid } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { findPlan, unitLabels } from './plan.repo.js';
import { getPlanInScope, planProvince } from './plan-access.js';
import { planDto } from './plan-dto.js';

function checkYears(start: number, end: number) {
  if (end < start)
    throw invalid('plan.years', 'Năm kết thúc phải bằng hoặc sau năm bắt đầu.', [
      { path: 'endYear', message: 'Trước năm bắt đầu.' },
    ]);
}

async function dto(ctx: Ctx, id: number) {
  const p = (await findPlan(ctx.db, id))!;
  const labels = await unitLabels(ctx.db, p.unit_id ? [p.unit_id] : []);
  return planDto(p, p.unit_id ? (labels.get(p.unit_id) ?? '') : 'Toàn quốc');
}

/** Records a plan for a unit in the caller's province (the nation for national users); one audit row. */
export async function createPlan(ctx: Ctx, input: PlanInput) {
  const user = requireUser(ctx);
  checkYears(input.startYear, input.endYear);
  const provinceId = await planProvince(ctx, input.unitId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('plan')
      .values({
        number: input.number ?? null,
        kind: input.kind,
        title: input.title,
        issuer: input.issuer,
        signer: input.signer ?? null,
        issued_on: input.issuedOn ?? null,
        unit_id: input.unitId,
        province_id: provinceId,
        start_year: input.startYear,
        end_year: input.endYear,
        legal_bases: JSON.stringify(input.legalBases ?? []),
        status: input.status ?? 'in_force',
        summary: input.summary ?? null,
        created_by: user.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: r.id,
      after: r,
      provinceId,
    });
    return r.id;
  });
  return dto(ctx, id);
}

/** Changes a plan's header (optimistic version); a plan cannot move to another province; one audit row. */
export async function updatePlan(ctx: Ctx, id: number, input: Partial<PlanInput> & { version: number }) {
  const before = await getPlanInScope(ctx, id, 'manage');
  const unitId = input.unitId !== undefined ? input.unitId : before.unit_id;
  const provinceId = input.unitId !== undefined ? await planProvince(ctx, unitId) : before.province_id;
  checkYears(input.startYear ?? before.start_year, input.endYear ?? before.end_year);
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('plan')
      .set({
        ...(input.number !== undefined ? { number: input.number } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
        ...(input.signer !== undefined ? { signer: input.signer } : {}),
        ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
        ...(input.startYear !== undefined ? { start_year: input.startYear } : {}),
        ...(input.endYear !== undefined ? { end_year: input.endYear } : {}),
        ...(input.legalBases !== undefined ? { legal_bases: JSON.stringify(input.legalBases) } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        unit_id: unitId,
        province_id: provinceId,
        version: before.version + 1,
        updated_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw conflict('plan.version', 'Kế hoạch đã được người khác sửa; hãy tải lại trước khi lưu.');
    await recordAudit(trx, ctx, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      before,
      after: r,
      provinceId: r.province_id,
    });
  });
  return dto(ctx, id);
}
