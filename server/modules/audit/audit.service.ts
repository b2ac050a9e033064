import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../http/problem.js';
import { scopeProvinceFilter } from '../auth/scope.js';
import { insertAudit, listAudit } from './audit.repo.js';

/** What changed, as a service describes it; the actor and request come from the context. */
export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  provinceId: number | null;
}

/** Writes the one audit row of a mutation, inside that mutation's transaction `trx`. */
export async function recordAudit(trx: Kysely<DB>, ctx: Ctx, change: AuditChange): Promise<void> {
  await insertAudit(trx, {
    ...change,
    actorId: ctx.user?.id ?? null,
    actorName: ctx.user ? `${ctx.user.fullName} (${ctx.user.username})` : null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
}

/** Input of the audit browser. */
export interface AuditQuery {
  actorId?: number;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Lists audit rows visible to the caller: all for the nation, its province's rows for a province admin. */
export async function browseAudit(ctx: Ctx, q: AuditQuery) {
  if (q.from && q.to && q.from > q.to) {
    throw new AppError(400, 'audit.invalid_range', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
  }
  const { rows, total } = await listAudit(ctx.db, {
    provinceId: scopeProvinceFilter(ctx),
    actorId: q.actorId,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from,
    to: q.to,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: r.request_id,
    })),
  };
}
