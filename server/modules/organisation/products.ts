import type { ProductKind } from '../../../core/registry/enums.js';
import { isEnded } from '../../../core/registry/lifecycle.js';
import type { Ctx } from '../../context.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadOrganisationInScope } from './organisation-access.js';
import * as rel from './organisation-relations.repo.js';

/** Body of POST /api/organisations/:id/products. */
export interface AddProductInput {
  kind: ProductKind;
  name: string;
  stars?: number | null;
  year?: number | null;
  note?: string | null;
}

/** A product as the API returns it. */
export function toProductDto(p: Awaited<ReturnType<typeof rel.listProducts>>[number]) {
  return { id: p.id, kind: p.kind, name: p.name, stars: p.stars, year: p.year, note: p.note };
}

/**
 * Adds an OCOP product (rated 1 to 5 stars under the OCOP programme, so stars are required), a trademark or
 * a certification to an organisation that still exists. One audit row.
 */
export async function addProduct(ctx: Ctx, organisationId: number, input: AddProductInput) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  if (isEnded(org.legal_status))
    throw conflict('organisation.ended', 'Tổ chức đã giải thể/chấm dứt hoạt động; không thêm sản phẩm.');
  const stars = input.stars ?? null;
  if (input.kind === 'ocop' && stars === null) {
    throw invalid('organisation.product_stars', 'Sản phẩm OCOP cần số sao (từ 1 đến 5).', [
      { path: 'stars', message: 'Bắt buộc với OCOP.' },
    ]);
  }
  if (input.kind !== 'ocop' && stars !== null) {
    throw invalid('organisation.product_stars', 'Chỉ sản phẩm OCOP mới có số sao.', [
      { path: 'stars', message: 'Chỉ dùng cho OCOP.' },
    ]);
  }
  return ctx.db.transaction().execute(async (trx) => {
    const p = await rel.insertProduct(trx, {
      organisationId,
      kind: input.kind,
      name: input.name,
      stars,
      year: input.year ?? null,
      note: input.note ?? null,
    });
    await recordAudit(trx, ctx, {
      action: 'organisation.product.add',
      entityType: 'organisation',
      entityId: organisationId,
      after: { product: toProductDto(p) },
      provinceId: org.province_id,
    });
    return { product: toProductDto(p) };
  });
}

/** Removes a product of an organisation in the caller's scope. One audit row. */
export async function removeProduct(ctx: Ctx, organisationId: number, productId: number) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const p = await rel.findProduct(trx, organisationId, productId);
    if (!p) throw notFound('Không tìm thấy sản phẩm của tổ chức này.');
    await rel.deleteProduct(trx, productId);
    await recordAudit(trx, ctx, {
      action: 'organisation.product.delete',
      entityType: 'organisation',
      entityId: organisationId,
      before: { product: toProductDto(p) },
      provinceId: org.province_id,
    });
  });
}
