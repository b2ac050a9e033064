import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { organisationNameKey } from '../../../core/text.js';
import type { DB } from '../../db/schema.js';
import { hasTable } from './bulk.js';
import type { OrgPrepared } from './org-prepare.js';

/**
 * A fingerprint of every registry row an organisation file's classification reads: the organisations with
 * the file's codes or names (each with its row version xmin, which any update changes), their union links and
 * the retired codes among the file's. Equal fingerprints before classifying and inside the commit's
 * transaction mean the classification still holds, so the validation runs outside the transaction. With
 * `lock`, the organisations with the file's codes are locked until the commit ends.
 */
export async function organisationStamp(db: Kysely<DB>, p: OrgPrepared, lock: boolean): Promise<string> {
  const codes = [...new Set(p.drafts.map((d) => d.regCode).filter((c): c is string => !!c))];
  const names = [
    ...new Set(
      p.drafts
        .map((d) => d.provided.name)
        .filter((n): n is string => typeof n === 'string')
        .map(organisationNameKey),
    ),
  ];
  if (lock && codes.length)
    await sql`select id from organisation where reg_code = any(${codes}::text[]) for update`.execute(db);
  const orgs = await sql<{
    s: string | null;
  }>`select string_agg(id || ':' || xmin::text || ':' || reg_code, ',' order by id) as s
    from organisation where reg_code = any(${codes}::text[]) or name_key = any(${names}::text[])`.execute(db);
  const links = await sql<{
    s: string | null;
  }>`select string_agg(union_id || '-' || member_id || ':' || xmin::text, ',' order by union_id, member_id) as s
    from organisation_union_member where union_id in (select id from organisation where reg_code = any(${codes}::text[]))
      or member_id in (select id from organisation where reg_code = any(${codes}::text[]))`.execute(db);
  const retired = (await hasTable(db, 'organisation_retired_code'))
    ? (
        await sql<{
          s: string | null;
        }>`select string_agg(reg_code, ',' order by reg_code) as s from organisation_retired_code where reg_code = any(${codes}::text[])`.execute(
          db,
        )
      ).rows[0]?.s
    : '';
  return createHash('sha256')
    .update(`${orgs.rows[0]?.s ?? ''}|${links.rows[0]?.s ?? ''}|${retired ?? ''}`)
    .digest('hex');
}
