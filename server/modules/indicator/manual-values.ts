import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertProvinceScope, requireUser, scopeProvinceFilter } from '../auth/scope.js';
import { getIndicatorInScope } from './indicator-defs.js';

/** A manual figure: indicator, unit (null = the nation), year, value and its source. */
export interface ManualValueInput {
  indicatorKey: string;
  unitId: number | null;
  year: number;
  value: number;
  source: string;
  note?: string | null;
}

type Row = {
  id: number;
  indicator_key: string;
  unit_id: number | null;
  province_id: number | null;
  year: number;
  value: string;
  source: string;
  note: string | null;
  version: number;
  updated_at: Date | string;
};
const toDto = (r: Row) => ({
  id: r.id,
  indicatorKey: r.indicator_key,
  unitId: r.unit_id,
  provinceId: r.province_id,
  year: r.year,
  value: Number(r.value),
  source: r.source,
  note: r.note,
  version: r.version,
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** The province of a unit the caller may enter figures for: national users alone enter the nation's. */
async function provinceOfUnit(ctx: Ctx, unitId: number | null): Promise<number | null> {
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
  assertProvinceScope(ctx, { provinceId: u.provinceId });
  return u.provinceId;
}

async function assertManualIndicator(ctx: Ctx, key: string) {
  const d = await getIndicatorInScope(ctx, key);
  if (d.spec.source !== 'manual') {
    throw invalid('indicator.not_manual', 'Chỉ số này được tính từ cơ sở dữ liệu, không nhập tay.', [
      { path: 'indicatorKey', message: 'Không phải chỉ số nhập tay.' },
    ]);
  }
}

/** Manual figures the caller may see: the nation's and those of its province. */
export async function listManualValues(ctx: Ctx, q: { indicatorKey?: string; unitId?: number }) {
  const p = scopeProvinceFilter(ctx);
  let s = ctx.db.selectFrom('indicator_manual_value').selectAll();
  if (p !== null) s = s.where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', '=', p)]));
  if (q.indicatorKey) s = s.where('indicator_key', '=', q.indicatorKey);
  if (q.unitId !== undefined) s = s.where('unit_id', '=', q.unitId);
  const rows = await s.orderBy('indicator_key').orderBy('year').orderBy('id').limit(1000).execute();
  return { items: rows.map(toDto) };
}

const isDuplicate = (e: unknown) => (e as { code?: string })?.code === '23505';
const duplicate = () =>
  conflict(
    'indicator.manual_duplicate',
    'Đã có số liệu của chỉ số này cho đơn vị và năm này; hãy sửa số liệu đã có.',
  );

/** Enters a figure with its source; one audit row. */
export async function createManualValue(ctx: Ctx, input: ManualValueInput) {
  const user = requireUser(ctx);
  await assertManualIndicator(ctx, input.indicatorKey);
  const provinceId = await provinceOfUnit(ctx, input.unitId);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('indicator_manual_value')
        .values({
          indicator_key: input.indicatorKey,
          unit_id: input.unitId,
          province_id: provinceId,
          year: input.year,
          value: String(input.value),
          source: input.source,
          note: input.note ?? null,
          entered_by: user.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'indicator.manual_create',
        entityType: 'indicator_manual_value',
        entityId: r.id,
        after: toDto(r),
        provinceId,
      });
      return toDto(r);
    });
  } catch (e) {
    if (isDuplicate(e)) throw duplicate();
    throw e;
  }
}

async function getInScope(ctx: Ctx, id: number) {
  const r = await ctx.db
    .selectFrom('indicator_manual_value')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('Không tìm thấy số liệu.');
  await provinceOfUnit(ctx, r.unit_id);
  return r;
}

/** Corrects a figure (optimistic version); one audit row. */
export async function updateManualValue(
  ctx: Ctx,
  id: number,
  input: { value?: number; source?: string; note?: string | null; year?: number; version: number },
) {
  const before = await getInScope(ctx, id);
  if (before.version !== input.version)
    throw conflict('indicator.manual_version', 'Số liệu đã được người khác sửa; hãy tải lại trước khi lưu.');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('indicator_manual_value')
        .set({
          ...(input.value !== undefined ? { value: String(input.value) } : {}),
          ...(input.source !== undefined ? { source: input.source } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          ...(input.year !== undefined ? { year: input.year } : {}),
          version: before.version + 1,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .returningAll()
        .executeTakeFirst();
      if (!r)
        throw conflict(
          'indicator.manual_version',
          'Số liệu đã được người khác sửa; hãy tải lại trước khi lưu.',
        );
      await recordAudit(trx, ctx, {
        action: 'indicator.manual_update',
        entityType: 'indicator_manual_value',
        entityId: id,
        before: toDto(before),
        after: toDto(r),
        provinceId: r.province_id,
      });
      return toDto(r);
    });
  } catch (e) {
    if (isDuplicate(e)) throw duplicate();
    throw e;
  }
}

/** Deletes a figure; one audit row. */
export async function deleteManualValue(ctx: Ctx, id: number) {
  const before = await getInScope(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('indicator_manual_value').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'indicator.manual_delete',
      entityType: 'indicator_manual_value',
      entityId: id,
      before: toDto(before),
      provinceId: before.province_id,
    });
  });
  return { deleted: true };
}
