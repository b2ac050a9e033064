import { type Kysely, sql } from 'kysely';

/** Users, sessions (only the token's SHA-256 is stored), login throttling, the audit log and attachments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table app_user (
    id integer generated always as identity constraint app_user_pk primary key,
    username text not null constraint app_user_username_uq unique,
    full_name text not null,
    email text,
    password_hash text not null,
    role text not null constraint app_user_role_ck
      check (role in ('national', 'province_admin', 'province_officer', 'commune_officer', 'coop_user')),
    scope_unit_id integer constraint app_user_scope_unit_fk references admin_unit (id),
    organisation_id integer,
    active boolean not null default true,
    must_change_password boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    last_login_at timestamptz
  )`.execute(db);
  await sql`create index app_user_scope_ix on app_user (scope_unit_id)`.execute(db);
  await sql`create table session (
    token_hash text constraint session_pk primary key,
    user_id integer not null constraint session_user_fk references app_user (id) on delete cascade,
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    ip text,
    user_agent text
  )`.execute(db);
  await sql`create index session_user_ix on session (user_id)`.execute(db);
  await sql`create table login_throttle (
    key text constraint login_throttle_pk primary key,
    failures integer not null,
    first_failure_at timestamptz not null,
    locked_until timestamptz
  )`.execute(db);
  await sql`create table audit_log (
    id bigint generated always as identity constraint audit_log_pk primary key,
    at timestamptz not null default now(),
    actor_id integer,
    actor_name text,
    action text not null,
    entity_type text not null,
    entity_id text,
    before jsonb,
    after jsonb,
    request_id text,
    ip text,
    province_id integer
  )`.execute(db);
  await sql`create index audit_log_at_ix on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_entity_ix on audit_log (entity_type, entity_id)`.execute(db);
  await sql`create index audit_log_actor_ix on audit_log (actor_id, at desc)`.execute(db);
  await sql`create index audit_log_province_ix on audit_log (province_id, at desc)`.execute(db);
  await sql`create table attachment (
    id integer generated always as identity constraint attachment_pk primary key,
    owner_type text not null,
    owner_id text not null,
    province_id integer constraint attachment_province_fk references admin_unit (id),
    unit_id integer constraint attachment_unit_fk references admin_unit (id),
    file_name text not null,
    content_type text not null,
    size_bytes bigint not null,
    sha256 text not null,
    storage_key text not null constraint attachment_storage_key_uq unique,
    created_by integer constraint attachment_created_by_fk references app_user (id),
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index attachment_owner_ix on attachment (owner_type, owner_id)`.execute(db);
}
