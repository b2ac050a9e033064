import { createHash, randomBytes } from 'node:crypto';
import { assignableRoles, ROLE_PERMISSIONS, type Role } from '../../../core/permissions.js';
import type { Ctx, SessionUser } from '../../context.js';
import { cachedRead, deepFreeze } from '../../db/read-cache.js';
import { AppError } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { getOrganisationLocation } from '../organisation/organisation-location.js';
import * as repo from './auth.repo.js';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { requireUser } from './scope.js';
import type { CachedSession } from './session-cache.js';

const MAX_USER_FAILURES = 5;
const MAX_IP_FAILURES = 30;
const WINDOW_MS = 15 * 60_000;
// A hash of a random password: verifying against it keeps unknown-user logins as slow as wrong passwords.
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

/** SHA-256 of a session token: only this is stored, so a database leak does not leak sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export const ROLE_LABELS: Record<Role, string> = {
  national: 'Cán bộ trung ương',
  province_admin: 'Quản trị cấp tỉnh',
  province_officer: 'Cán bộ cấp tỉnh',
  commune_officer: 'Cán bộ cấp xã',
  coop_user: 'Người dùng tổ chức kinh tế tập thể',
};

function lowerFirst(s: string) {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Resolves a user row's scope unit to province/commune ids. */
export async function resolveSessionUser(
  ctx: Pick<Ctx, 'db'>,
  row: {
    id: number;
    username: string;
    full_name: string;
    role: string;
    scope_unit_id: number | null;
    organisation_id: number | null;
  },
): Promise<SessionUser> {
  const role = row.role as Role;
  // A cooperative user's scope is its organisation; its unit is the organisation's commune.
  const org =
    role === 'coop_user' && row.organisation_id
      ? await getOrganisationLocation(ctx.db, row.organisation_id)
      : null;
  const unitId = org ? org.communeId : row.scope_unit_id;
  const unit = unitId ? await getUnitBasics(ctx.db, unitId) : null;
  const type =
    role === 'national'
      ? 'nation'
      : role === 'coop_user'
        ? 'organisation'
        : unit?.level === 1
          ? 'province'
          : 'commune';
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role,
    scope: {
      type,
      unitId: unit?.id ?? null,
      provinceId: unit ? (unit.level === 1 ? unit.id : unit.provinceId) : null,
      communeId: unit && unit.level === 3 ? unit.id : null,
      organisationId: row.organisation_id,
    },
  };
}

/** The human label of a scope: "Sở Tài chính tỉnh Lạng Sơn", "UBND Xã Đồng Đăng, tỉnh Lạng Sơn". */
export async function scopeLabel(ctx: Pick<Ctx, 'db'>, user: SessionUser): Promise<string> {
  if (user.scope.type === 'nation') return 'Bộ Tài chính — toàn quốc';
  const unit = user.scope.unitId ? await getUnitBasics(ctx.db, user.scope.unitId) : null;
  if (!unit) return '';
  if (unit.level === 1) return `Sở Tài chính ${lowerFirst(unit.fullName)}`;
  const province = unit.provinceId ? await getUnitBasics(ctx.db, unit.provinceId) : null;
  const prefix = user.scope.type === 'organisation' ? 'Tổ chức tại' : 'UBND';
  return `${prefix} ${unit.fullName}${province ? `, ${lowerFirst(province.fullName)}` : ''}`;
}

/** The caller's profile as the web app needs it. */
export async function describeMe(ctx: Ctx) {
  const user = requireUser(ctx);
  // The scope's code and label depend on the scope alone: one read for every user of it until units change.
  const where = await cachedRead(ctx, 'scope-label', null, async () => ({
    unitCode: user.scope.unitId ? ((await getUnitBasics(ctx.db, user.scope.unitId))?.code ?? null) : null,
    label: await scopeLabel(ctx, user),
  }));
  // The answer depends on the user and `where` alone: a cached session's user object (session-cache.ts) gets the
  // same frozen answer back, which the HTTP layer then sends as JSON bytes made once (server/http/json.ts).
  const known = meAnswers.get(user);
  if (known?.where === where) return known.me;
  const me = deepFreeze(meAnswer(user, where));
  meAnswers.set(user, { where, me });
  return me;
}

function meAnswer(user: SessionUser, where: { unitCode: string | null; label: string }) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role],
    scope: {
      type: user.scope.type,
      unitId: user.scope.unitId,
      unitCode: where.unitCode,
      organisationId: user.scope.organisationId,
      label: where.label,
    },
    permissions: [...ROLE_PERMISSIONS[user.role]],
    assignableRoles: assignableRoles(user.role),
  };
}

const meAnswers = new WeakMap<SessionUser, { where: object; me: ReturnType<typeof meAnswer> }>();

async function checkThrottle(ctx: Ctx, keys: string[]) {
  for (const key of keys) {
    const t = await repo.getThrottle(ctx.db, key);
    if (t?.locked_until && new Date(t.locked_until).getTime() > Date.now()) {
      const minutes = Math.ceil((new Date(t.locked_until).getTime() - Date.now()) / 60_000);
      throw new AppError(
        429,
        'auth.throttled',
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
      );
    }
  }
}

async function recordFailure(ctx: Ctx, username: string, userId: number | null, keys: [string, number][]) {
  await ctx.db.transaction().execute(async (trx) => {
    for (const [key, max] of keys) {
      const t = await repo.getThrottle(trx, key);
      const now = new Date();
      const fresh = !t || now.getTime() - new Date(t.first_failure_at).getTime() > WINDOW_MS;
      const failures = fresh ? 1 : t.failures + 1;
      await repo.putThrottle(trx, {
        key,
        failures,
        firstFailureAt: fresh ? now : new Date(t.first_failure_at),
        lockedUntil: failures >= max ? new Date(now.getTime() + WINDOW_MS) : null,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: userId,
      after: { username },
      provinceId: null,
    });
  });
}

/** Checks credentials with throttling; on success creates a new session (rotating any old one). */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string },
  oldTokenHash: string | null,
) {
  const username = input.username.trim().toLowerCase();
  const keys = [`u:${username}`, `ip:${ctx.ip ?? 'unknown'}`];
  await checkThrottle(ctx, keys);
  const row = await repo.findUserByUsername(ctx.db, username);
  let ok = false;
  if (row) ok = await verifyPassword(row.password_hash, input.password);
  // Unknown user: verify against a dummy hash anyway so timing does not reveal which usernames exist.
  else await verifyPassword(await DUMMY_HASH, input.password);
  if (!row || !ok) {
    await recordFailure(ctx, username, row?.id ?? null, [
      [keys[0], MAX_USER_FAILURES],
      [keys[1], MAX_IP_FAILURES],
    ]);
    throw new AppError(401, 'auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (!row.active) {
    throw new AppError(
      403,
      'auth.account_disabled',
      'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên cấp tỉnh.',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const user = await resolveSessionUser(ctx, row);
  const sctx: Ctx = { ...ctx, user };
  await ctx.db.transaction().execute(async (trx) => {
    if (oldTokenHash) await repo.deleteSession(trx, oldTokenHash);
    await repo.clearThrottle(trx, keys[0]);
    await repo.insertSession(trx, {
      tokenHash,
      userId: row.id,
      expiresAt: new Date(Date.now() + ctx.config.sessionAbsoluteHours * 3_600_000),
      ip: ctx.ip,
      userAgent: null,
    });
    await trx.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', row.id).execute();
    await recordAudit(trx, sctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: row.id,
      provinceId: user.scope.provinceId,
    });
  });
  if (oldTokenHash) ctx.sessions.forget(oldTokenHash);
  return { token, user: sctx };
}

/** Sessions are marked as seen at most this often (sliding idle timeout; keeps reads cheap). */
export const TOUCH_EVERY_MS = 60_000;

/** What `authenticate` makes of a cached session at `now`: usable as is, usable after marking it seen, or stale. */
function cachedState(hit: CachedSession, now: number, idleMs: number): 'valid' | 'touch' | 'stale' {
  if (hit.expiresAt <= now || hit.lastSeenAt + idleMs <= now) return 'stale';
  return now - hit.lastSeenAt > TOUCH_EVERY_MS ? 'touch' : 'valid';
}

/**
 * The cached session of `tokenHash` when `authenticate` would accept it from the cache at `now` without writing
 * anything (no touch due), else undefined. For the HTTP fast lane (http/fast-lane.ts): the same rules, from the
 * same cache, so the lane answers exactly when the full path would find the session valid and do nothing more.
 */
export function cachedSessionAsIs(
  ctx: Pick<Ctx, 'config' | 'sessions'>,
  tokenHash: string,
  now: number,
): CachedSession | undefined {
  const hit = ctx.sessions.lookup(tokenHash, now);
  return hit && cachedState(hit, now, ctx.config.sessionIdleMinutes * 60_000) === 'valid' ? hit : undefined;
}

/**
 * Returns the session's user, or null when missing, expired (idle or absolute) or deactivated. A session
 * validated within SESSION_CACHE_SECONDS is taken from the process's cache; its timeouts are still checked on
 * every request from the cached timestamps, and one that looks timed out is decided by the database.
 */
export async function authenticate(
  ctx: Pick<Ctx, 'db' | 'config' | 'sessions'>,
  tokenHash: string,
): Promise<SessionUser | null> {
  const now = Date.now();
  const idleMs = ctx.config.sessionIdleMinutes * 60_000;
  const hit = ctx.sessions.lookup(tokenHash, now);
  const state = hit && cachedState(hit, now, idleMs);
  if (hit && state !== 'stale') {
    if (state === 'touch') {
      hit.lastSeenAt = now; // before the write, so that concurrent requests do not all write
      await repo.touchSession(ctx.db, tokenHash);
    }
    return hit.user;
  }
  if (hit) ctx.sessions.forget(tokenHash);
  // The requests of one session in flight when its cached entry ends share one read (SessionCache.readOnce).
  return ctx.sessions.readOnce(tokenHash, (generation) =>
    readSession(ctx, tokenHash, generation, now, idleMs),
  );
}

/** `authenticate` from the database: the session's user or null, cached unless an invalidation came in between. */
async function readSession(
  ctx: Pick<Ctx, 'db' | 'config' | 'sessions'>,
  tokenHash: string,
  generation: number,
  now: number,
  idleMs: number,
): Promise<SessionUser | null> {
  const s = await repo.findSession(ctx.db, tokenHash);
  if (!s) return null;
  const expiresAt = new Date(s.expires_at).getTime();
  let lastSeenAt = new Date(s.last_seen_at).getTime();
  if (!s.active || expiresAt <= now || lastSeenAt + idleMs <= now) {
    await repo.deleteSession(ctx.db, tokenHash);
    return null;
  }
  if (now - lastSeenAt > TOUCH_EVERY_MS) {
    await repo.touchSession(ctx.db, tokenHash);
    lastSeenAt = now;
  }
  const user = await resolveSessionUser(ctx, s);
  ctx.sessions.remember(tokenHash, { user, lastSeenAt, expiresAt }, generation, now);
  return user;
}

/** Ends the current session. */
export async function logout(ctx: Ctx, tokenHash: string) {
  const user = requireUser(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, tokenHash);
    await recordAudit(trx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: user.id,
      provinceId: user.scope.provinceId,
    });
  });
  ctx.sessions.forget(tokenHash);
}

/** Changes the caller's own password after checking the current one; other sessions are ended. */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string },
  currentTokenHash: string | null,
) {
  const user = requireUser(ctx);
  const row = await repo.findUserByUsername(ctx.db, user.username);
  if (!row || !(await verifyPassword(row.password_hash, input.currentPassword))) {
    throw new AppError(400, 'auth.wrong_current_password', 'Mật khẩu hiện tại không đúng.', [
      { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  assertPasswordPolicy(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: false,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', user.id)
      .execute();
    await repo.deleteUserSessions(trx, user.id, currentTokenHash ?? undefined);
    await recordAudit(trx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      provinceId: user.scope.provinceId,
    });
  });
  // The other sessions are gone from the database; the current one is read again on its next request.
  ctx.sessions.forgetUser(user.id);
}
