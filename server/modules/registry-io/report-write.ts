import { type Kysely, sql } from 'kysely';
import { officialMembers, REPORT_FIELDS, totalMembers } from '../../../core/registry/report-fields.js';
import { figuresToColumns } from '../../../core/registry/report-input.js';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { requireUser } from '../auth/scope.js';
import { type BulkColumn, bulkInsert, bulkUpdate } from './bulk.js';
import type { ReportWrite } from './report-classify.js';

type C = BulkColumn<ReportWrite & { columns: Record<string, unknown> }>;
type Row = ReportWrite & { columns: Record<string, unknown> };

const SQL_TYPE = { int: 'int', money: 'numeric', percent: 'numeric', bool: 'boolean', date: 'date' } as const;

const OFFICIAL_KEYS = ['memberOfficialIndividual', 'memberOfficialHousehold', 'memberOfficialLegal'];
const MEMBER_KEYS = [...OFFICIAL_KEYS, 'memberAssociateCapital', 'memberAssociateNoncapital'];
const anyGiven = (f: Record<string, unknown>, keys: string[]) =>
  keys.some((k) => f[k] !== null && f[k] !== undefined);

const FIGURE_COLUMNS: C[] = [
  ...REPORT_FIELDS.map(
    (f): C => ({ name: f.column, type: SQL_TYPE[f.type], get: (r) => r.columns[f.column] ?? null }),
  ),
  // Derived as the report module derives them: null while no member figure is given.
  {
    name: 'members_official',
    type: 'int',
    get: (r) => (anyGiven(r.figures, OFFICIAL_KEYS) ? officialMembers(r.figures) : null),
  },
  {
    name: 'members_total',
    type: 'int',
    get: (r) => (anyGiven(r.figures, MEMBER_KEYS) ? totalMembers(r.figures) : null),
  },
  { name: 'status', type: 'text', get: (r) => r.status },
];

/**
 * Writes imported yearly reports in bulk: figures mapped to their columns by the shared catalogue
 * (figuresToColumns), member totals derived as the report module derives them, the status the importer may
 * give (submitted, or approved with the importer as reviewer), version + 1 on update.
 */
export async function writeReports(
  trx: Kysely<DB>,
  ctx: Ctx,
  inserts: ReportWrite[],
  updates: ReportWrite[],
) {
  const user = requireUser(ctx);
  const withColumns = (w: ReportWrite): Row => ({ ...w, columns: figuresToColumns(w.figures) });
  const now = new Date().toISOString();
  const approved = (r: Row) => r.status === 'approved';
  const inserted = await bulkInsert(
    trx,
    'annual_report',
    [
      { name: 'organisation_id', type: 'int', get: (r: Row) => r.organisationId },
      { name: 'year', type: 'smallint', get: (r: Row) => r.year },
      ...FIGURE_COLUMNS,
      { name: 'submitted_at', type: 'timestamptz', get: () => now },
      { name: 'submitted_by', type: 'int', get: () => user.id },
      { name: 'reviewed_at', type: 'timestamptz', get: (r: Row) => (approved(r) ? now : null) },
      { name: 'reviewed_by', type: 'int', get: (r: Row) => (approved(r) ? user.id : null) },
    ],
    inserts.map(withColumns),
  );
  const updated = await bulkUpdate(
    trx,
    'annual_report',
    { name: 'id', type: 'int', get: (r: Row) => r.id },
    FIGURE_COLUMNS,
    updates.map(withColumns),
    [
      sql`submitted_at = now()`,
      sql`submitted_by = ${user.id}`,
      sql`reviewed_at = case when v.status = 'approved' then now() else t.reviewed_at end`,
      sql`reviewed_by = case when v.status = 'approved' then ${user.id}::int else t.reviewed_by end`,
      sql`version = t.version + 1`,
      sql`updated_at = now()`,
    ],
  );
  return { inserted, updated };
}
