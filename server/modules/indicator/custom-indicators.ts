import { randomBytes } from 'node:crypto';
import { builtInIndicator } from '../../../core/indicator/catalogue.js';
import { type IndicatorSpec, specProblems, ZIndicatorSpec } from '../../../core/indicator/spec.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { requireUser } from '../auth/scope.js';
import { evaluateSpec } from './evaluate-indicator.js';
import { customToDto, customVisible, type IndicatorDto } from './indicator-defs.js';
import { drillDown, territoryDto, territoryInScope } from './indicator-value.js';

/** An officer-defined indicator: names, definitions, unit and the filter + measure spec. */
export interface CustomIndicatorInput {
  key?: string;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: string;
  spec: IndicatorSpec;
  /** The province it belongs to; null = national (national users only). Defaults to the caller's province. */
  provinceId?: number | null;
}

/** Validates a spec beyond its shape: combinations the evaluator cannot compute answer 400 with the reasons. */
export function validateSpec(spec: unknown): IndicatorSpec {
  const parsed = ZIndicatorSpec.safeParse(spec);
  if (!parsed.success) {
    throw invalid(
      'indicator.spec_invalid',
      'Định nghĩa chỉ số không hợp lệ.',
      parsed.error.issues.map((i) => ({ path: `spec.${i.path.join('.')}`, message: i.message })),
    );
  }
  const problems = specProblems(parsed.data);
  if (problems.length > 0)
    throw invalid(
      'indicator.spec_invalid',
      `Định nghĩa chỉ số không hợp lệ: ${problems.join(' ')}`,
      problems.map((message) => ({ path: 'spec', message })),
    );
  if (parsed.data.source === 'manual')
    throw invalid(
      'indicator.spec_invalid',
      'Chỉ số tự định nghĩa phải tính từ cơ sở dữ liệu; số liệu nhập tay dùng các chỉ số nhập tay có sẵn.',
      [{ path: 'spec.source', message: 'Không dùng "manual".' }],
    );
  return parsed.data;
}

/** The province a new indicator belongs to: the caller's own, or any (or none) for a national user. */
function owningProvince(ctx: Ctx, requested: number | null | undefined): number | null {
  const user = requireUser(ctx);
  if (user.scope.type === 'nation') return requested ?? null;
  if (requested !== undefined && requested !== user.scope.provinceId)
    throw notFound('Không tìm thấy đơn vị hành chính.');
  return user.scope.provinceId;
}

const row = (i: CustomIndicatorInput) => ({
  name_vi: i.name.vi,
  name_en: i.name.en,
  definition_vi: i.definition.vi,
  definition_en: i.definition.en,
  unit: i.unit,
  spec: JSON.stringify(i.spec),
});

/** Creates an officer-defined indicator; one audit row. */
export async function createCustomIndicator(ctx: Ctx, input: CustomIndicatorInput): Promise<IndicatorDto> {
  const user = requireUser(ctx);
  const spec = validateSpec(input.spec);
  const provinceId = owningProvince(ctx, input.provinceId);
  const key = input.key ?? `custom_${randomBytes(5).toString('hex')}`;
  if (builtInIndicator(key)) throw conflict('indicator.key_taken', 'Mã chỉ số trùng với một chỉ số có sẵn.');
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const r = await trx
        .insertInto('indicator_definition')
        .values({ key, ...row({ ...input, spec }), province_id: provinceId, created_by: user.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      const dto = customToDto(r);
      await recordAudit(trx, ctx, {
        action: 'indicator.define',
        entityType: 'indicator_definition',
        entityId: r.id,
        after: dto,
        provinceId,
      });
      return dto;
    });
  } catch (e) {
    if ((e as { code?: string })?.code === '23505')
      throw conflict('indicator.key_taken', 'Mã chỉ số đã được dùng.');
    throw e;
  }
}

async function getEditable(ctx: Ctx, id: number) {
  const r = await ctx.db
    .selectFrom('indicator_definition')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const user = requireUser(ctx);
  if (!r || !customVisible(ctx, r.province_id)) throw notFound('Không tìm thấy chỉ số.');
  // A national indicator is visible to provinces but only national users change it.
  if (r.province_id === null && user.scope.type !== 'nation') throw notFound('Không tìm thấy chỉ số.');
  return r;
}

/** Changes an officer-defined indicator (optimistic version); one audit row. */
export async function updateCustomIndicator(
  ctx: Ctx,
  id: number,
  input: Omit<CustomIndicatorInput, 'key' | 'provinceId'> & { version: number },
) {
  const before = await getEditable(ctx, id);
  const spec = validateSpec(input.spec);
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('indicator_definition')
      .set({ ...row({ ...input, spec }), version: before.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!r) throw conflict('indicator.version', 'Chỉ số đã được người khác sửa; hãy tải lại trước khi lưu.');
    const dto = customToDto(r);
    await recordAudit(trx, ctx, {
      action: 'indicator.redefine',
      entityType: 'indicator_definition',
      entityId: id,
      before: customToDto(before),
      after: dto,
      provinceId: r.province_id,
    });
    return dto;
  });
}

/** Deletes an officer-defined indicator unless a plan target uses it; one audit row. */
export async function deleteCustomIndicator(ctx: Ctx, id: number) {
  const before = await getEditable(ctx, id);
  const used = await ctx.db
    .selectFrom('plan_target')
    .select('id')
    .where('indicator_key', '=', before.key)
    .limit(1)
    .executeTakeFirst();
  if (used)
    throw conflict(
      'indicator.in_use',
      'Chỉ số đang được dùng cho chỉ tiêu của một kế hoạch, không xóa được.',
    );
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('indicator_definition').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'indicator.undefine',
      entityType: 'indicator_definition',
      entityId: id,
      before: customToDto(before),
      provinceId: before.province_id,
    });
  });
  return { deleted: true };
}

/** Validates a spec and shows its value over a unit at a date with the first organisations it counts. */
export async function previewIndicator(
  ctx: Ctx,
  input: { spec: unknown; unitId?: number | null; date?: string },
) {
  const spec = validateSpec(input.spec);
  const t = await territoryInScope(ctx, input.unitId ?? null);
  const date = input.date ?? todayInVietnam();
  const y = Number(date.slice(0, 4));
  const evaluation = await evaluateSpec(ctx.db, spec, t, { date, seriesFrom: y - 5, seriesTo: y });
  const def: IndicatorDto = {
    key: 'preview',
    builtIn: false,
    id: null,
    name: { vi: '', en: '' },
    definition: { vi: '', en: '' },
    unit: '',
    spec,
    provinceId: null,
    version: null,
  };
  const organisations = await drillDown(ctx, def, t, date, evaluation, {
    set: 'numerator',
    page: 1,
    pageSize: 10,
  });
  return { spec, territory: territoryDto(t), date, evaluation, organisations };
}
