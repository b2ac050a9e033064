import { type Kysely, sql } from 'kysely';
import * as text from '../../../core/text.js';
import type { DB } from '../../db/schema.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { type BulkColumn, bulkInsert, bulkUpdate, hasColumn } from './bulk.js';
import type { OrgWrite } from './org-classify.js';

type C = BulkColumn<OrgWrite>;
const col = (name: string, type: string, get: (w: OrgWrite) => unknown): C => ({ name, type, get });

const COLUMNS: C[] = [
  col('kind', 'text', (w) => w.data.kind),
  col('credit_fund', 'boolean', (w) => w.data.creditFund),
  col('reg_code', 'text', (w) => w.data.regCode),
  col('name', 'text', (w) => w.data.name),
  col('name_key', 'text', (w) => w.nameKey ?? text.organisationNameKey(w.data.name)),
  col('short_name', 'text', (w) => w.data.shortName ?? null),
  col('commune_id', 'int', (w) => w.data.communeId),
  col('province_id', 'int', (w) => w.provinceId),
  col('pre2025_commune_id', 'int', (w) => w.data.pre2025CommuneId ?? null),
  col('address', 'text', (w) => w.data.address ?? null),
  col('phone', 'text', (w) => w.data.phone ?? null),
  col('email', 'text', (w) => w.data.email ?? null),
  col('founded_on', 'date', (w) => w.data.foundedOn ?? null),
  col('registered_on', 'date', (w) => w.data.registeredOn ?? null),
  col('registering_authority', 'text', (w) => w.data.registeringAuthority ?? null),
  col('charter_capital', 'numeric', (w) => w.data.charterCapital ?? null),
  col('legal_rep_name', 'text', (w) => w.data.legalRepName ?? null),
  col('legal_rep_title', 'text', (w) => w.data.legalRepTitle ?? null),
  col('vsic_code', 'text', (w) => w.data.vsicCode ?? null),
  col('field', 'text', (w) => w.data.field ?? null),
  col('agri_subtype', 'text', (w) => w.data.agriSubtype ?? null),
  col('new_model', 'text', (w) => w.data.newModel ?? null),
  col('governance', 'text', (w) => w.data.governance ?? null),
  col('legal_status', 'text', (w) => w.data.legalStatus),
  col('paper_only', 'boolean', (w) => w.data.paperOnly),
];

/**
 * The Vietnamese sort key (organisation.name_sort, migration 0005 with core/text.ts vietnameseSortKey) when
 * both exist in this build and database; the import works without it until they land.
 */
async function sortKeyColumn(db: Kysely<DB>): Promise<C | null> {
  const fn = (text as Record<string, unknown>).vietnameseSortKey;
  if (typeof fn !== 'function' || !(await hasColumn(db, 'organisation', 'name_sort'))) return null;
  return col('name_sort', 'text', (w) => w.nameSort ?? (fn as (s: string) => string)(w.data.name));
}

/**
 * Writes an import's organisations in bulk inside the caller's transaction: one INSERT over unnest() for the
 * new codes with their 'founded' lifecycle events (as the registry form creates them), one UPDATE joined to
 * unnest() for the changed ones (version + 1; status date when the legal status changes, as an edit does).
 */
export async function writeOrganisations(
  trx: Kysely<DB>,
  inserts: OrgWrite[],
  updates: OrgWrite[],
  userId: number | null = null,
) {
  const sortKey = await sortKeyColumn(trx);
  const cols = sortKey ? [...COLUMNS, sortKey] : COLUMNS;
  const today = todayInVietnam();
  // One statement inserts the organisations and their 'founded' events (one each), as the form does on create.
  const inserted = await bulkInsert(
    trx,
    'organisation',
    cols,
    inserts,
    sql`insert into organisation_event (organisation_id, kind, occurred_on, created_by)
    select ins.id, 'founded', coalesce(ins.founded_on, ins.registered_on, ${today}::date), ${userId}::int from ins`,
    ['id', 'founded_on', 'registered_on'],
  );
  const updated = await bulkUpdate(
    trx,
    'organisation',
    col('id', 'int', (w) => w.id),
    cols,
    updates,
    [
      sql`status_changed_on = case when t.legal_status is distinct from v.legal_status then ${today}::date else t.status_changed_on end`,
      sql`version = t.version + 1`,
      sql`updated_at = now()`,
    ],
  );
  return { inserted, updated };
}
