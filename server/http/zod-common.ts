import { z } from '@hono/zod-openapi';

/** A calendar date 'YYYY-MM-DD' that exists. */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại.');

/** A positive integer id in a path. */
export const ZIdParam = z.object({
  id: z.coerce
    .number()
    .int('Mã định danh phải là số nguyên.')
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** Page and page size, 1-based, at most 200 rows. */
export const ZPaging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
