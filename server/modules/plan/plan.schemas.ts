import { z } from '@hono/zod-openapi';
import { COMPARATOR_VALUES } from '../../../core/plan/comparators.js';
import { ZIsoDate, ZPaging } from '../../http/zod-common.js';

/** Request and response schemas of the plan routes. */

const ZInt = z.number().int().positive().max(2_147_483_647);
const ZPathId = (name: string) =>
  z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name, in: 'path' } });
const ZYear = z.number().int().min(1990).max(2100);
const ZText = (max: number) => z.string().trim().min(1).max(max);
const ZOptText = (max: number) => z.string().trim().max(max).nullable().optional();

export const ZTargetParams = z.object({ id: ZPathId('id'), targetId: ZPathId('targetId') });
export const ZTaskParams = z.object({ id: ZPathId('id'), taskId: ZPathId('taskId') });
export const ZDateQuery = z.object({ date: ZIsoDate.optional() });
/** A unit inside the plan's territory (the whole territory when absent), checked by resolvePlanUnit. */
const ZPlanUnitId = z.coerce
  .number()
  .int()
  .positive()
  .max(2_147_483_647)
  .optional()
  .openapi({ description: 'Đơn vị thuộc địa bàn kế hoạch (hiện nay hoặc trước 1/7/2025)' });
/** The plan page, its exports and a target's evaluation: the date and the unit. */
export const ZPlanPageQuery = ZDateQuery.extend({ unitId: ZPlanUnitId });
export const ZListQuery = z.object({
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(['draft', 'in_force', 'expired', 'superseded']).optional(),
  kind: z.enum(['ke_hoach', 'chuong_trinh_hanh_dong', 'de_an', 'nghi_quyet', 'quyet_dinh']).optional(),
  ...ZPaging,
});
export const ZOverviewQuery = z.object({
  provinceId: z.coerce.number().int().positive().max(2_147_483_647),
  date: ZIsoDate.optional(),
});
export const ZDrillQuery = z.object({
  date: ZIsoDate.optional(),
  unitId: ZPlanUnitId,
  set: z.enum(['numerator', 'denominator']).default('numerator'),
  ...ZPaging,
});

const planFields = {
  number: ZOptText(100),
  kind: z.enum(['ke_hoach', 'chuong_trinh_hanh_dong', 'de_an', 'nghi_quyet', 'quyet_dinh']),
  title: ZText(1000),
  issuer: ZText(300),
  signer: ZOptText(200),
  issuedOn: ZIsoDate.nullable().optional(),
  unitId: ZInt.nullable(),
  startYear: ZYear,
  endYear: ZYear,
  legalBases: z.array(ZText(1000)).max(30).optional(),
  status: z.enum(['draft', 'in_force', 'expired', 'superseded']).optional(),
  summary: ZOptText(5000),
};
export const ZPlanCreate = z.strictObject(planFields);
export const ZPlanUpdate = ZPlanCreate.partial().extend({ version: ZInt });

const ZAmount = z.number().finite().min(-1e15).max(1e15);
export const ZTargetInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9Đđ]{1,10}(-[A-Za-z0-9]{1,10}){0,2}$/, 'Mã chỉ tiêu dạng "HP-02".'),
  part: z.string().trim().max(10).optional(),
  parentId: ZInt.nullable().optional(),
  relation: z.enum(['of_which', 'allocated']).nullable().optional(),
  objective: ZOptText(300),
  indicatorKey: z.string().min(3).max(60),
  unit: ZText(50),
  comparator: z.enum(COMPARATOR_VALUES),
  value: ZAmount,
  valueMax: ZAmount.nullable().optional(),
  tolerance: z.number().gt(0).lt(1).nullable().optional(),
  targetYear: ZYear,
  recurring: z.boolean().optional(),
  periodStart: ZIsoDate.nullable().optional(),
  baselineValue: ZAmount.nullable().optional(),
  baselineDate: ZIsoDate.nullable().optional(),
  wording: ZText(3000),
  note: ZOptText(2000),
  allocationLevel: z.number().int().min(2).max(3).nullable().optional(),
  partition: z.boolean().optional(),
  sort: z.number().int().min(0).max(100_000).optional(),
});
const taskFields = {
  agency: ZText(300),
  task: ZText(3000),
  dueOn: ZIsoDate.nullable().optional(),
  recurrence: z.enum(['semiannual', 'annual']).nullable().optional(),
  deadlineMd: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'Hạn dạng MM-DD.')
    .nullable()
    .optional(),
  status: z.enum(['open', 'in_progress', 'done']).optional(),
  note: ZOptText(2000),
  sort: z.number().int().min(0).max(100_000).optional(),
};
export const ZTaskCreate = z.strictObject(taskFields);
export const ZTaskUpdate = z.strictObject({
  ...taskFields,
  agency: taskFields.agency.optional(),
  task: taskFields.task.optional(),
});

export const ZPlan = z
  .object({
    id: z.number(),
    code: z.string().nullable(),
    number: z.string().nullable(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    issuer: z.string(),
    signer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    unitId: z.number().nullable(),
    unitLabel: z.string(),
    provinceId: z.number().nullable(),
    startYear: z.number(),
    endYear: z.number(),
    legalBases: z.array(z.string()),
    status: z.string(),
    statusLabel: z.string(),
    summary: z.string().nullable(),
    version: z.number(),
  })
  .openapi('Plan');
export const ZTask = z
  .object({
    id: z.number(),
    agency: z.string(),
    task: z.string(),
    dueOn: z.string().nullable(),
    recurrence: z.string().nullable(),
    deadlineMd: z.string().nullable(),
    status: z.string(),
    note: z.string().nullable(),
    sort: z.number(),
  })
  .openapi('PlanTask');
/** Target pages carry nested evaluations; documented loosely to keep the snapshot readable. */
export const ZLoose = z.record(z.string(), z.any());
