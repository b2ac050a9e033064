import type { Kysely } from 'kysely';
import { hasPermission, type Permission } from '../../../core/permissions.js';
import type { Ctx, SessionUser } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/problem.js';
import { assertOrgScope, requireUser } from '../auth/scope.js';
import { findOrganisation, type OrganisationRecord } from './organisation.repo.js';

/** The organisation if it exists and lies in the caller's subtree; 404 otherwise (existence is not disclosed). */
export async function loadOrganisationInScope(
  ctx: Ctx,
  id: number,
  db: Kysely<DB> = ctx.db,
): Promise<OrganisationRecord> {
  const r = await findOrganisation(db, id);
  if (!r) throw notFound('Không tìm thấy tổ chức.');
  assertOrgScope(ctx, { id: r.id, provinceId: r.province_id, communeId: r.commune_id });
  return r;
}

/** True when the caller's role holds the permission. */
export function can(user: SessionUser, permission: Permission): boolean {
  return hasPermission(user.role, permission);
}

/** The caller, who must hold one of the permissions (routes declared 'authenticated' check here). */
export function requireAnyPermission(ctx: Ctx, ...permissions: Permission[]): SessionUser {
  const user = requireUser(ctx);
  if (!permissions.some((p) => can(user, p))) throw forbidden();
  return user;
}

/** True when a commune of today lies in the caller's subtree (a cooperative user's subtree is its organisation only). */
export function communeInCallerScope(
  user: SessionUser,
  commune: { id: number; province_id: number | null },
): boolean {
  switch (user.scope.type) {
    case 'nation':
      return true;
    case 'province':
      return commune.province_id !== null && commune.province_id === user.scope.provinceId;
    case 'commune':
      return commune.id === user.scope.communeId;
    case 'organisation':
      return false;
  }
}
