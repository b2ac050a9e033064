import type { Ctx } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import * as repo from './member.repo.js';
import { loadOrganisationInScope, memberErased, memberNotFound, toMemberDto } from './member-view.js';
import { exportRows, memberWorkbook } from './member-xlsx.js';

const PERSONAL_DTO = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'nationality',
  'idNumber',
  'address',
] as const;

/** Loads an entry whose personal data may still be disclosed (409 member.erased after an erasure). */
async function loadDisclosable(ctx: Ctx, organisationId: number, memberId: number) {
  const org = await loadOrganisationInScope(ctx, organisationId);
  const row = await repo.findMember(ctx.db, organisationId, memberId);
  if (!row) throw memberNotFound();
  if (row.erased_at !== null) throw memberErased();
  return { org, row };
}

/**
 * The unmasked entry (member.reveal). Reading personal data is audited: one audit row naming the fields
 * disclosed, never their values.
 */
export async function revealMember(ctx: Ctx, organisationId: number, memberId: number) {
  const { org, row } = await loadDisclosable(ctx, organisationId, memberId);
  const member = toMemberDto(row, true);
  await recordAudit(ctx.db, ctx, {
    action: 'member.reveal',
    entityType: 'member',
    entityId: memberId,
    after: { organisationId, fields: PERSONAL_DTO.filter((k) => member[k] !== null) },
    provinceId: org.province_id,
  });
  return { member };
}

/** A file to download. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/**
 * The data subject's full record as a file, on the subject's request (member.reveal; Law 91/2025/QH15):
 * JSON or an .xlsx sheet with Vietnamese headers. Audited with the format.
 */
export async function exportMember(
  ctx: Ctx,
  organisationId: number,
  memberId: number,
  format: 'json' | 'xlsx',
): Promise<ExportFile> {
  const { org, row } = await loadDisclosable(ctx, organisationId, memberId);
  const member = toMemberDto(row, true);
  const exportedAt = new Date();
  await recordAudit(ctx.db, ctx, {
    action: 'member.export',
    entityType: 'member',
    entityId: memberId,
    after: { organisationId, format },
    provinceId: org.province_id,
  });
  const base = `thanh-vien-${memberId}`;
  if (format === 'xlsx') {
    return {
      fileName: `${base}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: await memberWorkbook(exportRows(org, member, exportedAt)),
    };
  }
  const doc = {
    organisation: { id: org.id, name: org.name, regCode: org.reg_code },
    member,
    exportedAt: exportedAt.toISOString(),
    legalBasis: 'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15',
  };
  return {
    fileName: `${base}.json`,
    contentType: 'application/json; charset=utf-8',
    bytes: new TextEncoder().encode(JSON.stringify(doc, null, 2)),
  };
}
