import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { orgDb } from './organisation.db.js';
import {
  filtered,
  PAGE_COLUMNS,
  relevanceTier,
  type SearchQuery,
  type TextFilter,
} from './organisation-search.repo.js';

/** Matches ranked in full by a relevance search (at least; a deeper page ranks up to its end). */
export const RANKED_CANDIDATES = 500;

/**
 * One page by relevance — tier (code, exact name, prefix, contains, other), `word_similarity` descending, then
 * Vietnamese name and id — without computing `word_similarity` for every match: a broad term ("nông nghiệp")
 * matches ~16,000 names at national scale and ranking them all was most of the search's time.
 *
 * The cheap part of the order (tier, name, id) picks the first `RANKED_CANDIDATES` matches; only those are ranked
 * in full. That is the exact page when fewer matches exist, or when every row of the page in the last tier
 * reached has `word_similarity` 1 (its maximum): a match left out of that tier follows them by name and cannot
 * rank higher, and earlier tiers are complete. Otherwise it returns null and the caller ranks every match.
 */
export async function rankedPage(
  db: Kysely<DB>,
  q: SearchQuery,
  t: TextFilter,
  candidates = RANKED_CANDIDATES,
) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const cap = Math.max(candidates, q.offset + q.limit);
  const rows = await orgDb(db)
    .with('ranked', () =>
      filtered(db, q)
        .select(['o.id', relevanceTier(t).as('tier'), 'o.name_key', 'o.name_sort'])
        .orderBy(sql`tier`)
        .orderBy(sql`o.name_sort collate "C" ${dir}`)
        .orderBy(sql`o.id ${dir}`)
        .limit(cap),
    )
    .with('top', (qc) =>
      qc
        .selectFrom('ranked as r')
        .select([
          'r.id',
          'r.tier',
          'r.name_sort',
          sql<number>`word_similarity(${t.key}, r.name_key)`.as('similarity'),
          sql<string>`(select count(*) from ranked)`.as('candidates'),
          sql<number>`(select max(tier) from ranked)`.as('last_tier'),
        ])
        .orderBy('r.tier')
        .orderBy(sql`similarity desc`)
        .orderBy(sql`r.name_sort collate "C" ${dir}`)
        .orderBy(sql`r.id ${dir}`)
        .limit(q.limit)
        .offset(q.offset),
    )
    // Only the page is joined to its commune and province.
    .selectFrom('top')
    .innerJoin('organisation as o', 'o.id', 'top.id')
    .innerJoin('admin_unit as c', 'c.id', 'o.commune_id')
    .innerJoin('admin_unit as p', 'p.id', 'o.province_id')
    .select([...PAGE_COLUMNS, 'top.tier', 'top.similarity', 'top.candidates', 'top.last_tier'])
    .orderBy('top.tier')
    .orderBy('top.similarity', 'desc')
    .orderBy(sql`top.name_sort collate "C" ${dir}`)
    .orderBy(sql`top.id ${dir}`)
    .execute();
  const capped = rows.length > 0 && Number(rows[0].candidates) >= cap;
  if (capped && !rows.every((r) => r.tier < r.last_tier || r.similarity >= 1)) return null;
  return rows.map(({ tier: _t, similarity: _s, candidates: _c, last_tier: _l, ...row }) => row);
}
