import type { Ctx } from '../../context.js';
import { AppError, invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { requireUser, scopeProvinceFilter } from '../auth/scope.js';
import { findPlan, type PlanRow } from './plan.repo.js';

/**
 * Who sees and changes a plan. A plan lies in the post-2025 province containing its unit (a unit that no longer
 * exists lies in the province it became part of); a national plan (Resolution 20-NQ/TW, Decision 1318) lies in
 * none: every officer reads it, only national users change it. Otherwise a plan outside the caller's province
 * answers 404.
 */
export async function getPlanInScope(ctx: Ctx, id: number, mode: 'read' | 'manage'): Promise<PlanRow> {
  const user = requireUser(ctx);
  const plan = await findPlan(ctx.db, id);
  const p = scopeProvinceFilter(ctx);
  if (!plan || (p !== null && plan.province_id !== null && plan.province_id !== p))
    throw notFound('Không tìm thấy kế hoạch.');
  if (mode === 'manage' && plan.province_id === null && user.scope.type !== 'nation') {
    throw new AppError(
      403,
      'plan.national_read_only',
      'Kế hoạch, chương trình cấp quốc gia chỉ do người dùng cấp trung ương cập nhật.',
    );
  }
  return plan;
}

/** The province a plan for this unit lies in, checked against the caller's scope (null = the nation). */
export async function planProvince(ctx: Ctx, unitId: number | null): Promise<number | null> {
  const user = requireUser(ctx);
  if (unitId === null) {
    if (user.scope.type !== 'nation') throw notFound('Không tìm thấy đơn vị hành chính.');
    return null;
  }
  const u = await getUnitBasics(ctx.db, unitId);
  if (!u)
    throw invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
      { path: 'unitId', message: 'Không tồn tại.' },
    ]);
  const p = scopeProvinceFilter(ctx);
  if (p !== null && u.provinceId !== p) throw notFound('Không tìm thấy đơn vị hành chính.');
  return u.provinceId;
}
