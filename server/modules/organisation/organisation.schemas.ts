import { z } from '@hono/zod-openapi';
import { BANDS } from '../../../core/assessment/types.js';
import {
  EVENT_KINDS,
  FIELDS,
  LEGAL_STATUSES,
  NEW_MODELS,
  ORGANISATION_KINDS,
  PRODUCT_KINDS,
  valuesOf,
} from '../../../core/registry/enums.js';
import { ZOrganisationChanges } from '../../../core/registry/organisation-changes.js';
import { ZIsoDate, ZPaging } from '../../http/zod-common.js';

const id = z.number().int().positive();
const nullableText = z.string().nullable();
const idParam = (name: string) =>
  z.coerce
    .number()
    .int('Mã định danh phải là số nguyên.')
    .positive()
    .max(2_147_483_647)
    .openapi({ param: { name, in: 'path' } });

/** An organisation's registration data with unit names. */
export const ZOrganisation = z
  .object({
    id: z.number(),
    kind: z.string(),
    kindLabel: z.string(),
    creditFund: z.boolean(),
    regCode: z.string(),
    name: z.string(),
    shortName: nullableText,
    communeId: z.number(),
    communeName: z.string(),
    provinceId: z.number(),
    provinceName: z.string(),
    pre2025CommuneId: z.number().nullable(),
    address: nullableText,
    phone: nullableText,
    email: nullableText,
    foundedOn: nullableText,
    registeredOn: nullableText,
    registeringAuthority: nullableText,
    charterCapital: z
      .string()
      .nullable()
      .openapi({ description: 'Vốn điều lệ (đồng), số nguyên dạng chuỗi' }),
    legalRepName: nullableText,
    legalRepTitle: nullableText,
    vsicCode: nullableText,
    field: nullableText,
    agriSubtype: nullableText,
    newModel: nullableText,
    governance: nullableText,
    legalStatus: z.string(),
    legalStatusLabel: z.string(),
    statusChangedOn: nullableText,
    endedOn: nullableText,
    paperOnly: z.boolean(),
    demo: z.boolean(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

/** One row of the organisation list. */
export const ZOrganisationItem = z
  .object({
    id: z.number(),
    kind: z.string(),
    regCode: z.string(),
    name: z.string(),
    shortName: nullableText,
    communeId: z.number(),
    communeName: z.string(),
    provinceId: z.number(),
    provinceName: z.string(),
    legalStatus: z.string(),
    field: nullableText,
    newModel: nullableText,
    foundedOn: nullableText,
    paperOnly: z.boolean(),
    demo: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
  })
  .openapi('OrganisationListItem');

/** A possible duplicate and why. */
export const ZDuplicate = z
  .object({
    id: z.number(),
    kind: z.string(),
    regCode: z.string(),
    name: z.string(),
    legalStatus: z.string(),
    communeName: z.string(),
    reasons: z.array(z.enum(['name', 'legal_rep'])),
  })
  .openapi('OrganisationDuplicate');

export const ZProduct = z
  .object({
    id: z.number(),
    kind: z.string(),
    name: z.string(),
    stars: z.number().nullable(),
    year: z.number().nullable(),
    note: nullableText,
  })
  .openapi('OrganisationProduct');

export const ZEvent = z
  .object({
    id: z.number(),
    kind: z.string(),
    occurredOn: z.string(),
    note: nullableText,
    detail: z.unknown(),
    createdByName: nullableText,
    createdAt: z.string(),
  })
  .openapi('OrganisationEvent');

const ZLink = z.object({
  id: z.number(),
  kind: z.string(),
  regCode: z.string(),
  name: z.string(),
  legalStatus: z.string(),
  communeName: z.string(),
  joinedOn: nullableText,
});

export const ZChangeRequest = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    status: z.string(),
    changes: z.record(z.string(), z.unknown()),
    baseVersion: z.number().nullable(),
    requestedBy: z.number(),
    requestedByName: z.string(),
    reviewerId: z.number().nullable(),
    reviewerName: nullableText,
    comment: nullableText,
    createdAt: z.string(),
    reviewedAt: nullableText,
  })
  .openapi('RegistrationChangeRequest');

export const ZProfile = z
  .object({
    organisation: ZOrganisation.extend({
      pre2025Commune: z.object({ id: z.number(), name: z.string(), districtName: nullableText }).nullable(),
    }),
    products: z.array(ZProduct),
    events: z.array(ZEvent),
    unionMembers: z.array(ZLink),
    unions: z.array(ZLink),
    openChangeRequests: z.number(),
    legalWarnings: z.array(z.object({ code: z.string(), message: z.string(), year: z.number() })),
  })
  .openapi('OrganisationProfile');

export const ZHistory = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorName: nullableText,
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      requestId: nullableText,
    }),
  ),
});

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Query of the organisation list. */
/** The orders of the organisation list (`relevance`: only with words to search for). */
export const ZSortKey = z.enum(['relevance', 'name', 'regCode', 'foundedOn', 'updatedAt']);

export const ZListQuery = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(valuesOf(ORGANISATION_KINDS)).optional(),
  legalStatus: z.enum(valuesOf(LEGAL_STATUSES)).optional(),
  field: z.enum(valuesOf(FIELDS)).optional(),
  newModel: z.enum(valuesOf(NEW_MODELS)).optional(),
  paperOnly: flag.optional(),
  unitId: z.coerce
    .number()
    .int()
    .positive()
    .max(2_147_483_647)
    .optional()
    .openapi({ description: 'Tỉnh/xã hiện hành, hoặc tỉnh/huyện/xã trước 1/7/2025' }),
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'Có báo cáo năm này' }),
  band: z
    .enum([...BANDS, 'none'])
    .optional()
    .openapi({
      description:
        'Xếp loại của năm đánh giá (tỉnh đã xác nhận hoặc công bố): tot, kha, trung_binh, yeu; none = chưa được xếp loại năm đó',
    }),
  bandYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({
    description: 'Năm đánh giá của bộ lọc xếp loại; mặc định năm đánh giá gần nhất trong phạm vi',
  }),
  sort: ZSortKey.optional(),
  order: z.enum(['asc', 'desc']).optional(),
  ...ZPaging,
  // The list offers 500 rows per page (rendered virtually) for officials who scroll rather than page.
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

/** Query of the duplicate check. */
export const ZDuplicatesQuery = z.object({
  name: z.string().max(300).optional(),
  communeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  legalRepName: z.string().max(200).optional(),
  excludeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
});

export const ZUpdateBody = z.strictObject({ changes: ZOrganisationChanges, version: id });

export const ZEventBody = z.strictObject({
  kind: z.enum(valuesOf(EVENT_KINDS)),
  occurredOn: ZIsoDate,
  note: z.string().trim().max(1000).nullable().optional(),
  communeId: id.nullable().optional(),
  relatedOrganisationId: id.nullable().optional(),
});

export const ZProductBody = z.strictObject({
  kind: z.enum(valuesOf(PRODUCT_KINDS)),
  name: z.string().trim().min(1, 'Vui lòng nhập tên sản phẩm.').max(300),
  stars: z
    .number()
    .int()
    .min(1, 'Số sao OCOP từ 1 đến 5.')
    .max(5, 'Số sao OCOP từ 1 đến 5.')
    .nullable()
    .optional(),
  year: z.number().int().min(1990).max(2100).nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});

export const ZUnionMemberBody = z.strictObject({ memberId: id, joinedOn: ZIsoDate.nullable().optional() });
export const ZApproveBody = z.strictObject({ comment: z.string().trim().max(1000).nullable().optional() });
export const ZRejectBody = z.strictObject({
  comment: z.string().trim().min(1, 'Vui lòng nhập lý do từ chối.').max(1000),
});

export const ZOrgParam = z.object({ id: idParam('id') });
export const ZProductParam = z.object({ id: idParam('id'), productId: idParam('productId') });
export const ZMemberParam = z.object({ id: idParam('id'), memberId: idParam('memberId') });
export const ZHistoryQuery = z.object({ ...ZPaging });
