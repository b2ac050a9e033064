import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { MEMBER_TYPES, valuesOf } from '../../../core/registry/enums.js';
import { ZMemberCreate, ZMemberUpdate } from '../../../core/registry/member-input.js';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZPaging } from '../../http/zod-common.js';
import { eraseMember } from './erase-member.js';
import { listMembers } from './list-members.js';
import { exportMember, revealMember } from './reveal-member.js';
import { createMember, updateMember } from './save-member.js';

const ZId = z.coerce
  .number({ error: 'Mã định danh phải là số.' })
  .int('Mã định danh phải là số nguyên.')
  .positive('Mã định danh phải là số dương.')
  .max(2_147_483_647);
const ZOrgParams = z.object({ id: ZId.openapi({ param: { name: 'id', in: 'path' } }) });
const ZMemberParams = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }),
  memberId: ZId.openapi({ param: { name: 'memberId', in: 'path' } }),
});
const ZType = z.enum(valuesOf(MEMBER_TYPES), {
  error: 'Loại thành viên phải là official, associate_capital hoặc associate_noncapital.',
});

const ZMember = z
  .object({
    id: z.number(),
    organisationId: z.number(),
    memberType: z.string(),
    memberTypeLabel: z.string(),
    fullName: z.string(),
    birthDate: z.string().nullable(),
    gender: z.string().nullable(),
    ethnicity: z.string().nullable(),
    nationality: z.string().nullable(),
    idNumber: z.string().nullable(),
    orgCode: z.string().nullable(),
    address: z.string().nullable(),
    capitalPledged: z.number().nullable(),
    capitalPaid: z.number().nullable(),
    joinedOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    erased: z.boolean(),
    erasedAt: z.string().nullable(),
    masked: z.boolean(),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Member');
const ZWarning = z.object({ code: z.string(), message: z.string() });
const ZSaved = z.object({ member: ZMember, warnings: z.array(ZWarning) });
const ZErase = z.strictObject({
  reason: z
    .string({ error: 'Vui lòng nhập lý do xóa (yêu cầu của chủ thể dữ liệu).' })
    .trim()
    .min(1, 'Vui lòng nhập lý do xóa (yêu cầu của chủ thể dữ liệu).')
    .max(2000, 'Lý do dài tối đa 2000 ký tự.'),
});
const tags = ['Sổ đăng ký thành viên'];
const MEMBERS = '/api/organisations/{id}/members';
const ONE = `${MEMBERS}/{memberId}`;

/** Member registers: masked by default, audited reveal, export and erasure on the data subject's request. */
export function registerMemberRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'members.list',
      { permission: 'member.read', scope: 'org' },
      createRoute({
        method: 'get',
        path: MEMBERS,
        tags,
        summary: 'Sổ đăng ký thành viên (dữ liệu cá nhân được che)',
        request: {
          params: ZOrgParams,
          query: z.object({
            q: z.string().max(100, 'Từ khóa tìm kiếm dài tối đa 100 ký tự.').optional(),
            type: ZType.optional(),
            ...ZPaging,
          }),
        },
        responses: {
          200: json(
            z.object({
              items: z.array(ZMember),
              total: z.number(),
              registerCount: z.number().openapi({ description: 'Số thành viên còn trong sổ hôm nay' }),
              reportedCount: z
                .number()
                .nullable()
                .openapi({ description: 'Tổng số thành viên trong báo cáo năm gần nhất' }),
              reportedYear: z.number().nullable(),
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await listMembers(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'members.create',
      { permission: 'member.write', scope: 'org' },
      createRoute({
        method: 'post',
        path: MEMBERS,
        tags,
        summary: 'Thêm thành viên vào sổ đăng ký',
        request: { params: ZOrgParams, body: jsonBody(ZMemberCreate) },
        responses: { 201: json(ZSaved), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await createMember(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'members.update',
      { permission: 'member.write', scope: 'org' },
      createRoute({
        method: 'patch',
        path: ONE,
        tags,
        summary: 'Sửa thông tin thành viên',
        request: { params: ZMemberParams, body: jsonBody(ZMemberUpdate) },
        responses: { 200: json(ZSaved), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateMember(ctxOf(c), p.id, p.memberId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'members.reveal',
      { permission: 'member.reveal', scope: 'org' },
      createRoute({
        method: 'post',
        path: `${ONE}/reveal`,
        tags,
        summary: 'Xem đầy đủ dữ liệu cá nhân (được ghi nhật ký)',
        request: { params: ZMemberParams, body: { ...jsonBody(z.strictObject({})), required: false } },
        responses: { 200: json(z.object({ member: ZMember })), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await revealMember(ctxOf(c), p.id, p.memberId), 200);
    },
  );
  app.openapi(
    declareRoute(
      'members.export',
      { permission: 'member.reveal', scope: 'org' },
      createRoute({
        method: 'get',
        path: `${ONE}/export`,
        tags,
        summary: 'Trích xuất dữ liệu của chủ thể dữ liệu (JSON hoặc Excel, được ghi nhật ký)',
        request: {
          params: ZMemberParams,
          query: z.object({
            format: z.enum(['json', 'xlsx'], { error: 'Định dạng phải là json hoặc xlsx.' }).default('json'),
          }),
        },
        responses: {
          200: { description: 'Tệp dữ liệu của thành viên' },
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      const f = await exportMember(ctxOf(c), p.id, p.memberId, c.req.valid('query').format);
      return new Response(Buffer.from(f.bytes), {
        status: 200,
        headers: {
          'content-type': f.contentType,
          'content-disposition': `attachment; filename="${f.fileName}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    },
  );
  app.openapi(
    declareRoute(
      'members.erase',
      { permission: 'member.erase', scope: 'org' },
      createRoute({
        method: 'post',
        path: `${ONE}/erase`,
        tags,
        summary: 'Xóa dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu',
        request: { params: ZMemberParams, body: jsonBody(ZErase) },
        responses: { 200: json(z.object({ member: ZMember })), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await eraseMember(ctxOf(c), p.id, p.memberId, c.req.valid('json')), 200);
    },
  );
}
