import type { ColumnType, Generated } from 'kysely';

// Tables of the foundation: administrative units, users and sessions, audit log, attachments.

/** Timestamps are written as Date/ISO strings and read back as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
export type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json = ColumnType<unknown, string | null, string | null>;

export interface AdminUnitTable {
  id: Generated<number>;
  key: string;
  code: string;
  name: string;
  full_name: string;
  type: string;
  level: number;
  parent_id: number | null;
  era: 'pre2025' | 'post2025';
  valid_from: string | null;
  valid_to: string | null;
  name_key: string;
  province_id: number | null;
}

export interface AdminUnitLineageTable {
  old_unit_id: number;
  new_unit_id: number;
  effective_date: string;
  partial: boolean;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  email: string | null;
  password_hash: string;
  role: string;
  scope_unit_id: number | null;
  organisation_id: number | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  last_login_at: Timestamp | null;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: GeneratedTimestamp;
  last_seen_at: GeneratedTimestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  ip: string | null;
  province_id: number | null;
}

export interface AttachmentTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: string;
  province_id: number | null;
  unit_id: number | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_by: number | null;
  created_at: GeneratedTimestamp;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

/** Foundation tables. */
export interface FoundationTables {
  admin_unit: AdminUnitTable;
  admin_unit_lineage: AdminUnitLineageTable;
  app_user: AppUserTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  attachment: AttachmentTable;
  app_meta: AppMetaTable;
}
