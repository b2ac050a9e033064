import type { Kysely } from 'kysely';
import {
  BUILT_IN_INDICATORS,
  builtInIndicator,
  type IndicatorDef,
} from '../../../core/indicator/catalogue.js';
import { type IndicatorSpec, ZIndicatorSpec } from '../../../core/indicator/spec.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';
import { requireUser, scopeProvinceFilter } from '../auth/scope.js';

/** An indicator as the API returns it: built-in or defined by an officer. */
export interface IndicatorDto {
  key: string;
  builtIn: boolean;
  id: number | null;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  unit: string;
  spec: IndicatorSpec;
  provinceId: number | null;
  version: number | null;
}

type CustomRow = {
  id: number;
  key: string;
  name_vi: string;
  name_en: string;
  definition_vi: string;
  definition_en: string;
  unit: string;
  spec: unknown;
  province_id: number | null;
  version: number;
};

/** Maps a stored custom indicator to its DTO (the spec was validated when saved). */
export function customToDto(r: CustomRow): IndicatorDto {
  const spec = ZIndicatorSpec.parse(typeof r.spec === 'string' ? JSON.parse(r.spec) : r.spec);
  return {
    key: r.key,
    builtIn: false,
    id: r.id,
    name: { vi: r.name_vi, en: r.name_en },
    definition: { vi: r.definition_vi, en: r.definition_en },
    unit: r.unit,
    spec,
    provinceId: r.province_id,
    version: r.version,
  };
}

const builtInDto = (d: IndicatorDef): IndicatorDto => ({
  ...d,
  builtIn: true,
  id: null,
  provinceId: null,
  version: null,
});

/** The definition behind a key (built-in first, then an officer-defined one), or undefined. */
export async function findIndicatorDef(db: Kysely<DB>, key: string): Promise<IndicatorDto | undefined> {
  const b = builtInIndicator(key);
  if (b) return builtInDto(b);
  const r = await db.selectFrom('indicator_definition').selectAll().where('key', '=', key).executeTakeFirst();
  return r ? customToDto(r) : undefined;
}

/** Whether the caller may see a custom indicator: national ones and those of the caller's province. */
export function customVisible(ctx: Ctx, provinceId: number | null): boolean {
  const p = scopeProvinceFilter(ctx);
  return p === null || provinceId === null || provinceId === p;
}

/** A visible indicator by key, or 404. */
export async function getIndicatorInScope(ctx: Ctx, key: string): Promise<IndicatorDto> {
  requireUser(ctx);
  const d = await findIndicatorDef(ctx.db, key);
  if (!d || (!d.builtIn && !customVisible(ctx, d.provinceId))) throw notFound('Không tìm thấy chỉ số.');
  return d;
}

/** The catalogue: every built-in indicator and the custom ones the caller may see. */
export async function listIndicators(ctx: Ctx) {
  const p = scopeProvinceFilter(ctx);
  let q = ctx.db.selectFrom('indicator_definition').selectAll();
  if (p !== null) q = q.where((eb) => eb.or([eb('province_id', 'is', null), eb('province_id', '=', p)]));
  const custom = await q.orderBy('id').execute();
  return { items: [...BUILT_IN_INDICATORS.map(builtInDto), ...custom.map(customToDto)] };
}
