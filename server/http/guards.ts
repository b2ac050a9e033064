import type { ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../context.js';
import { type AppEnv, nodeOf, requestHeader } from './env.js';
import type { FastLane } from './fast-lane.js';
import { unchangingJson } from './json.js';
import { AppError } from './problem.js';
import { resolveSession } from './session.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For documents (the app's pages and assets, Swagger UI at /api/docs): antd needs inline styles, nothing needs inline
 * scripts.
 */
const DOCUMENT_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['referrer-policy', 'same-origin'],
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  ],
];

/**
 * For API answers (JSON, problem details, downloads), which are never pages: should one be opened as a page, nothing
 * in it may load or run and nothing may frame it (the usual policy of JSON APIs). A referrer policy has nothing to
 * apply to there, since such a page can request nothing. A third of the bytes of the document set
 * (docs/decisions/0012-api-security-headers.md).
 */
const API_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
];

/** Whether a path is under /api (the API and its documentation pages). */
const underApi = (path: string) => path === '/api' || path.startsWith('/api/');
/** Whether a path under /api is one of the documentation pages, which are documents. */
const apiDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/');

/**
 * Request id for logs and the audit trail, echoed in X-Request-Id, and the security headers (`api`: the API's set,
 * else the documents'). On node:http they go straight onto Node's response (a header the handler sets itself still
 * wins: writeHead merges over them); a Hono header would make every response carry a fetch Headers object that
 * @hono/node-server must copy.
 */
function requestIdAndSecurityHeaders(c: Context<AppEnv>, outgoing: ServerResponse | undefined, api: boolean) {
  const incoming = requestHeader(c, 'x-request-id');
  const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set('requestId', id);
  const security = api ? API_HEADERS : DOCUMENT_HEADERS;
  if (outgoing) {
    for (let i = 0; i < security.length; i++) outgoing.setHeader(security[i][0], security[i][1]);
    outgoing.setHeader('x-request-id', id);
  } else {
    for (const [k, v] of security) c.header(k, v);
    c.header('x-request-id', id);
  }
}

const REQUEST_ID = /^[\w-]{8,64}$/;

/**
 * CSRF defence for mutations: the Origin must be present and match this host (or a configured
 * public origin), and bodies must be JSON (multipart only where a route uploads files).
 */
function csrfAndContentType(c: Context<AppEnv>, allowedOrigins: string[], multipartPaths: string[]) {
  if (SAFE.has(c.req.method)) return;
  const origin = requestHeader(c, 'origin');
  if (!origin) {
    throw new AppError(
      403,
      'csrf.origin_missing',
      'Yêu cầu thiếu tiêu đề Origin nên bị từ chối để chống giả mạo (CSRF).',
    );
  }
  const host = requestHeader(c, 'x-forwarded-host') ?? requestHeader(c, 'host');
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
  const contentLength = requestHeader(c, 'content-length');
  const length = Number(contentLength ?? '0');
  const hasBody =
    length > 0 ||
    requestHeader(c, 'transfer-encoding') !== undefined ||
    (c.req.raw.body !== null && contentLength !== '0');
  const type = (requestHeader(c, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  const multipartOk = multipartPaths.includes(c.req.path) && type === 'multipart/form-data';
  if (hasBody && type !== 'application/json' && !multipartOk) {
    throw new AppError(
      415,
      'request.unsupported_media_type',
      'Chỉ chấp nhận dữ liệu dạng JSON (Content-Type: application/json).',
    );
  }
}

/** Options of the request pipeline. */
export interface PipelineOptions {
  /** Public origins accepted besides this host's own (CSRF). */
  allowedOrigins: string[];
  /** Paths that take multipart uploads and a larger body limit. */
  uploadPaths: string[];
  /** Largest file an upload path takes. */
  uploadBytes: number;
  /** The fast lane in front of this application, told of the unchanging answers it may record (fast-lane.ts). */
  lane?: FastLane;
}

/**
 * Everything that runs before a route, in one middleware (one frame of Hono's middleware chain instead of five; the
 * chain's per-request promises and closures were a good part of the HTTP overhead, docs/performance.md):
 * 1. the dependencies and `c.json` sending a cached read result's stored JSON text (db/read-cache.ts);
 * 2. the request id and the security headers (every path: the API's set under /api, the documents' elsewhere);
 * 3. for /api: the body limits (1 MB JSON, more for the upload paths), then the CSRF origin check and the
 *    content-type rule for mutations, then the session (session.ts resolveSession). In that order, as before.
 */
export function requestPipeline(deps: AppDeps, o: PipelineOptions): MiddlewareHandler<AppEnv> {
  const small = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError(413, 'request.too_large', 'Dữ liệu gửi lên vượt quá giới hạn 1 MB.');
    },
  });
  const large = bodyLimit({
    maxSize: o.uploadBytes + 64 * 1024,
    onError: () => {
      throw new AppError(
        413,
        'request.too_large',
        `Tệp gửi lên vượt quá giới hạn ${Math.round(o.uploadBytes / 1048576)} MB.`,
      );
    },
  });
  // What follows the body limit: CSRF and content type, the session, then the route.
  const checked = (c: Context<AppEnv>, next: Next): Promise<void> => {
    csrfAndContentType(c, o.allowedOrigins, o.uploadPaths);
    const session = resolveSession(c, deps);
    return session ? session.then(next) : next();
  };
  const lane = o.lane?.enabled ? o.lane : undefined;
  return (c, next) => {
    c.set('deps', deps);
    const outgoing = nodeOf(c).outgoing;
    // A request the fast lane may answer next time: its unchanging answer is noted for the lane once sent.
    if (lane?.wants(outgoing)) {
      const version = lane.version;
      sendCachedJsonAsStored(c, lane.unchanging);
      const path = c.req.path;
      requestIdAndSecurityHeaders(c, outgoing, underApi(path) && !apiDocs(path));
      return checked(c, next).then(() => lane.noteAnswer(c, outgoing as ServerResponse, version));
    }
    sendCachedJsonAsStored(c);
    const path = c.req.path;
    const api = underApi(path);
    requestIdAndSecurityHeaders(c, outgoing, api && !apiDocs(path));
    if (!api) return next();
    // A request without a body has nothing to limit; reading c.req.raw.body would build a fetch Request for nothing.
    if (
      requestHeader(c, 'content-length') === undefined &&
      requestHeader(c, 'transfer-encoding') === undefined
    ) {
      return checked(c, next);
    }
    const limit = o.uploadPaths.includes(path) ? large : small;
    return limit(c, () => checked(c, next));
  };
}

/** A value whose JSON cannot change (a cached read result, a deep-frozen answer) is sent as bytes made once (json.ts). */
function sendCachedJsonAsStored(c: Context<AppEnv>, sent?: WeakMap<Response, Uint8Array>) {
  const json = c.json;
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => {
    const bytes = unchangingJson(object);
    if (bytes === undefined) return (json as (...a: unknown[]) => Response)(object, arg, headers);
    // (no spread when there are no extra headers: a spread into a literal is slow on Node 20, see ctx.ts)
    const h = headers
      ? { 'content-type': 'application/json', ...headers }
      : { 'content-type': 'application/json' };
    const res = c.body(bytes as Uint8Array<ArrayBuffer>, arg as 200, h);
    sent?.set(res, bytes);
    return res;
  }) as typeof c.json;
}
