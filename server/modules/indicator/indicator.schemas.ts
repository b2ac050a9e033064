import { z } from '@hono/zod-openapi';
import { ZIsoDate, ZPaging } from '../../http/zod-common.js';

/** Request and response schemas of the indicator routes. */

const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZId = z.coerce.number().int().positive().max(2_147_483_647);

export const ZKeyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{2,59}$/, 'Mã chỉ số không hợp lệ.')
    .openapi({ param: { name: 'key', in: 'path' } }),
});

export const ZValueQuery = z.object({
  unitId: ZId.optional(),
  date: ZIsoDate.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

export const ZDrillQuery = z.object({
  unitId: ZId.optional(),
  date: ZIsoDate.optional(),
  set: z.enum(['numerator', 'denominator']).default('numerator'),
  ...ZPaging,
});

export const ZIndicator = z
  .object({
    key: z.string(),
    builtIn: z.boolean(),
    id: z.number().nullable(),
    name: z.object({ vi: z.string(), en: z.string() }),
    definition: z.object({ vi: z.string(), en: z.string() }),
    unit: z.string(),
    spec: z.any(),
    provinceId: z.number().nullable(),
    version: z.number().nullable(),
  })
  .openapi('Indicator');

export const ZEvaluation = z
  .object({
    value: z.number().nullable(),
    figuresYear: z.number().nullable(),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    coverage: z.object({ covered: z.number(), existing: z.number() }).nullable(),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    source: z.string().nullable(),
    series: z.array(z.object({ year: z.number(), value: z.number().nullable() })),
  })
  .openapi('IndicatorEvaluation');

export const ZTerritory = z
  .object({
    unitId: z.number().nullable(),
    label: z.string(),
    era: z.string().nullable(),
    approximate: z.boolean(),
    explanation: z.string().nullable(),
  })
  .openapi('Territory');

export const ZCountedPage = z
  .object({
    items: z.array(
      z.object({
        id: z.number(),
        name: z.string(),
        regCode: z.string(),
        kind: z.string(),
        field: z.string().nullable(),
        legalStatus: z.string(),
        communeName: z.string(),
      }),
    ),
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    figuresYear: z.number().nullable(),
    set: z.string(),
    note: z.string().nullable(),
  })
  .openapi('CountedOrganisations');

export const ZManualValue = z
  .object({
    id: z.number(),
    indicatorKey: z.string(),
    unitId: z.number().nullable(),
    provinceId: z.number().nullable(),
    year: z.number(),
    value: z.number(),
    source: z.string(),
    note: z.string().nullable(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('ManualValue');

const ZYear = z.number().int().min(1990).max(2100);
const ZAmount = z.number().finite().min(-1e15).max(1e15);

export const ZManualCreate = z.strictObject({
  indicatorKey: z.string().min(3).max(60),
  unitId: z.number().int().positive().max(2_147_483_647).nullable(),
  year: ZYear,
  value: ZAmount,
  source: ZText(500),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const ZManualUpdate = z.strictObject({
  year: ZYear.optional(),
  value: ZAmount.optional(),
  source: ZText(500).optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  version: z.number().int().positive().max(2_147_483_647),
});
export const ZManualListQuery = z.object({
  indicatorKey: z.string().max(60).optional(),
  unitId: ZId.optional(),
});

const ZNames = z.strictObject({ vi: ZText(300), en: ZText(300) });
const ZDefinitions = z.strictObject({ vi: ZText(3000), en: ZText(3000) });
export const ZCustomCreate = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{2,59}$/, 'Mã chỉ số gồm chữ thường không dấu, số và dấu gạch dưới.')
    .optional(),
  name: ZNames,
  definition: ZDefinitions,
  unit: ZText(50),
  spec: z.any(),
  provinceId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
});
export const ZCustomUpdate = z.strictObject({
  name: ZNames,
  definition: ZDefinitions,
  unit: ZText(50),
  spec: z.any(),
  version: z.number().int().positive().max(2_147_483_647),
});
export const ZPreview = z.strictObject({
  spec: z.any(),
  unitId: z.number().int().positive().max(2_147_483_647).nullable().optional(),
  date: ZIsoDate.optional(),
});
