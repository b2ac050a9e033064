/** Shapes of the JSON the API returns (see the API contract of the foundation issue). */
import type { Role, ScopeType } from '../../../core/permissions';

/** The signed-in user, as GET /api/auth/me returns it. */
export interface Me {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  roleLabel: string;
  scope: {
    type: ScopeType;
    unitId: number | null;
    unitCode: string | null;
    organisationId: number | null;
    label: string;
  };
  permissions: string[];
  assignableRoles: Role[];
}

/** Level of an administrative unit: 1 province, 2 district (only before 1/7/2025), 3 commune. */
export type UnitLevel = 1 | 2 | 3;

/**
 * An administrative unit valid over [validFrom, validTo) — validTo is exclusive, null means still in force;
 * `type` is the Vietnamese label ('Tỉnh', 'Phường'…).
 */
export interface Unit {
  id: number;
  code: string;
  name: string;
  fullName: string;
  type: string;
  level: UnitLevel;
  parentId: number | null;
  parentName: string | null;
  validFrom: string | null;
  validTo: string | null;
  era: 'pre2025' | 'post2025';
}

/** A unit in a reorganisation lineage: whole or only partly merged. */
export interface UnitLink extends Unit {
  partial: boolean;
  effectiveDate: string;
}

/** GET /api/units/:id. */
export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  children: Unit[];
  predecessors: UnitLink[];
  successors: UnitLink[];
}

/** GET /api/units/stats. */
export interface UnitStats {
  provinces: number;
  communes: number;
  preProvinces: number;
  preDistricts: number;
  preCommunes: number;
}

/** A user account as listed by GET /api/users. */
export interface User {
  id: number;
  username: string;
  fullName: string;
  email: string | null;
  role: Role;
  roleLabel: string;
  scopeLabel: string;
  scopeUnitId: number | null;
  organisationId: number | null;
  active: boolean;
  version: number;
  lastLoginAt: string | null;
  createdAt: string;
}

/** One audit row: who did what to which entity, with the entity before and after. */
export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

/** A server-paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
}
