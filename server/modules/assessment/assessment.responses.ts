/** Response schemas of the assessment API (the contract the web pages are built on). */
import { z } from '@hono/zod-openapi';

const n = z.number().nullable();
const s = z.string().nullable();

const ZIssue = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  itemCode: z.string().optional(),
});
/** A rubric version as lists show it. */
export const ZRubricSummary = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    status: z.string(),
    shipped: z.boolean(),
    inUse: z.boolean(),
    ownerProvinceId: n,
    derivedFromId: n,
    version: z.number(),
    maxTotal: z.number(),
    valid: z.boolean(),
    complete: z.boolean(),
    activatedAt: s,
    legal: z.object({
      documentNumber: z.string(),
      issuer: z.string(),
      signedOn: s,
      effectiveFrom: s,
      expiresOn: s,
      repealedBy: s,
      sourceNote: s,
    }),
    appliesTo: z.object({ kinds: z.array(z.string()), fields: z.array(z.string()).nullable() }),
  })
  .openapi('RubricSummary');
/** A rubric version with its tree, rules, thresholds and validation. */
export const ZRubricDetail = ZRubricSummary.extend({
  bands: z.array(z.object({ band: z.string(), min: z.number() })),
  overrides: z.array(z.unknown()),
  exclusions: z.array(z.unknown()),
  deadlines: z.unknown(),
  items: z.array(
    z.object({
      code: z.string(),
      parentCode: s,
      level: z.string(),
      label: z.string(),
      maxPoints: n,
      order: z.number(),
      note: s,
      needsAppendix: z.boolean(),
      needsAppendixText: s,
      scoring: z.unknown(),
      depth: z.number(),
      isLeaf: z.boolean(),
      effectiveMax: z.number(),
    }),
  ),
  validation: z.object({
    valid: z.boolean(),
    complete: z.boolean(),
    errors: z.array(ZIssue),
    warnings: z.array(ZIssue),
  }),
}).openapi('RubricDetail');

/** A yearly campaign of a province. */
export const ZCampaign = z
  .object({
    id: z.number(),
    provinceId: z.number(),
    provinceName: z.string(),
    year: z.number(),
    rubricVersionId: z.number(),
    rubricCode: z.string(),
    rubricName: z.string(),
    selfDeadline: z.string(),
    communeDeadline: z.string(),
    provinceDeadline: z.string(),
    status: z.string(),
    version: z.number(),
    closedAt: s,
    createdAt: z.string(),
  })
  .openapi('AssessmentCampaign');

const ZClassification = z.object({
  memberScale: s,
  capitalScale: s,
  sizeClass: s,
  serviceType: s,
  field: s,
  membersBasis: n,
  capitalBasis: s,
  revenueBasis: s,
});
/** One assessment of an organisation and year. */
export const ZAssessment = z
  .object({
    id: n,
    year: z.number(),
    status: z.string(),
    statusLabel: z.string(),
    imported: z.boolean(),
    version: z.number(),
    organisation: z.object({
      id: z.number(),
      kind: z.string(),
      name: z.string(),
      regCode: z.string(),
      address: s,
      phone: s,
      email: s,
      communeName: z.string(),
      provinceName: z.string(),
      field: s,
      paperOnly: z.boolean(),
    }),
    /** Who enters the self-scores: coop_account = the cooperative itself, officers only read them. */
    selfScoring: z.enum(['own_account', 'paper_only', 'no_account', 'coop_account']),
    rubric: z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      documentNumber: z.string(),
      maxTotal: z.number(),
      bands: z.array(z.object({ band: z.string(), min: z.number() })),
      usesSurvey: z.boolean(),
    }),
    campaign: z
      .object({
        id: z.number(),
        selfDeadline: z.string(),
        communeDeadline: z.string(),
        provinceDeadline: z.string(),
        status: z.string(),
      })
      .nullable(),
    notClassifiedReason: s,
    notClassifiedLabel: s,
    selfTotal: n,
    officerTotal: n,
    finalTotal: n,
    band: s,
    bandLabel: s,
    overrideApplied: s,
    sanctioned: z.boolean().nullable(),
    board: z.object({ name: s, approvedOn: s }),
    supervisor: z.object({ name: s, approvedOn: s }),
    survey: z.object({ validForms: n, scoreSum: n }),
    serviceType: s,
    reviewComment: s,
    submittedAt: s,
    reviewedAt: s,
    confirmedAt: s,
    publishedAt: s,
    items: z.array(
      z.object({
        code: z.string(),
        parentCode: s,
        level: z.string(),
        label: z.string(),
        depth: z.number(),
        isLeaf: z.boolean(),
        note: s,
        maxPoints: n,
        effectiveMax: z.number(),
        needsAppendix: z.boolean(),
        needsAppendixText: s,
        selfScore: n,
        selfNote: s,
        officerScore: n,
        officerNote: s,
        returnComment: s,
        suggested: n,
        scoringKind: z.enum(['levels', 'survey_average']).nullable(),
        differs: z.boolean(),
      }),
    ),
    issues: z.array(ZIssue),
    classification: ZClassification,
    allowedActions: z.array(z.string()),
  })
  .openapi('Assessment');

/** An organisation's results over the years. */
export const ZHistory = z
  .object({
    items: z.array(
      z.object({
        year: z.number(),
        status: z.string(),
        imported: z.boolean(),
        rubricCode: z.string(),
        maxTotal: z.number(),
        selfTotal: n,
        total: n,
        band: s,
        bandLabel: s,
        notClassifiedReason: s,
        notClassifiedLabel: s,
      }),
    ),
  })
  .openapi('AssessmentHistory');

const ZUnit = z.object({ id: z.number(), name: z.string(), era: z.string(), level: z.number() });
const ZTally = z.object({
  organisations: z.number(),
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  overdue: z.number(),
  notSubmitted: z.number(),
  returned: z.number(),
  awaitingReview: z.number(),
  reviewed: z.number(),
  confirmed: z.number(),
  excluded: z.number(),
  noCampaign: z.number(),
  completenessPct: n,
  timelinessPct: n,
});
/** The status board of a unit and year. */
export const ZBoard = z
  .object({
    unit: ZUnit,
    year: z.number(),
    approximate: z.boolean(),
    totals: ZTally,
    communes: z.array(ZTally.extend({ communeId: z.number(), communeName: z.string() })),
    items: z.array(
      z.object({
        organisationId: z.number(),
        name: z.string(),
        regCode: z.string(),
        communeId: z.number(),
        communeName: z.string(),
        state: z.string(),
        stateLabel: z.string(),
        notClassifiedReason: s,
        notClassifiedLabel: s,
        selfDeadline: s,
        submittedAt: s,
        onTime: z.boolean().nullable(),
        overdue: z.boolean(),
        reviewedOnTime: z.boolean().nullable(),
        confirmedOnTime: z.boolean().nullable(),
      }),
    ),
  })
  .openapi('AssessmentBoard');

/** The report of a unit and year. */
export const ZUnitReport = z
  .object({
    unit: ZUnit,
    approximate: z.boolean(),
    year: z.number(),
    assessed: z.number(),
    classified: z.number(),
    inProgress: z.number(),
    bands: z.array(z.object({ band: z.string(), label: z.string(), count: z.number(), sharePct: n })),
    shareGoodOrFairPct: n,
    notClassified: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number() })),
    notClassifiedTotal: z.number(),
    movement: z.object({
      keys: z.array(z.string()),
      matrix: z.record(z.string(), z.record(z.string(), z.number())),
      improved: z.number(),
      same: z.number(),
      declined: z.number(),
    }),
    list: z.array(
      z.object({
        organisationId: z.number(),
        name: z.string(),
        regCode: z.string(),
        communeName: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        imported: z.boolean(),
        rubricCode: z.string(),
        selfTotal: n,
        total: n,
        band: s,
        bandLabel: s,
        previousBand: s,
        notClassifiedReason: s,
        notClassifiedLabel: s,
      }),
    ),
  })
  .openapi('AssessmentUnitReport');

/** The outcome of a dry run or a commit of the import. */
export const ZImportResult = z
  .object({
    committed: z.boolean(),
    fileName: z.string(),
    sheetName: z.string(),
    ignoredColumns: z.array(z.string()),
    totalRows: z.number(),
    acceptedRows: z.number(),
    rejectedRows: z.number(),
    inserts: z.number(),
    updates: z.number(),
    rejected: z.array(
      z.object({
        row: z.number(),
        regCode: s,
        year: n,
        errors: z.array(z.object({ path: z.string(), message: z.string() })),
      }),
    ),
    accepted: z.array(
      z.object({
        row: z.number(),
        organisationId: z.number(),
        regCode: z.string(),
        name: z.string(),
        year: z.number(),
        rubricCode: z.string(),
        total: n,
        band: s,
        notClassifiedReason: s,
        update: z.boolean(),
      }),
    ),
  })
  .openapi('AssessmentImportResult');

/** A binary download. */
export function fileResponse(mime: string, description: string) {
  return { description, content: { [mime]: { schema: z.string().openapi({ format: 'binary' }) } } };
}
