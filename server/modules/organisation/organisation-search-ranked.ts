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

/** Which matches a ranking read: the first tiers only (from the name-key prefix index), or every match. */
export type RankedPath = 'first-tiers' | 'all';

/**
 * One page by relevance — tier (code, exact name, prefix, contains, other), `word_similarity` descending, then
 * Vietnamese name and id — without computing `word_similarity` for every match: a broad term ("nông nghiệp")
 * matches ~16,000 names at national scale and ranking them all was most of the search's time.
 *
 * The cheap part of the order (tier, name, id) picks the first `RANKED_CANDIDATES` matches; only those are ranked
 * in full. That is the exact page when fewer matches exist, or when every row of the page in the last tier
 * reached has `word_similarity` 1 (its maximum): a match left out of that tier follows them by name and cannot
 * rank higher, and earlier tiers are complete. Otherwise it returns null and the caller ranks every match.
 *
 * The first tiers (the code itself, names equal to or starting with the key) sort before every other match, so
 * when they alone hold the candidates, the candidates are theirs: they are read first, from the name-key prefix
 * index (migration 0013), and the matches that only contain the words are not visited at all. Fewer than that,
 * and every match is read.
 */
export async function rankedPage(
  db: Kysely<DB>,
  q: SearchQuery,
  t: TextFilter,
  candidates = RANKED_CANDIDATES,
) {
  return (await rankedPageVia(db, q, t, candidates)).rows;
}

/** rankedPage, and which matches it read (for tests). */
export async function rankedPageVia(
  db: Kysely<DB>,
  q: SearchQuery,
  t: TextFilter,
  candidates = RANKED_CANDIDATES,
): Promise<{ rows: Awaited<ReturnType<typeof ranked>>['rows']; path: RankedPath }> {
  const cap = Math.max(candidates, q.offset + q.limit);
  const first = await ranked(db, q, t, cap, true);
  if (first.capped) return { rows: first.rows, path: 'first-tiers' };
  return { rows: (await ranked(db, q, t, cap, false)).rows, path: 'all' };
}

/**
 * The page from the first `cap` matches by (tier, name, id) — of the first tiers only with `firstTiers` — and
 * whether there were at least `cap` of them; rows null when the page cannot be shown exact (see rankedPage).
 */
async function ranked(db: Kysely<DB>, q: SearchQuery, t: TextFilter, cap: number, firstTiers: boolean) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  // A first-tier row passes the search box by itself (its name holds every word of the key; the code starts with
  // the code prefix), so only the other filters are applied: the text filter's trigram scan is what is avoided.
  const source = firstTiers
    ? filtered(db, { ...q, text: undefined }).where((eb) =>
        eb.or([
          eb('o.name_key', 'like', `${t.key}%`),
          ...(t.codePrefix ? [eb('o.reg_code', '=', t.codePrefix)] : []),
        ]),
      )
    : filtered(db, q);
  const rows = await orgDb(db)
    .with('ranked', () =>
      source
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
  if (capped && !rows.every((r) => r.tier < r.last_tier || r.similarity >= 1)) return { rows: null, capped };
  return {
    rows: rows.map(({ tier: _t, similarity: _s, candidates: _c, last_tier: _l, ...row }) => row),
    capped,
  };
}
