/** Roles, permissions and the role → permission grant table (DESIGN.md §5). Deny by default. */

export const ROLES = [
  'national',
  'province_admin',
  'province_officer',
  'commune_officer',
  'coop_user',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'unit.read',
  'user.read',
  'user.manage',
  'audit.read',
  'attachment.read',
  'attachment.write',
  'self.manage',
  'org.read',
  'org.write',
  'org.self_edit',
  'org.change_review',
  'report.submit',
  'report.review',
  'report.reopen',
  'member.read',
  'member.write',
  'member.reveal',
  'member.erase',
  'registry.import',
  'registry.export',
  'plan.read',
  'plan.manage',
  'indicator.manual',
  'indicator.define',
  'assessment.read',
  'assessment.self',
  'assessment.review',
  'assessment.confirm',
  'assessment.manage',
  'rubric.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Which scope a role's home scope must be (a national user has the whole country). */
export const ROLE_SCOPE: Record<Role, ScopeType> = {
  national: 'nation',
  province_admin: 'province',
  province_officer: 'province',
  commune_officer: 'commune',
  coop_user: 'organisation',
};

export type ScopeType = 'nation' | 'province' | 'commune' | 'organisation';

const ALL: readonly Permission[] = PERMISSIONS;

/** The grant table: a permission not listed for a role is denied. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national: ALL,
  province_admin: ALL,
  province_officer: [
    'unit.read',
    'user.read',
    'attachment.read',
    'attachment.write',
    'self.manage',
    'org.read',
    'org.write',
    'org.change_review',
    'report.submit',
    'report.review',
    'report.reopen',
    'member.read',
    'member.write',
    'member.reveal',
    'registry.import',
    'registry.export',
    'plan.read',
    'indicator.manual',
    'assessment.read',
    'assessment.review',
    'assessment.confirm',
  ],
  commune_officer: [
    'unit.read',
    'attachment.read',
    'attachment.write',
    'self.manage',
    'org.read',
    'org.write',
    'org.change_review',
    'report.submit',
    'report.review',
    'member.read',
    'member.write',
    'member.reveal',
    'registry.import',
    'registry.export',
    'plan.read',
    'assessment.read',
    'assessment.review',
  ],
  coop_user: [
    'unit.read',
    'attachment.read',
    'attachment.write',
    'self.manage',
    'org.read',
    'org.self_edit',
    'report.submit',
    'member.read',
    'member.write',
    'member.reveal',
    'registry.export',
    'assessment.read',
    'assessment.self',
  ],
};

/** True when the role is granted the permission. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a user of the given role may create (a province admin cannot create national users). */
export function assignableRoles(role: Role): Role[] {
  if (role === 'national') return [...ROLES];
  if (role === 'province_admin')
    return ['province_admin', 'province_officer', 'commune_officer', 'coop_user'];
  return [];
}
