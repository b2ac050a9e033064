import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type BulkColumn, bulkInsert, bulkUpdate } from './bulk.js';
import { MEMBER_COLUMNS } from './columns-member.js';
import type { ImportHandler } from './import-types.js';
import { classifyMembers, type MemberWrite } from './member-classify.js';
import { type MemberPrepared, prepareMembers } from './member-prepare.js';

type C = BulkColumn<MemberWrite>;
const COLUMNS: C[] = [
  { name: 'member_type', type: 'text', get: (w) => w.data.memberType },
  { name: 'full_name', type: 'text', get: (w) => w.data.fullName },
  { name: 'birth_date', type: 'date', get: (w) => w.data.birthDate ?? null },
  { name: 'gender', type: 'text', get: (w) => w.data.gender ?? null },
  { name: 'ethnicity', type: 'text', get: (w) => w.data.ethnicity ?? null },
  { name: 'nationality', type: 'text', get: (w) => w.data.nationality ?? null },
  { name: 'id_number', type: 'text', get: (w) => w.data.idNumber ?? null },
  { name: 'org_code', type: 'text', get: (w) => w.data.orgCode ?? null },
  { name: 'address', type: 'text', get: (w) => w.data.address ?? null },
  { name: 'capital_pledged', type: 'numeric', get: (w) => w.data.capitalPledged ?? null },
  { name: 'capital_paid', type: 'numeric', get: (w) => w.data.capitalPaid ?? null },
  { name: 'joined_on', type: 'date', get: (w) => w.data.joinedOn ?? null },
  { name: 'left_on', type: 'date', get: (w) => w.data.leftOn ?? null },
];

/** Writes imported members in bulk (one INSERT and one UPDATE over unnest arrays). */
export async function writeMembers(trx: Kysely<DB>, inserts: MemberWrite[], updates: MemberWrite[]) {
  const inserted = await bulkInsert(
    trx,
    'member',
    [{ name: 'organisation_id', type: 'int', get: (w) => w.organisationId }, ...COLUMNS],
    inserts,
  );
  const updated = await bulkUpdate(
    trx,
    'member',
    { name: 'id', type: 'int', get: (w) => w.id },
    COLUMNS,
    updates,
    [sql`version = t.version + 1`, sql`updated_at = now()`],
  );
  return { inserted, updated };
}

/** Import of member registers, matched by ID number (else name and birth date) within each organisation. */
export const memberImport: ImportHandler<MemberPrepared, MemberWrite> = {
  kind: 'members',
  columns: MEMBER_COLUMNS,
  prepare: prepareMembers,
  classify: classifyMembers,
  write: (trx, _ctx, c) => writeMembers(trx, c.inserts, c.updates),
};
