/** Tiny fetch wrapper: JSON in and out, same-origin cookies, problem+json errors as ApiError. */
import i18n from '../i18n';

/** One field error inside a problem document. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** RFC 9457 problem document as the server sends it (detail is a Vietnamese message). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldProblem[];
  /** Extra members some problems carry (a version conflict's `current` and `changedFields`, …). */
  [extra: string]: unknown;
}

/** Error thrown for every failed API call; status 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.problem = problem;
  }
}

/** A query-string value; empty ones are left out. */
export type QueryValue = string | number | boolean | null | undefined;
type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Options of one request; a mutation without a body still sends `{}` as JSON. */
export interface RequestOptions {
  method?: HttpMethod;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

// These calls answer 401 as part of their normal flow (not signed in, wrong password).
const NO_REDIRECT_PATHS = new Set(['/api/auth/me', '/api/auth/login']);
let unauthorizedHandler: (() => void) | null = null;

/** Registers what to do when the session has ended (a 401 from any other call). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Builds `path?query`, leaving out empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).detail === 'string';
}

function toProblem(res: Response, body: unknown): Problem {
  if (isProblem(body)) {
    return { ...body, status: body.status ?? res.status, code: body.code ?? `http.${res.status}` };
  }
  return {
    type: 'about:blank',
    title: res.statusText,
    status: res.status,
    code: `http.${res.status}`,
    detail: i18n.t(res.status >= 500 ? 'errors.server' : 'errors.unexpected'),
  };
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network.unreachable',
      detail: i18n.t('errors.network'),
    });
  }
  if (!res.ok) {
    const problem = toProblem(res, await readBody(res));
    const bare = path.split('?')[0];
    if (res.status === 401 && !NO_REDIRECT_PATHS.has(bare) && problem.code !== 'auth.invalid_credentials') {
      unauthorizedHandler?.();
    }
    throw new ApiError(problem);
  }
  return res;
}

const ACCEPT_JSON = 'application/json, application/problem+json';

/** Sends one request to the API and returns its parsed JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: ACCEPT_JSON };
  let body: string | undefined;
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body ?? {});
  }
  const res = await send(buildUrl(path, options.query), { method, headers, body, signal: options.signal });
  return (await readBody(res)) as T;
}

/** Posts a multipart form (a file upload); the browser sets the multipart boundary itself. */
export async function apiUpload<T>(path: string, form: FormData): Promise<T> {
  const res = await send(path, { method: 'POST', headers: { Accept: ACCEPT_JSON }, body: form });
  return (await readBody(res)) as T;
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first), or null. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/**
 * Downloads a file from the API through fetch (so a refusal shows the server's message instead of a
 * page of JSON) and hands it to the browser as a download.
 */
export async function apiDownload(
  path: string,
  query?: Record<string, QueryValue>,
  fallbackName = 'tai-ve',
): Promise<string> {
  const res = await send(buildUrl(path, query), { method: 'GET', headers: { Accept: '*/*' } });
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Shorthands for the HTTP verbs the API uses. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, query?: Record<string, QueryValue>) =>
    apiRequest<T>(path, { method: 'PUT', body, query }),
  del: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

/** The message to show for any error: the server's Vietnamese detail, else a generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError && err.detail) return err.detail;
  return i18n.t('errors.unexpected');
}
