import { type Kysely, sql } from 'kysely';
import { foldVietnamese } from '../../../core/text.js';
import type { DB } from '../../db/schema.js';

const COLUMNS = [
  'u.id',
  'u.username',
  'u.full_name',
  'u.email',
  'u.role',
  'u.scope_unit_id',
  'u.organisation_id',
  'u.active',
  'u.version',
  'u.created_at',
  'u.last_login_at',
  'su.full_name as scope_unit_name',
  'su.province_id as scope_province_id',
  'su.level as scope_level',
] as const;

function base(db: Kysely<DB>) {
  return db
    .selectFrom('app_user as u')
    .leftJoin('admin_unit as su', 'su.id', 'u.scope_unit_id')
    .select([...COLUMNS]);
}

/** A user row with its scope unit's name and province. */
export type UserRecord = NonNullable<Awaited<ReturnType<typeof findUser>>>;

/** One user by id. */
export async function findUser(db: Kysely<DB>, id: number) {
  return base(db).where('u.id', '=', id).executeTakeFirst();
}

/** Users inside a province (or all for null), filtered by a folded text over username and name. */
export async function listUsers(
  db: Kysely<DB>,
  o: { provinceId: number | null; q?: string; limit: number; offset: number },
) {
  let q = base(db);
  if (o.provinceId !== null) {
    q = q.where((eb) => eb.or([eb('su.province_id', '=', o.provinceId), eb('su.id', '=', o.provinceId)]));
  }
  if (o.q) {
    // Usernames keep their dots and dashes; names are compared folded (no diacritics).
    const raw = `%${o.q
      .trim()
      .toLowerCase()
      .replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const folded = `%${foldVietnamese(o.q)}%`;
    q = q.where((eb) =>
      eb.or([eb('u.username', 'like', raw), eb(sql`hoptac_fold(u.full_name)`, 'like', folded)]),
    );
  }
  const [rows, total] = await Promise.all([
    q.orderBy('u.username').limit(o.limit).offset(o.offset).execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Inserts a user and returns its id. */
export async function insertUser(
  db: Kysely<DB>,
  u: {
    username: string;
    fullName: string;
    email: string | null;
    passwordHash: string;
    role: string;
    scopeUnitId: number | null;
    organisationId: number | null;
    mustChangePassword: boolean;
  },
) {
  const r = await db
    .insertInto('app_user')
    .values({
      username: u.username,
      full_name: u.fullName,
      email: u.email,
      password_hash: u.passwordHash,
      role: u.role,
      scope_unit_id: u.scopeUnitId,
      organisation_id: u.organisationId,
      must_change_password: u.mustChangePassword,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Updates a user if its version still matches; returns false on a concurrent change. */
export async function updateUser(
  db: Kysely<DB>,
  id: number,
  version: number,
  set: Partial<{
    full_name: string;
    email: string | null;
    role: string;
    scope_unit_id: number | null;
    organisation_id: number | null;
    active: boolean;
    password_hash: string;
    must_change_password: boolean;
  }>,
) {
  const r = await db
    .updateTable('app_user')
    .set((eb) => ({ ...set, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
