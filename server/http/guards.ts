import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type AppEnv, nodeOf, requestHeader } from './env.js';
import { AppError } from './problem.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Conservative security headers; antd needs inline styles, nothing needs inline scripts. */
const SECURITY_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'same-origin'],
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  ],
];

/**
 * Request id for logs and the audit trail, echoed in X-Request-Id, and the security headers. On node:http they go
 * straight onto Node's response (a header the handler sets itself still wins: writeHead merges over them); a
 * Hono header would make every response carry a fetch Headers object that @hono/node-server must copy.
 */
export function requestIdAndSecurityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = requestHeader(c, 'x-request-id');
    const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    const outgoing = nodeOf(c).outgoing;
    if (outgoing) {
      for (const [k, v] of SECURITY_HEADERS) outgoing.setHeader(k, v);
      outgoing.setHeader('x-request-id', id);
    } else {
      for (const [k, v] of SECURITY_HEADERS) c.header(k, v);
      c.header('x-request-id', id);
    }
    await next();
  };
}

/**
 * CSRF defence for mutations: the Origin must be present and match this host (or a configured
 * public origin), and bodies must be JSON (multipart only where a route uploads files).
 */
export function csrfAndContentType(
  allowedOrigins: string[],
  multipartPaths: string[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (!origin) {
      throw new AppError(
        403,
        'csrf.origin_missing',
        'Yêu cầu thiếu tiêu đề Origin nên bị từ chối để chống giả mạo (CSRF).',
      );
    }
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (originHost !== host && !allowedOrigins.includes(origin)) {
      throw new AppError(403, 'csrf.origin_mismatch', 'Yêu cầu đến từ một nguồn không được phép (CSRF).');
    }
    // A body stream exists whatever the framing (content-length, chunked, HTTP/2, in-process requests).
    const length = Number(c.req.header('content-length') ?? '0');
    const hasBody =
      length > 0 ||
      c.req.header('transfer-encoding') !== undefined ||
      (c.req.raw.body !== null && c.req.header('content-length') !== '0');
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const multipartOk = multipartPaths.includes(c.req.path) && type === 'multipart/form-data';
    if (hasBody && type !== 'application/json' && !multipartOk) {
      throw new AppError(
        415,
        'request.unsupported_media_type',
        'Chỉ chấp nhận dữ liệu dạng JSON (Content-Type: application/json).',
      );
    }
    await next();
  };
}

/** Caps request bodies: 1 MB for JSON, more for the upload paths. */
export function bodyLimits(uploadPaths: string[], uploadBytes: number): MiddlewareHandler<AppEnv> {
  const small = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError(413, 'request.too_large', 'Dữ liệu gửi lên vượt quá giới hạn 1 MB.');
    },
  });
  const large = bodyLimit({
    maxSize: uploadBytes + 64 * 1024,
    onError: () => {
      throw new AppError(
        413,
        'request.too_large',
        `Tệp gửi lên vượt quá giới hạn ${Math.round(uploadBytes / 1048576)} MB.`,
      );
    },
  });
  return (c, next) => {
    // A request without a body has nothing to limit; reading c.req.raw.body would build a fetch Request for nothing.
    if (
      requestHeader(c, 'content-length') === undefined &&
      requestHeader(c, 'transfer-encoding') === undefined
    ) {
      return next();
    }
    return uploadPaths.includes(c.req.path) ? large(c, next) : small(c, next);
  };
}
