import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { invalid } from '../../http/problem.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam } from '../../http/zod-common.js';
import { downloadAttachment, listAttachments, uploadAttachment } from './attachment.service.js';

const ZAttachment = z
  .object({
    id: z.number(),
    ownerType: z.string(),
    ownerId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .openapi('Attachment');
const tags = ['Tệp đính kèm'];
const ZOwner = z.string().regex(/^[a-z_]{1,30}$/, 'Loại đối tượng không hợp lệ.');
const ZOwnerId = z.string().regex(/^[0-9A-Za-z_-]{1,40}$/, 'Mã đối tượng không hợp lệ.');

/** Upload, list and download of files attached to an entity in scope. */
export function registerAttachmentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'attachments.upload',
      { permission: 'attachment.write', scope: 'province' },
      createRoute({
        method: 'post',
        path: '/api/attachments',
        tags,
        summary: 'Tải tệp đính kèm lên (multipart/form-data: ownerType, ownerId, file)',
        request: {
          body: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: z.object({
                  ownerType: z.string(),
                  ownerId: z.string(),
                  file: z.any().openapi({ type: 'string', format: 'binary' }),
                }),
              },
            },
          },
        },
        responses: {
          201: json(z.object({ attachment: ZAttachment })),
          ...problems(400, 401, 403, 404, 413, 415),
        },
      }),
    ),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw invalid('request.malformed', 'Nội dung tải lên không đúng định dạng multipart/form-data.');
      });
      const file = form.file;
      if (!(file instanceof File))
        throw invalid('attachment.file_missing', 'Vui lòng chọn tệp để tải lên.', [
          { path: 'file', message: 'Bắt buộc.' },
        ]);
      const ownerType = ZOwner.safeParse(form.ownerType);
      const ownerId = ZOwnerId.safeParse(form.ownerId);
      if (!ownerType.success || !ownerId.success)
        throw invalid('validation.failed', 'Thiếu hoặc sai đối tượng cần đính kèm.');
      const attachment = await uploadAttachment(ctxOf(c), {
        ownerType: ownerType.data,
        ownerId: ownerId.data,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json({ attachment }, 201);
    },
  );
  app.openapi(
    declareRoute(
      'attachments.list',
      { permission: 'attachment.read', scope: 'province' },
      createRoute({
        method: 'get',
        path: '/api/attachments',
        tags,
        summary: 'Tệp đính kèm của một đối tượng',
        request: { query: z.object({ ownerType: ZOwner, ownerId: ZOwnerId }) },
        responses: { 200: json(z.object({ items: z.array(ZAttachment) })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAttachments(ctxOf(c), q.ownerType, q.ownerId), 200);
    },
  );
  app.openapi(
    declareRoute(
      'attachments.download',
      { permission: 'attachment.read', scope: 'province' },
      createRoute({
        method: 'get',
        path: '/api/attachments/{id}',
        tags,
        summary: 'Tải tệp đính kèm về',
        request: { params: ZIdParam },
        responses: { 200: { description: 'Nội dung tệp' }, ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const f = await downloadAttachment(ctxOf(c), c.req.valid('param').id);
      return new Response(Buffer.from(f.bytes), {
        status: 200,
        headers: {
          'content-type': f.contentType,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
          'x-content-type-options': 'nosniff',
        },
      });
    },
  );
}
