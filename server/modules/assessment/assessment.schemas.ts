/** Request schemas of the assessment API (Vietnamese messages; bodies reject unknown fields). */
import { z } from '@hono/zod-openapi';
import { SERVICE_TYPES } from '../../../core/assessment/labels.js';
import {
  BANDS,
  ITEM_LEVELS,
  NOT_CLASSIFIED_REASONS,
  RUBRIC_STATUSES,
} from '../../../core/assessment/types.js';
import { FIELDS, valuesOf } from '../../../core/registry/enums.js';
import { ZIsoDate } from '../../http/zod-common.js';

const ZId = z.coerce
  .number({ error: 'Mã định danh phải là số.' })
  .int('Mã định danh phải là số nguyên.')
  .positive()
  .max(2_147_483_647);
const ZYear = z.coerce
  .number({ error: 'Năm phải là số.' })
  .int('Năm phải là số nguyên.')
  .min(2000, 'Năm từ 2000.')
  .max(2100, 'Năm đến 2100.');
const ZPoints = (max = 999.99) =>
  z
    .number({ error: 'Điểm phải là số.' })
    .min(0, 'Điểm không được âm.')
    .max(max, `Điểm tối đa ${max}.`)
    .refine((x) => Math.abs(Math.round(x * 100) - x * 100) < 1e-6, 'Điểm chỉ có tối đa 2 chữ số thập phân.');
const ZText = (what: string, max = 2000) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .trim()
    .min(1, `Vui lòng nhập ${what}.`)
    .max(max, `${what} dài tối đa ${max} ký tự.`);
const ZMonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn phải có dạng MM-DD.');
const ZCode = z
  .string()
  .trim()
  .min(1, 'Mã tiêu chí không được trống.')
  .max(10, 'Mã tiêu chí tối đa 10 ký tự.');

/** An id in the path. */
export const ZIdParams = z.object({ id: ZId.openapi({ param: { name: 'id', in: 'path' } }) });
/** Organisation id and year in the path. */
export const ZOrgYearParams = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }),
  year: ZYear.openapi({ param: { name: 'year', in: 'path' } }),
});
/** A unit (any level, either era) and a year. */
export const ZUnitYearQuery = z.object({ unitId: ZId, year: ZYear });
/** An optional year filter. */
export const ZYearQuery = z.object({ year: ZYear.optional() });
/** An optional rubric status filter. */
export const ZRubricListQuery = z.object({ status: z.enum(RUBRIC_STATUSES).optional() });
/** The rubric of the import template (default TT 01/2020). */
export const ZTemplateQuery = z.object({ rubricVersionId: ZId.optional() });

const ZLevel = z.strictObject({
  min: z.number().nullable(),
  exclusive: z.boolean().optional(),
  points: z.number(),
});
const ZScoring = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('levels'),
    figure: z.string().min(1).max(60),
    levels: z.array(ZLevel).max(20),
  }),
  z.strictObject({ kind: z.literal('survey_average') }),
]);
/** One item of a rubric tree as the editor sends it. */
export const ZRubricItem = z.strictObject({
  code: ZCode,
  parentCode: ZCode.nullable(),
  level: z.enum(ITEM_LEVELS),
  label: z.string().trim().max(500),
  maxPoints: z.number().nullable(),
  order: z.number().int().min(0).max(10_000),
  note: z.string().trim().max(2000).nullable(),
  needsAppendix: z.boolean(),
  scoring: ZScoring.nullable(),
});
const ZLegal = z.strictObject({
  documentNumber: ZText('số hiệu văn bản', 100).optional(),
  issuer: ZText('cơ quan ban hành', 200).optional(),
  signedOn: ZIsoDate.nullable().optional(),
  effectiveFrom: ZIsoDate.nullable().optional(),
  expiresOn: ZIsoDate.nullable().optional(),
  repealedBy: z.string().trim().max(500).nullable().optional(),
  sourceNote: z.string().trim().max(2000).nullable().optional(),
});
const ZExclusion = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('founded_lt_months'),
    months: z.number().int(),
    legalRef: z.string().max(500),
  }),
  z.strictObject({
    kind: z.literal('stopped_gt_months'),
    months: z.number().int(),
    legalRef: z.string().max(500),
  }),
  z.strictObject({ kind: z.literal('credit_fund'), legalRef: z.string().max(500) }),
]);
/** A change to a rubric version (parts omitted stay). */
export const ZRubricUpdate = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'Mã bộ tiêu chí gồm chữ không dấu, số, dấu chấm, gạch.')
    .optional(),
  name: ZText('tên bộ tiêu chí', 300).optional(),
  legal: ZLegal.optional(),
  appliesTo: z
    .strictObject({
      kinds: z.array(z.enum(['HTX', 'LHHTX'])).max(2),
      fields: z.array(z.enum(valuesOf(FIELDS))).nullable(),
    })
    .optional(),
  maxTotal: z.number().optional(),
  bands: z
    .array(z.strictObject({ band: z.enum(BANDS), min: z.number() }))
    .max(4)
    .optional(),
  overrides: z
    .array(
      z.strictObject({ kind: z.literal('sanctioned'), band: z.enum(BANDS), legalRef: z.string().max(500) }),
    )
    .max(5)
    .optional(),
  exclusions: z.array(ZExclusion).max(10).optional(),
  deadlines: z
    .strictObject({
      self: ZMonthDay,
      commune: ZMonthDay,
      province: ZMonthDay,
      yearOffset: z.union([z.literal(0), z.literal(1)]),
      note: z.string().max(500).nullable(),
    })
    .optional(),
  items: z.array(ZRubricItem).max(300).optional(),
  version: z.number().int().positive(),
});
/** Optional code and name of a copy. */
export const ZRubricCopy = z.strictObject({
  code: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'Mã bộ tiêu chí gồm chữ không dấu, số, dấu chấm, gạch.')
    .optional(),
  name: ZText('tên bộ tiêu chí', 300).optional(),
});
/** An empty body. */
export const ZEmpty = z.strictObject({});

/** Opening a campaign. */
export const ZCampaignOpen = z.strictObject({
  provinceId: z.number().int().positive(),
  year: z.number().int().min(2000).max(2100),
  rubricVersionId: z.number().int().positive(),
  selfDeadline: ZIsoDate.optional(),
  communeDeadline: ZIsoDate.optional(),
  provinceDeadline: ZIsoDate.optional(),
});
/** New deadlines of a campaign. */
export const ZCampaignUpdate = z.strictObject({
  selfDeadline: ZIsoDate.optional(),
  communeDeadline: ZIsoDate.optional(),
  provinceDeadline: ZIsoDate.optional(),
  version: z.number().int().positive(),
});

const ZScoreIn = z.strictObject({
  code: ZCode,
  score: ZPoints().nullable(),
  note: z.string().trim().max(1000).nullable().optional(),
});
const ZApproval = z.strictObject({ name: ZText('họ tên', 200), approvedOn: ZIsoDate });
/** The cooperative's self-assessment. */
export const ZAssessmentSave = z.strictObject({
  scores: z.array(ZScoreIn).max(300).optional(),
  board: ZApproval.nullable().optional(),
  supervisor: ZApproval.nullable().optional(),
  survey: z
    .strictObject({
      validForms: z.number().int().min(1).max(1_000_000),
      scoreSum: z.number().min(0).max(9_999_999),
    })
    .nullable()
    .optional(),
  serviceType: z.enum(SERVICE_TYPES).nullable().optional(),
  version: z.number().int().positive().optional(),
});
/** A workflow step with an optional comment. */
export const ZTransition = z.strictObject({ comment: z.string().trim().max(4000).optional() });
/** Returning with a reason and comments per item. */
export const ZReturn = z.strictObject({
  comment: ZText('lý do trả lại', 4000),
  items: z
    .array(z.strictObject({ code: ZCode, comment: ZText('nhận xét cho tiêu chí', 2000) }))
    .max(300)
    .optional(),
});
/** Accepting, with optional officer scores. */
export const ZReview = z.strictObject({
  comment: z.string().trim().max(4000).optional(),
  officerScores: z.array(ZScoreIn).max(300).optional(),
});
/** Confirming, with optional officer scores and the sanction fact. */
export const ZConfirm = ZReview.extend({ sanctioned: z.boolean().nullable().optional() });
/** Reopening with a reason. */
export const ZReopen = z.strictObject({ comment: ZText('lý do mở lại', 4000) });
/** A past result entered by hand. */
export const ZRecord = z.strictObject({
  rubricVersionId: z.number().int().positive().nullable().optional(),
  total: ZPoints().nullable().optional(),
  band: z.enum(BANDS).nullable().optional(),
  notClassifiedReason: z.enum(NOT_CLASSIFIED_REASONS).nullable().optional(),
  scores: z
    .array(z.strictObject({ code: ZCode, score: ZPoints() }))
    .max(300)
    .optional(),
});
/** Dry run (default) or commit of an uploaded file. */
export const ZImport = z.strictObject({
  attachmentId: z.number().int().positive(),
  commit: z.boolean().default(false),
});
