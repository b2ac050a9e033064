/** Whether an organisation has its own account (an active cooperative user bound to it), for other modules' rules. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** True when at least one active coop_user account belongs to the organisation. */
export async function organisationHasOwnAccount(db: Kysely<DB>, organisationId: number): Promise<boolean> {
  const r = await db
    .selectFrom('app_user')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'coop_user')
    .where('active', '=', true)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
