/** Routes of yearly campaigns: list, open (province admin), read, change deadlines, close. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZCampaign } from './assessment.responses.js';
import { ZCampaignOpen, ZCampaignUpdate, ZEmpty, ZIdParams, ZYearQuery } from './assessment.schemas.js';
import { getCampaign, listCampaigns } from './campaign-view.js';
import { openCampaign } from './open-campaign.js';
import { closeCampaign, updateCampaign } from './update-campaign.js';

const tags = ['Đánh giá HTX: đợt đánh giá'];
const manage = { permission: 'assessment.manage', scope: 'province' } as const;
const one = json(z.object({ campaign: ZCampaign }));

/** Registers the campaign routes. */
export function registerCampaignRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'assessment_campaigns.list',
      { permission: 'assessment.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/assessment-campaigns',
        tags,
        summary: 'Các đợt đánh giá trong phạm vi',
        request: { query: ZYearQuery },
        responses: { 200: json(z.object({ items: z.array(ZCampaign) })), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => c.json(await listCampaigns(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'assessment_campaigns.open',
      manage,
      createRoute({
        method: 'post',
        path: '/api/assessment-campaigns',
        tags,
        summary:
          'Mở đợt đánh giá năm cho tỉnh: bộ tiêu chí, hạn (mặc định theo bộ tiêu chí), tạo phiếu cho HTX thuộc diện',
        request: { body: jsonBody(ZCampaignOpen) },
        responses: {
          201: json(
            z.object({
              campaign: ZCampaign,
              results: z.object({ created: z.number(), excluded: z.number(), skipped: z.number() }),
              warnings: z.array(z.string()),
            }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => c.json(await openCampaign(ctxOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'assessment_campaigns.get',
      { permission: 'assessment.read', scope: 'province' },
      createRoute({
        method: 'get',
        path: '/api/assessment-campaigns/{id}',
        tags,
        summary: 'Một đợt đánh giá với số phiếu theo trạng thái',
        request: { params: ZIdParams },
        responses: {
          200: json(
            z.object({
              campaign: ZCampaign.extend({
                counts: z.object({
                  byStatus: z.record(z.string(), z.number()),
                  excluded: z.number(),
                  total: z.number(),
                }),
              }),
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await getCampaign(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'assessment_campaigns.update',
      manage,
      createRoute({
        method: 'patch',
        path: '/api/assessment-campaigns/{id}',
        tags,
        summary: 'Sửa hạn của đợt đánh giá',
        request: { params: ZIdParams, body: jsonBody(ZCampaignUpdate) },
        responses: { 200: one, ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await updateCampaign(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    declareRoute(
      'assessment_campaigns.close',
      manage,
      createRoute({
        method: 'post',
        path: '/api/assessment-campaigns/{id}/close',
        tags,
        summary: 'Kết thúc đợt đánh giá: HTX chưa nộp ghi lý do "không nộp"',
        request: { params: ZIdParams, body: { ...jsonBody(ZEmpty), required: false } },
        responses: {
          200: json(z.object({ campaign: ZCampaign, notSubmitted: z.number() })),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => c.json(await closeCampaign(ctxOf(c), c.req.valid('param').id), 200),
  );
}
