import { createHash, randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { AppError, invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { assertProvinceScope, requireUser } from '../auth/scope.js';

/** 20 MB: a scanned plan or a dossier; larger files belong in the document system. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Allowed types, each recognised by its first bytes, not by the name the client sent. */
const TYPES: { ext: string[]; mime: string; magic: number[] }[] = [
  { ext: ['pdf'], mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  { ext: ['png'], mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  {
    ext: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    ext: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
];

/** Where an owner lies, for the scope check of uploads and downloads. */
export interface OwnerLocation {
  provinceId: number | null;
  unitId: number | null;
}
type OwnerResolver = (ctx: Ctx, ownerId: string) => Promise<OwnerLocation | null>;
const owners = new Map<string, OwnerResolver>();

/** Lets a module accept attachments for its entities (assessments, plans, dossiers) by locating them. */
export function registerAttachmentOwner(type: string, resolve: OwnerResolver) {
  owners.set(type, resolve);
}

registerAttachmentOwner('unit', async (ctx, ownerId) => {
  const unit = /^\d+$/.test(ownerId) ? await getUnitBasics(ctx.db, Number(ownerId)) : null;
  if (!unit) return null;
  return { provinceId: unit.provinceId, unitId: unit.id };
});

async function locateOwner(ctx: Ctx, ownerType: string, ownerId: string) {
  const resolve = owners.get(ownerType);
  if (!resolve)
    throw invalid('attachment.owner_type', `Loại đối tượng đính kèm "${ownerType}" không được hỗ trợ.`);
  const loc = await resolve(ctx, ownerId);
  if (!loc) throw notFound('Không tìm thấy đối tượng cần đính kèm tệp.');
  assertProvinceScope(ctx, { provinceId: loc.provinceId });
  return loc;
}

function sniff(fileName: string, bytes: Uint8Array) {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = TYPES.find((t) => t.ext.includes(ext));
  if (!type?.magic.every((b, i) => bytes[i] === b)) {
    throw new AppError(
      415,
      'attachment.type_not_allowed',
      'Chỉ nhận tệp PDF, PNG, JPEG, XLSX hoặc DOCX đúng định dạng.',
    );
  }
  return type.mime;
}

function toDto(r: {
  id: number;
  owner_type: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date | string;
}) {
  return {
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Stores an uploaded file for an owner in the caller's scope, recording its SHA-256. */
export async function uploadAttachment(
  ctx: Ctx,
  input: { ownerType: string; ownerId: string; fileName: string; bytes: Uint8Array },
) {
  const user = requireUser(ctx);
  if (input.bytes.byteLength === 0) throw invalid('attachment.empty', 'Tệp tải lên đang trống.');
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError(413, 'attachment.too_large', 'Tệp vượt quá dung lượng cho phép (20 MB).');
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is stripped
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(-200) || 'tep';
  const contentType = sniff(fileName, input.bytes);
  const loc = await locateOwner(ctx, input.ownerType, input.ownerId);
  const storageKey = randomUUID();
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Bytes first, row second: a crash in between leaves an orphan file, never a row without its file.
  await ctx.storage.put(storageKey, input.bytes);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('attachment')
        .values({
          owner_type: input.ownerType,
          owner_id: input.ownerId,
          province_id: loc.provinceId,
          unit_id: loc.unitId,
          file_name: fileName,
          content_type: contentType,
          size_bytes: input.bytes.byteLength,
          sha256,
          storage_key: storageKey,
          created_by: user.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, ctx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: row.id,
        after: toDto(row),
        provinceId: loc.provinceId,
      });
      return toDto(row);
    });
  } catch (err) {
    await ctx.storage.delete(storageKey);
    throw err;
  }
}

/** Lists an owner's attachments (the owner must be in scope). */
export async function listAttachments(ctx: Ctx, ownerType: string, ownerId: string) {
  await locateOwner(ctx, ownerType, ownerId);
  const rows = await ctx.db
    .selectFrom('attachment')
    .selectAll()
    .where('owner_type', '=', ownerType)
    .where('owner_id', '=', ownerId)
    .orderBy('id')
    .execute();
  return { items: rows.map(toDto) };
}

/** Reads a file for download after checking the owner's scope and the stored checksum. */
export async function downloadAttachment(ctx: Ctx, id: number) {
  const row = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Không tìm thấy tệp đính kèm.');
  assertProvinceScope(ctx, { provinceId: row.province_id });
  const bytes = await ctx.storage.get(row.storage_key);
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError(
      409,
      'attachment.corrupted',
      'Tệp lưu trữ không khớp mã kiểm tra SHA-256; vui lòng báo quản trị viên.',
    );
  }
  return { bytes, fileName: row.file_name, contentType: row.content_type };
}
