import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { hasTable } from './bulk.js';
import type { OrgPrepared } from './org-prepare.js';

/**
 * A fingerprint of every registry row an organisation file's classification reads: the organisations with
 * the file's codes, with the file's names or with the stored names of the file's codes (a row that leaves its
 * name empty keeps the stored one), each with its row version xmin, which any update changes; their union
 * links and the retired codes among the file's. Equal fingerprints before classifying and inside the commit's
 * transaction mean the classification still holds, so the validation runs outside the transaction (at the dry
 * run, or just before the commit). With `lock`, the organisations with the file's codes are locked until the
 * commit ends. One statement, the file's codes and names sent once.
 */
export async function organisationStamp(db: Kysely<DB>, p: OrgPrepared, lock: boolean): Promise<string> {
  const codes = [...new Set(p.drafts.map((d) => d.regCode).filter((c): c is string => !!c))];
  const names = [
    ...new Set(
      p.drafts
        .map((d) => d.provided.name)
        .filter((n): n is string => typeof n === 'string')
        .map(p.nameKey),
    ),
  ];
  const retired = (await hasTable(db, 'organisation_retired_code'))
    ? sql`(select string_agg(r.reg_code, ',' order by r.reg_code) from organisation_retired_code r
        where r.reg_code in (select reg_code from file_code))`
    : sql`''`;
  const r = await sql<{ orgs: string | null; links: string | null; retired: string | null }>`
    with file_code as materialized (select distinct unnest(${codes}::text[]) as reg_code),
    mine as materialized (
      select o.id, o.xmin::text as x, o.reg_code, o.name_key from organisation o
      where o.reg_code in (select reg_code from file_code) ${lock ? sql`for update of o` : sql``}
    ),
    file_name as materialized (
      select unnest(${names}::text[]) as name_key union select name_key from mine
    ),
    read as (
      select id, x, reg_code from mine
      union
      select o.id, o.xmin::text, o.reg_code from organisation o where o.name_key in (select name_key from file_name)
    )
    select
      (select string_agg(id || ':' || x || ':' || reg_code, ',' order by id) from read) as orgs,
      (select string_agg(l.union_id || '-' || l.member_id || ':' || l.xmin::text, ',' order by l.union_id, l.member_id)
        from organisation_union_member l
        where l.union_id in (select id from mine) or l.member_id in (select id from mine)) as links,
      ${retired} as retired`.execute(db);
  const s = r.rows[0];
  return createHash('sha256')
    .update(`${s?.orgs ?? ''}|${s?.links ?? ''}|${s?.retired ?? ''}`)
    .digest('hex');
}
