/** Request and response schemas of the yearly-report API, generated from the REPORT_FIELDS catalogue. */
import { z } from '@hono/zod-openapi';
import { REPORT_STATUSES, valuesOf } from '../../../core/registry/enums.js';
import { QUALITY_RULE_IDS } from '../../../core/registry/quality-rules.js';
import { REPORT_FIELDS, type ReportField } from '../../../core/registry/report-fields.js';
import { ZReportFigures } from '../../../core/registry/report-input.js';
import { REPORT_ACTIONS } from '../../../core/registry/report-workflow.js';
import { ZPaging } from '../../http/zod-common.js';

const FIELD_KEYS = REPORT_FIELDS.map((f) => f.key) as [string, ...string[]];
const ZId = z.coerce
  .number({ error: 'Mã định danh phải là số.' })
  .int('Mã định danh phải là số nguyên.')
  .positive('Mã định danh phải là số dương.')
  .max(2_147_483_647);
const ZYear = z.coerce
  .number({ error: 'Năm phải là số.' })
  .int('Năm phải là số nguyên.')
  .min(1990, 'Năm báo cáo từ 1990.')
  .max(2100, 'Năm báo cáo đến 2100.');
const ZPeriod = z.enum(['year', 'h1'], {
  error: 'Kỳ báo cáo phải là year (cả năm) hoặc h1 (6 tháng đầu năm).',
});
const ZStatus = z.enum(valuesOf(REPORT_STATUSES), {
  error: 'Trạng thái phải là draft, submitted, returned hoặc approved.',
});
const ZText = (what: string, max = 4000) =>
  z
    .string({ error: `Vui lòng nhập ${what}.` })
    .trim()
    .min(1, `Vui lòng nhập ${what}.`)
    .max(max, `${what} dài tối đa ${max} ký tự.`);

export const ZOrgParams = z.object({ id: ZId.openapi({ param: { name: 'id', in: 'path' } }) });
export const ZOrgYearParams = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }),
  year: ZYear.openapi({ param: { name: 'year', in: 'path' } }),
});
export const ZReportParams = z.object({ reportId: ZId.openapi({ param: { name: 'reportId', in: 'path' } }) });
export const ZFlagParams = z.object({
  reportId: ZId.openapi({ param: { name: 'reportId', in: 'path' } }),
  flagId: ZId.openapi({ param: { name: 'flagId', in: 'path' } }),
});
export const ZPeriodQuery = z.object({ period: ZPeriod.default('year') });
export const ZQueueQuery = z.object({
  year: ZYear.optional(),
  period: ZPeriod.optional(),
  status: ZStatus.optional(),
  ...ZPaging,
});

export const ZSaveBody = z.strictObject({
  figures: ZReportFigures,
  version: z
    .number({ error: 'Phiên bản (version) phải là số.' })
    .int('Phiên bản phải là số nguyên dương.')
    .positive('Phiên bản phải là số nguyên dương.')
    .optional(),
});
export const ZSubmitBody = z.strictObject({
  comment: z.string().trim().max(4000, 'Nhận xét dài tối đa 4000 ký tự.').optional(),
});
export const ZApproveBody = ZSubmitBody;
export const ZReturnBody = z.strictObject({
  comment: ZText('lý do trả lại'),
  fieldComments: z
    .partialRecord(
      z.enum(FIELD_KEYS, { error: 'Chỉ tiêu không có trong danh mục báo cáo.' }),
      ZText('nhận xét cho chỉ tiêu', 2000),
    )
    .optional(),
});
export const ZReopenBody = z.strictObject({ reason: ZText('lý do mở lại') });
export const ZCommentBody = z.strictObject({
  body: ZText('nội dung trao đổi'),
  flagId: z
    .number({ error: 'Mã cảnh báo phải là số.' })
    .int('Mã cảnh báo phải là số nguyên dương.')
    .positive('Mã cảnh báo phải là số nguyên dương.')
    .optional(),
  field: z.enum(FIELD_KEYS, { error: 'Chỉ tiêu không có trong danh mục báo cáo.' }).optional(),
});
export const ZFlagBody = z.strictObject({
  status: z.enum(['open', 'explained', 'resolved'], {
    error: 'Trạng thái cảnh báo phải là open, explained hoặc resolved.',
  }),
  note: z.string().trim().max(2000, 'Ghi chú dài tối đa 2000 ký tự.').optional(),
});

function figureOut(f: ReportField) {
  if (f.type === 'bool') return z.boolean().nullable();
  if (f.type === 'date') return z.string().nullable();
  return z.number().nullable();
}
const ZFiguresOut = z
  .object(Object.fromEntries(REPORT_FIELDS.map((f) => [f.key, figureOut(f).openapi({ description: f.vi })])))
  .openapi('ReportFigures');

export const ZReportSummary = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    year: z.number(),
    period: ZPeriod,
    status: ZStatus,
    statusLabel: z.string(),
    membersOfficial: z.number().nullable(),
    membersTotal: z.number().nullable(),
    workerTotal: z.number().nullable(),
    revenueTotal: z.number().nullable(),
    profitBeforeTax: z.number().nullable(),
    charterCapital: z.number().nullable(),
    openFlagCount: z.number(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number(),
  })
  .openapi('ReportSummary');

export const ZComment = z
  .object({
    id: z.number(),
    kind: z.string(),
    field: z.string().nullable(),
    flagId: z.number().nullable(),
    body: z.string(),
    authorId: z.number().nullable(),
    authorName: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ReportComment');

export const ZFlag = z
  .object({
    id: z.number(),
    rule: z.enum(QUALITY_RULE_IDS),
    field: z.string().nullable(),
    message: z.string(),
    status: z.enum(['open', 'explained', 'resolved']),
    createdAt: z.string(),
  })
  .openapi('QualityFlag');

const ZWarning = z.object({ code: z.string(), field: z.string().nullable(), message: z.string() });

export const ZReportDetail = ZReportSummary.extend({
  organisationName: z.string(),
  organisationKind: z.string(),
  figures: ZFiguresOut,
  editable: z.boolean(),
  nextActions: z.array(z.enum(REPORT_ACTIONS)),
  missing: z.array(z.object({ keys: z.array(z.string()), message: z.string() })),
  warnings: z.array(ZWarning),
  flags: z.array(ZFlag),
  comments: z.array(ZComment),
}).openapi('ReportDetail');

export const ZQueueItem = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    organisationName: z.string(),
    organisationKind: z.string(),
    regCode: z.string(),
    communeId: z.number(),
    communeName: z.string(),
    year: z.number(),
    period: ZPeriod,
    status: ZStatus,
    statusLabel: z.string(),
    membersTotal: z.number().nullable(),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    openFlagCount: z.number(),
  })
  .openapi('ReportQueueItem');
