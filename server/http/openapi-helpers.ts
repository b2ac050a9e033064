import { z } from '@hono/zod-openapi';

/** The problem+json schema every error response uses. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

const DESCRIPTIONS: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy hoặc ngoài phạm vi',
  409: 'Xung đột dữ liệu',
  413: 'Dữ liệu quá lớn',
  415: 'Định dạng không được hỗ trợ',
  429: 'Quá nhiều yêu cầu',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

/** Error responses in the OpenAPI document for the given statuses. */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: DESCRIPTIONS[s] ?? 'Lỗi',
        content: { 'application/problem+json': { schema: ZProblem } },
      },
    ]),
  ) as Record<
    number,
    { description: string; content: { 'application/problem+json': { schema: typeof ZProblem } } }
  >;
}

/** A JSON response with a description. */
export function json<T extends z.ZodType>(schema: T, description = '') {
  return { description, content: { 'application/json': { schema } } };
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true as const };
}

/** An empty response. */
export function noContent(description: string) {
  return { description };
}
