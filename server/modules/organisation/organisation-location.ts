import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OrgLocation } from '../auth/scope.js';

/** Where an organisation lies (province and commune of today), or null when it does not exist. */
export async function getOrganisationLocation(db: Kysely<DB>, id: number): Promise<OrgLocation | null> {
  const r = await db
    .selectFrom('organisation')
    .select(['id', 'province_id', 'commune_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? { id: r.id, provinceId: r.province_id, communeId: r.commune_id } : null;
}
