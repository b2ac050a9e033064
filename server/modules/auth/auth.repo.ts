import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A user row joined with its scope unit, as the session and login need it. */
export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

/** Finds a live session and its user by the token's hash. */
export async function findSession(db: Kysely<DB>, tokenHash: string) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.username',
      'u.full_name',
      'u.role',
      'u.scope_unit_id',
      'u.organisation_id',
      'u.active',
    ])
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Stores a new session. */
export async function insertSession(
  db: Kysely<DB>,
  s: { tokenHash: string; userId: number; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('session')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/** Deletes one session. */
export async function deleteSession(db: Kysely<DB>, tokenHash: string) {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

/** Deletes every session of a user (password change, deactivation). */
export async function deleteUserSessions(db: Kysely<DB>, userId: number, exceptHash?: string) {
  let q = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptHash) q = q.where('token_hash', '!=', exceptHash);
  await q.execute();
}

/** Marks a session as seen now (sliding idle timeout). */
export async function touchSession(db: Kysely<DB>, tokenHash: string) {
  await db
    .updateTable('session')
    .set({ last_seen_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** The failure counter of a throttling key. */
export async function getThrottle(db: Kysely<DB>, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Writes a failure counter (insert or replace). */
export async function putThrottle(
  db: Kysely<DB>,
  row: { key: string; failures: number; firstFailureAt: Date; lockedUntil: Date | null },
) {
  await db
    .insertInto('login_throttle')
    .values({
      key: row.key,
      failures: row.failures,
      first_failure_at: row.firstFailureAt,
      locked_until: row.lockedUntil,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        first_failure_at: row.firstFailureAt,
        locked_until: row.lockedUntil,
      }),
    )
    .execute();
}

/** Forgets a key's failures after a successful login. */
export async function clearThrottle(db: Kysely<DB>, key: string) {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
