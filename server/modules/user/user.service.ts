import { assignableRoles, type Role } from '../../../core/permissions.js';
import type { Ctx, SessionUser } from '../../context.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../http/problem.js';
import { getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteUserSessions } from '../auth/auth.repo.js';
import { ROLE_LABELS } from '../auth/auth.service.js';
import { assertPasswordPolicy, generateTemporaryPassword, hashPassword } from '../auth/password.js';
import { requireUser, scopeProvinceFilter } from '../auth/scope.js';
import { getOrganisationLocation } from '../organisation/organisation-location.js';
import * as repo from './user.repo.js';

/** A user as the API returns it (never the password hash). */
export function toUserDto(r: repo.UserRecord) {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    email: r.email,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role as Role] ?? r.role,
    scopeLabel: r.role === 'national' ? 'Toàn quốc' : (r.scope_unit_name ?? ''),
    scopeUnitId: r.scope_unit_id,
    organisationId: r.organisation_id,
    active: r.active,
    version: r.version,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

function auditView(r: repo.UserRecord) {
  const {
    version: _v,
    created_at: _c,
    last_login_at: _l,
    scope_province_id: _p,
    scope_level: _s,
    ...rest
  } = r;
  return rest;
}

function provinceOfRecord(r: repo.UserRecord): number | null {
  if (!r.scope_unit_id) return null;
  return r.scope_level === 1 ? r.scope_unit_id : r.scope_province_id;
}

/** Throws 404 unless the target user lies inside the caller's scope (national users only for national callers). */
function assertUserInScope(caller: SessionUser, target: repo.UserRecord) {
  if (caller.scope.type === 'nation') return;
  const p = provinceOfRecord(target);
  if (p === null || p !== caller.scope.provinceId) throw notFound('Không tìm thấy người dùng.');
}

async function loadUserInScope(ctx: Ctx, id: number) {
  const r = await repo.findUser(ctx.db, id);
  if (!r) throw notFound('Không tìm thấy người dùng.');
  assertUserInScope(requireUser(ctx), r);
  return r;
}

/** Checks a role/scope pair: the role is assignable by the caller and the unit fits the role and the caller's scope. */
async function validateAssignment(
  ctx: Ctx,
  role: Role,
  scopeUnitId: number | null,
  organisationId: number | null,
) {
  const caller = requireUser(ctx);
  if (!assignableRoles(caller.role).includes(role)) {
    throw forbidden('Bạn không được phép gán vai trò này.');
  }
  if (role === 'national') {
    if (scopeUnitId !== null)
      throw invalid('user.scope_mismatch', 'Người dùng trung ương không gắn với đơn vị hành chính.');
    return;
  }
  if (scopeUnitId === null) {
    throw invalid('user.scope_required', 'Vui lòng chọn đơn vị phạm vi cho người dùng.', [
      { path: 'scopeUnitId', message: 'Bắt buộc.' },
    ]);
  }
  const unit = await getUnitBasics(ctx.db, scopeUnitId);
  if (!unit)
    throw invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
      { path: 'scopeUnitId', message: 'Không tồn tại.' },
    ]);
  const province = unit.level === 1 ? unit.id : unit.provinceId;
  if (caller.scope.type !== 'nation' && province !== caller.scope.provinceId) {
    throw invalid('user.scope_outside', 'Đơn vị được chọn nằm ngoài phạm vi quản lý của bạn.', [
      { path: 'scopeUnitId', message: 'Ngoài phạm vi.' },
    ]);
  }
  const needsProvince = role === 'province_admin' || role === 'province_officer';
  if (needsProvince !== (unit.level === 1) || (!needsProvince && unit.level !== 3)) {
    throw invalid(
      'user.scope_mismatch',
      needsProvince
        ? 'Vai trò cấp tỉnh phải gắn với một tỉnh/thành phố.'
        : 'Vai trò này phải gắn với một xã/phường/đặc khu.',
      [{ path: 'scopeUnitId', message: 'Không phù hợp với vai trò.' }],
    );
  }
  const current = await ctx.db
    .selectFrom('admin_unit')
    .select('era')
    .where('id', '=', scopeUnitId)
    .executeTakeFirstOrThrow();
  if (current.era !== 'post2025') {
    throw invalid(
      'user.scope_obsolete',
      'Đơn vị đã thôi tồn tại sau sắp xếp 1/7/2025; hãy chọn đơn vị hiện hành.',
      [{ path: 'scopeUnitId', message: 'Đơn vị cũ.' }],
    );
  }
  if (role === 'coop_user' && organisationId === null) {
    throw invalid('user.organisation_required', 'Người dùng của tổ chức phải gắn với một tổ chức.', [
      { path: 'organisationId', message: 'Bắt buộc.' },
    ]);
  }
  if (role === 'coop_user') {
    // The organisation decides what a cooperative user sees, so it must exist and lie in the chosen commune
    // (and thus in the caller's scope): otherwise an admin could bind a user to another province's organisation.
    const org = await getOrganisationLocation(ctx.db, organisationId!);
    if (!org || org.communeId !== scopeUnitId) {
      throw invalid(
        'user.organisation_mismatch',
        'Tổ chức không tồn tại hoặc không thuộc xã/phường đã chọn.',
        [{ path: 'organisationId', message: 'Không phù hợp.' }],
      );
    }
  }
}

/** Lists users inside the caller's scope. */
export async function listUsers(ctx: Ctx, q: { q?: string; page: number; pageSize: number }) {
  const { rows, total } = await repo.listUsers(ctx.db, {
    provinceId: scopeProvinceFilter(ctx),
    q: q.q || undefined,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map(toUserDto), total };
}

/** Input for creating a user. */
export interface CreateUserInput {
  username: string;
  fullName: string;
  email?: string | null;
  role: Role;
  scopeUnitId?: number | null;
  organisationId?: number | null;
  password: string;
}

/** Creates a user in the caller's scope; the user must change the password at first login. */
export async function createUser(ctx: Ctx, input: CreateUserInput) {
  const username = input.username.trim().toLowerCase();
  await validateAssignment(ctx, input.role, input.scopeUnitId ?? null, input.organisationId ?? null);
  assertPasswordPolicy(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (taken) throw conflict('user.username_taken', `Tên đăng nhập "${username}" đã được sử dụng.`);
    const id = await repo.insertUser(trx, {
      username,
      fullName: input.fullName.trim(),
      email: input.email?.trim() || null,
      passwordHash,
      role: input.role,
      scopeUnitId: input.scopeUnitId ?? null,
      organisationId: input.organisationId ?? null,
      mustChangePassword: true,
    });
    const created = (await repo.findUser(trx, id))!;
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: auditView(created),
      provinceId: provinceOfRecord(created),
    });
    return toUserDto(created);
  });
}

/** Input for editing a user; `version` guards against overwriting a concurrent change. */
export interface UpdateUserInput {
  fullName?: string;
  email?: string | null;
  role?: Role;
  scopeUnitId?: number | null;
  organisationId?: number | null;
  version: number;
}

async function mutateUser(
  ctx: Ctx,
  id: number,
  version: number,
  action: string,
  set: Parameters<typeof repo.updateUser>[3],
) {
  const dto = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.findUser(trx, id);
    if (!before) throw notFound('Không tìm thấy người dùng.');
    if (!(await repo.updateUser(trx, id, version, set))) {
      throw conflict(
        'user.version_conflict',
        'Người dùng này vừa được người khác sửa. Hãy tải lại để xem thay đổi trước khi lưu.',
        {
          current: toUserDto(before),
        },
      );
    }
    const after = (await repo.findUser(trx, id))!;
    if (set.active === false || set.password_hash || set.role || set.scope_unit_id !== undefined)
      await deleteUserSessions(trx, id);
    await recordAudit(trx, ctx, {
      action,
      entityType: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
      provinceId: provinceOfRecord(after),
    });
    return toUserDto(after);
  });
  // After the commit: a session read before it must not stay cached with the old user (name, role, state).
  ctx.sessions.forgetUser(id);
  return dto;
}

/** Edits a user's name, e-mail, role or scope. */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput) {
  const current = await loadUserInScope(ctx, id);
  const role = input.role ?? (current.role as Role);
  const roleOrScopeChanged =
    input.role !== undefined || input.scopeUnitId !== undefined || input.organisationId !== undefined;
  if (roleOrScopeChanged) {
    await validateAssignment(
      ctx,
      role,
      input.scopeUnitId !== undefined ? input.scopeUnitId : current.scope_unit_id,
      input.organisationId !== undefined ? input.organisationId : current.organisation_id,
    );
  }
  if (id === requireUser(ctx).id && input.role !== undefined && input.role !== current.role) {
    throw forbidden('Bạn không thể tự thay đổi vai trò của mình.');
  }
  const set: Parameters<typeof repo.updateUser>[3] = {};
  if (input.fullName !== undefined) set.full_name = input.fullName.trim();
  if (input.email !== undefined) set.email = input.email?.trim() || null;
  if (input.role !== undefined) set.role = input.role;
  if (input.scopeUnitId !== undefined) set.scope_unit_id = input.scopeUnitId;
  if (input.organisationId !== undefined) set.organisation_id = input.organisationId;
  return mutateUser(ctx, id, input.version, 'user.update', set);
}

/** Sets a new temporary password, ends the user's sessions and returns the password once. */
export async function resetUserPassword(ctx: Ctx, id: number) {
  const current = await loadUserInScope(ctx, id);
  const temporaryPassword = generateTemporaryPassword();
  await mutateUser(ctx, id, current.version, 'user.reset_password', {
    password_hash: await hashPassword(temporaryPassword),
    must_change_password: true,
  });
  return { temporaryPassword };
}

/** Activates or deactivates an account; a deactivated user's sessions end at once. */
export async function setUserActive(ctx: Ctx, id: number, active: boolean) {
  const current = await loadUserInScope(ctx, id);
  if (!active && id === requireUser(ctx).id)
    throw new AppError(400, 'user.self_deactivate', 'Bạn không thể tự khóa tài khoản của mình.');
  return mutateUser(ctx, id, current.version, active ? 'user.activate' : 'user.deactivate', { active });
}

/** One user inside the caller's scope. */
export async function getUser(ctx: Ctx, id: number) {
  return toUserDto(await loadUserInScope(ctx, id));
}
