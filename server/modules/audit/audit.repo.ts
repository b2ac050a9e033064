import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** One row of the audit log as written by services. */
export interface AuditEntry {
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
  ip: string | null;
  provinceId: number | null;
}

/** Inserts one audit row; call it with the transaction of the change it records. */
export async function insertAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: e.actorId,
      actor_name: e.actorName,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId === null ? null : String(e.entityId),
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      request_id: e.requestId,
      ip: e.ip,
      province_id: e.provinceId,
    })
    .execute();
}

/** Filters for browsing the audit log. */
export interface AuditFilter {
  provinceId: number | null;
  actorId?: number;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Lists audit rows newest first, restricted to a province when given. */
export async function listAudit(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.provinceId !== null) q = q.where('province_id', '=', f.provinceId);
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+07:00`));
  if (f.to) q = q.where('at', '<', new Date(Date.parse(`${f.to}T00:00:00+07:00`) + 86_400_000));
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
