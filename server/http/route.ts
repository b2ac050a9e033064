import type { RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { hasPermission, type Permission } from '../../core/permissions.js';
import { type AppEnv, requestHeader } from './env.js';
import { AppError, forbidden, unauthenticated } from './problem.js';

/**
 * How a route limits what it touches, beyond the permission. Services enforce it; the access-matrix
 * test checks it for every role against own scope, a sibling commune, another province and the nation.
 * - none: no scoped resource (public documents, the caller's own session)
 * - self: the caller's own account only
 * - list: returns only rows inside the caller's scope
 * - province: the resource must lie in the caller's province (the nation sees all)
 * - commune: the resource must lie in the caller's commune, or province for province roles
 * - user: the target user's scope must lie inside the caller's scope
 * - org: the organisation must lie in the caller's subtree: province for province roles, commune for
 *   commune officers, the organisation itself for a cooperative user (the nation sees all)
 */
export type ScopeRule = 'none' | 'self' | 'list' | 'province' | 'commune' | 'user' | 'org';

/** The declaration every route must carry: who may call it and how its data is scoped. */
export interface Access {
  /** One permission, or several of which the caller needs any one (e.g. officer edit or cooperative self-edit). */
  permission: Permission | readonly Permission[] | 'public' | 'authenticated';
  scope: ScopeRule;
}

/** Whether `role` holds the declared permission (any one of a list). */
export function roleMeets(
  role: Parameters<typeof hasPermission>[0],
  permission: Access['permission'],
): boolean {
  if (permission === 'public' || permission === 'authenticated') return true;
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  return anyOf.some((p) => hasPermission(role, p));
}

/** One declared route, as the access-matrix test and the OpenAPI snapshot see it. */
export interface DeclaredRoute {
  id: string;
  method: string;
  /** Hono path syntax (/api/units/:id). */
  path: string;
  access: Access;
}

const declared: DeclaredRoute[] = [];

/** Every route declared so far (filled as modules register). */
export function declaredRoutes(): readonly DeclaredRoute[] {
  return declared;
}

function guard(access: Access): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    if (access.permission !== 'public') {
      const user = c.get('user');
      if (!user) throw unauthenticated();
      if (!roleMeets(user.role, access.permission)) throw forbidden();
    }
    // Only a JSON body needs reading (asynchronously); a request without one goes straight on.
    const body = rejectNul(c);
    return body ? body.then(next) : next();
  };
}

function hasNul(v: unknown): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (Array.isArray(v)) return v.some(hasNul);
  if (v === null || typeof v !== 'object') return false;
  return Object.entries(v).some(([k, x]) => k.includes('\u0000') || hasNul(x));
}

const NUL_REFUSED = () =>
  new AppError(400, 'request.invalid_character', 'Dữ liệu chứa ký tự NUL không hợp lệ.');

/**
 * PostgreSQL text cannot hold NUL: refuse it as bad input (400) rather than fail in the database (500). The URL is
 * checked at once (throws); a JSON body is checked by the returned promise, undefined when there is none.
 */
function rejectNul(c: Context<AppEnv>): Promise<void> | undefined {
  if (c.req.url.includes('%00')) throw NUL_REFUSED();
  const json = /^application\/json\s*(;|$)/i.test(requestHeader(c, 'content-type') ?? '');
  if (!json || c.req.raw.body === null) return undefined;
  return c.req.text().then(
    (text) => {
      let nul = false;
      try {
        nul = hasNul(JSON.parse(text)); // cached: the validator parses the same text again
      } catch {
        // malformed JSON: the validator answers request.malformed
      }
      if (nul) throw NUL_REFUSED();
    },
    () => {
      // an unreadable body: the validator answers as before
    },
  );
}

/**
 * Declares a route: its OpenAPI config plus its access rule. The returned config carries the guard
 * middleware, so `app.openapi(declareRoute(...), handler)` is the only way routes are added.
 */
export function declareRoute<R extends RouteConfig>(id: string, access: Access, route: R): R {
  const path = route.path.replace(/\{([^}]+)\}/g, ':$1');
  if (!declared.some((d) => d.id === id)) {
    declared.push({ id, method: route.method.toUpperCase(), path, access });
  }
  const existing = route.middleware
    ? Array.isArray(route.middleware)
      ? route.middleware
      : [route.middleware]
    : [];
  return {
    ...route,
    operationId: id,
    middleware: [guard(access), ...existing],
  } as R;
}
