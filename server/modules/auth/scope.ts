import type { Ctx, SessionUser } from '../../context.js';
import { notFound, unauthenticated } from '../../http/problem.js';

/** The caller, or a 401 when the route somehow ran without one. */
export function requireUser(ctx: Ctx): SessionUser {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/** The province a query must be limited to: null for the nation, else the caller's province. */
export function scopeProvinceFilter(ctx: Ctx): number | null {
  const user = requireUser(ctx);
  return user.scope.type === 'nation' ? null : user.scope.provinceId;
}

/** A located resource: the post-2025 province containing it and, where known, its commune. */
export interface Located {
  provinceId: number | null;
  communeId?: number | null;
}

/** True when the resource lies in the caller's province (or the caller is national). */
export function inProvinceScope(user: SessionUser, res: Located): boolean {
  if (user.scope.type === 'nation') return true;
  return res.provinceId !== null && res.provinceId === user.scope.provinceId;
}

/** True when the resource lies in the caller's own subtree: province for province roles, commune for commune roles. */
export function inHomeScope(user: SessionUser, res: Located): boolean {
  if (!inProvinceScope(user, res)) return false;
  if (user.scope.type === 'commune') return res.communeId != null && res.communeId === user.scope.communeId;
  if (user.scope.type === 'organisation') return false;
  return true;
}

/** Throws 404 (never 403: existence outside one's scope is not disclosed) unless in the caller's province. */
export function assertProvinceScope(ctx: Ctx, res: Located): void {
  if (!inProvinceScope(requireUser(ctx), res)) throw notFound();
}

/** Where an organisation lies, for scope checks. */
export interface OrgLocation {
  id: number;
  provinceId: number;
  communeId: number;
}

/** True when the organisation lies in the caller's subtree (province, commune, or the organisation itself). */
export function inOrgScope(user: SessionUser, org: OrgLocation): boolean {
  switch (user.scope.type) {
    case 'nation':
      return true;
    case 'province':
      return org.provinceId === user.scope.provinceId;
    case 'commune':
      return org.communeId === user.scope.communeId;
    case 'organisation':
      return org.id === user.scope.organisationId;
  }
}

/** Throws 404 unless the organisation is in the caller's subtree. */
export function assertOrgScope(ctx: Ctx, org: OrgLocation): void {
  if (!inOrgScope(requireUser(ctx), org)) throw notFound('Không tìm thấy tổ chức.');
}

/** The filter a list of organisations must apply for the caller. */
export function orgScopeFilter(ctx: Ctx): {
  provinceId?: number;
  communeId?: number;
  organisationId?: number;
} {
  const user = requireUser(ctx);
  switch (user.scope.type) {
    case 'nation':
      return {};
    case 'province':
      return { provinceId: user.scope.provinceId ?? -1 };
    case 'commune':
      return { communeId: user.scope.communeId ?? -1 };
    case 'organisation':
      return { organisationId: user.scope.organisationId ?? -1 };
  }
}
