import { type Kysely, sql } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { listOrganisationIds, type OrganisationListSelection } from '../organisation/search-organisations.js';

/**
 * Filters of the organisation list, as the exports take them: the list's own filters, sort and page size
 * (same names as its query string), so that an export holds exactly the rows the list shows, in its order.
 */
export type OrgFilters = OrganisationListSelection;

/**
 * The organisations an export covers, with the names of their communes and provinces: every row the
 * organisation list shows for the same filters (its query, typo step and scope: listOrganisationIds), in the
 * list's order.
 */
export async function findOrganisationsForExport(ctx: Ctx, db: Kysely<DB>, f: OrgFilters) {
  const { ids } = await listOrganisationIds(ctx, f);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organisation')
    .innerJoin('admin_unit as c', 'c.id', 'organisation.commune_id')
    .innerJoin('admin_unit as p', 'p.id', 'organisation.province_id')
    .leftJoin('admin_unit as pc', 'pc.id', 'organisation.pre2025_commune_id')
    .selectAll('organisation')
    .select([
      'c.code as commune_code',
      'c.full_name as commune_name',
      'p.name as province_name',
      'pc.code as pre2025_code',
    ])
    .where(sql<boolean>`organisation.id = any(${ids}::int[])`)
    .execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}
