import { z } from '@hono/zod-openapi';
import {
  AGRI_SUBTYPES,
  FIELDS,
  LEGAL_STATUSES,
  NEW_MODELS,
  ORGANISATION_KINDS,
  valuesOf,
} from '../../../core/registry/enums.js';
import { IMPORT_KINDS } from './columns.js';

const ZIssue = z
  .object({ row: z.number(), column: z.string(), header: z.string().nullable(), message: z.string() })
  .openapi('ImportIssue');
const ZTotals = z
  .object({
    rows: z.number(),
    valid: z.number(),
    invalid: z.number(),
    insert: z.number(),
    update: z.number(),
    unchanged: z.number(),
  })
  .openapi('ImportTotals');
const ZDuplicate = z
  .object({
    reason: z.enum(['same_name', 'same_representative']),
    value: z.string(),
    communeId: z.number(),
    communeName: z.string(),
    provinceName: z.string().optional(),
    rows: z.array(z.number()),
    regCodes: z.array(z.string()),
    existing: z.array(z.object({ id: z.number(), regCode: z.string(), name: z.string() })),
  })
  .openapi('ImportPossibleDuplicate');
const ZSheet = z.object({ name: z.string(), headerRow: z.number(), ignoredColumns: z.array(z.string()) });

/** The import kinds as a path or form parameter. */
export const ZImportKind = z.enum(IMPORT_KINDS, {
  message: 'Loại dữ liệu nhập phải là organisations, annual_reports hoặc members.',
});

/** Answer of a dry run. */
export const ZDryRun = z
  .object({
    jobId: z.number(),
    kind: ZImportKind,
    fileName: z.string(),
    status: z.literal('dry_run'),
    sheet: ZSheet,
    totals: ZTotals,
    errorCount: z.number(),
    errors: z.array(ZIssue),
    warnings: z.array(ZIssue),
    possibleDuplicates: z.array(ZDuplicate),
  })
  .openapi('ImportDryRun');

const ZCommitPart = z.object({
  mode: z.string(),
  totals: ZTotals,
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
});

/** An import job as listed. */
export const ZImportJob = z
  .object({
    id: z.number(),
    kind: ZImportKind,
    fileName: z.string(),
    sha256: z.string(),
    status: z.string(),
    mode: z.string().nullable(),
    createdBy: z.number().nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    sheet: ZSheet,
    totals: ZTotals,
    errorCount: z.number(),
    errors: z.array(ZIssue),
    warnings: z.array(ZIssue),
    possibleDuplicates: z.array(ZDuplicate),
    commit: ZCommitPart.nullable(),
  })
  .openapi('ImportJob');

/** Body of a commit. */
export const ZCommitBody = z.strictObject({
  mode: z.enum(['all', 'valid_only'], {
    message: 'Chế độ ghi phải là "all" (cả tệp) hoặc "valid_only" (chỉ các dòng hợp lệ).',
  }),
});

/** Answer of a commit. */
export const ZCommitResult = ZCommitPart.extend({
  jobId: z.number(),
  status: z.literal('committed'),
}).openapi('ImportCommit');

const optionalEnum = <T extends string>(values: [T, ...T[]]) => z.enum(values).optional();

/** The organisation-list filters accepted by the exports. */
export const ZOrgFilters = {
  q: z.string().trim().max(100).optional(),
  kind: optionalEnum(valuesOf(ORGANISATION_KINDS)),
  legalStatus: optionalEnum(valuesOf(LEGAL_STATUSES)),
  field: optionalEnum(valuesOf(FIELDS)),
  agriSubtype: optionalEnum(valuesOf(AGRI_SUBTYPES)),
  newModel: optionalEnum(valuesOf(NEW_MODELS)),
  paperOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  unitId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
};

/** The .xlsx response of templates and exports. */
export const xlsxResponse = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
});
