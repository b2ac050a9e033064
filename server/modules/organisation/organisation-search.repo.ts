import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type OrgDB, orgDb } from './organisation.db.js';
import { rankedPage } from './organisation-search-ranked.js';

type Eb = ExpressionBuilder<OrgDB & { o: OrgDB['organisation'] }, 'o'>;

/** Which organisations the caller may see (from orgScopeFilter). */
export interface ScopeFilter {
  provinceId?: number;
  communeId?: number;
  organisationId?: number;
}

/** The search box, already folded: name words, the whole key, short name, code prefix, typo matches. */
export interface TextFilter {
  key: string;
  words: string[];
  /** Whether to look for names within one typo of the key (see fuzzyCandidates). */
  fuzzy: boolean;
  /** Organisations whose name holds the key with one typo, found beforehand. */
  fuzzyIds: number[];
  shortKey: string;
  codePrefix: string | null;
}

/** Communes of an old territory: by the recorded old commune, else by the commune of today. */
export interface TerritoryFilter {
  preCommuneIds: number[];
  postCommuneIds: number[];
  /** Communes of today only partly inside the territory: matches there by lineage are approximate. */
  partialPostCommuneIds: number[];
}

/**
 * The rating band (xếp loại) of one assessment year, as decided by the authority: a result whose status is one of
 * `statuses` (confirmed or published; published only for a cooperative's own view). `none` is every organisation
 * without such a band that year: not assessed, still in progress, or assessed as not classified.
 */
export interface BandFilter {
  band: 'tot' | 'kha' | 'trung_binh' | 'yeu' | 'none';
  /** Null when no assessment year exists: no organisation has a band, every one is `none`. */
  year: number | null;
  statuses: readonly string[];
}

/** Every filter, sort and page of the organisation list. */
export interface SearchQuery {
  scope: ScopeFilter;
  text?: TextFilter;
  kind?: string;
  legalStatus?: string;
  field?: string;
  agriSubtype?: string;
  newModel?: string;
  paperOnly?: boolean;
  year?: number;
  band?: BandFilter;
  provinceId?: number;
  communeId?: number;
  territory?: TerritoryFilter;
  sort: 'relevance' | 'name' | 'regCode' | 'foundedOn' | 'updatedAt';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const FALSE = sql<SqlBool>`false`;
const anyOf = (ids: number[]) => sql`any(${ids}::int[])`;

function scopeWhere(eb: Eb, s: ScopeFilter): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (s.provinceId !== undefined) out.push(eb('o.province_id', '=', s.provinceId));
  if (s.communeId !== undefined) out.push(eb('o.commune_id', '=', s.communeId));
  if (s.organisationId !== undefined) out.push(eb('o.id', '=', s.organisationId));
  return out;
}

function textWhere(eb: Eb, t: TextFilter): Expression<SqlBool> {
  const ors: Expression<SqlBool>[] = [];
  // Every word somewhere in the name (the trigram index serves each LIKE), or one of the typo matches.
  ors.push(
    t.words.length > 0 ? eb.and(t.words.map((w) => eb('o.name_key', 'like', `%${w}%`))) : sql<SqlBool>`true`,
  );
  if (t.fuzzyIds.length > 0) ors.push(sql<SqlBool>`o.id = ${anyOf(t.fuzzyIds)}`);
  if (t.shortKey) ors.push(sql<SqlBool>`o.short_key like ${`%${t.shortKey}%`}`);
  if (t.codePrefix) ors.push(sql<SqlBool>`o.reg_code collate "C" like ${`${t.codePrefix}%`}`);
  return eb.or(ors);
}

/** Every organisation the query matches (scope, search box, filters), before sort and page. */
export function filtered(db: Kysely<DB>, q: SearchQuery) {
  return orgDb(db)
    .selectFrom('organisation as o')
    .where((eb) => {
      const and = scopeWhere(eb, q.scope);
      if (q.text) and.push(textWhere(eb, q.text));
      if (q.kind) and.push(eb('o.kind', '=', q.kind));
      if (q.legalStatus) and.push(eb('o.legal_status', '=', q.legalStatus));
      if (q.field) and.push(eb('o.field', '=', q.field));
      if (q.agriSubtype) and.push(eb('o.agri_subtype', '=', q.agriSubtype));
      if (q.newModel) and.push(eb('o.new_model', '=', q.newModel));
      if (q.paperOnly !== undefined) and.push(eb('o.paper_only', '=', q.paperOnly));
      if (q.provinceId !== undefined) and.push(eb('o.province_id', '=', q.provinceId));
      if (q.communeId !== undefined) and.push(eb('o.commune_id', '=', q.communeId));
      if (q.year !== undefined) {
        and.push(
          eb.exists(
            eb
              .selectFrom('annual_report as r')
              .select('r.id')
              .whereRef('r.organisation_id', '=', 'o.id')
              .where('r.year', '=', q.year),
          ),
        );
      }
      const b = q.band;
      if (b && b.year === null) {
        if (b.band !== 'none') and.push(FALSE);
      } else if (b && b.year !== null) {
        // A semi-join on assessment_result: the (organisation_id, year) key or the (year, band) index serves it.
        const official = eb
          .selectFrom('assessment_result as ar')
          .select('ar.id')
          .whereRef('ar.organisation_id', '=', 'o.id')
          .where('ar.year', '=', b.year)
          .where('ar.status', 'in', [...b.statuses]);
        and.push(
          b.band === 'none'
            ? eb.not(eb.exists(official.where('ar.band', 'is not', null)))
            : eb.exists(official.where('ar.band', '=', b.band)),
        );
      }
      const t = q.territory;
      if (t) {
        and.push(
          eb.or([
            t.preCommuneIds.length > 0
              ? sql<SqlBool>`o.pre2025_commune_id = ${anyOf(t.preCommuneIds)}`
              : FALSE,
            t.postCommuneIds.length > 0
              ? sql<SqlBool>`(o.pre2025_commune_id is null and o.commune_id = ${anyOf(t.postCommuneIds)})`
              : FALSE,
          ]),
        );
      }
      return eb.and(and);
    });
}

/**
 * The latest year with a decided assessment (status in `statuses`) of an organisation in scope, or null. The
 * (year, band) index is read backwards from the newest year, so this stops at the first decided result found.
 */
export async function latestAssessmentYear(db: Kysely<DB>, scope: ScopeFilter, statuses: readonly string[]) {
  const r = await orgDb(db)
    .selectFrom('assessment_result as ar')
    .innerJoin('organisation as o', 'o.id', 'ar.organisation_id')
    .select('ar.year')
    .where((eb) => eb.and([...scopeWhere(eb, scope), eb('ar.status', 'in', [...statuses])]))
    .orderBy('ar.year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? Number(r.year) : null;
}

/** Exact code, then exact name, then names starting with the query, containing it, and the rest (words, typos). */
export function relevanceTier(t: TextFilter) {
  return sql<number>`case when o.reg_code = ${t.codePrefix ?? ''} then 0 when o.name_key = ${t.key} then 1
    when o.name_key like ${`${t.key}%`} then 2 when o.name_key like ${`%${t.key}%`} then 3 else 4 end`;
}

function orderings(q: SearchQuery) {
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const byName = [sql`o.name_sort collate "C" ${dir}`, sql`o.id ${dir}`];
  switch (q.sort) {
    case 'relevance': {
      const t = q.text;
      if (!t) return byName;
      return [relevanceTier(t), sql`word_similarity(${t.key}, o.name_key) desc`, ...byName];
    }
    case 'name':
      return byName;
    case 'regCode':
      return [sql`o.reg_code collate "C" ${dir}`];
    case 'foundedOn':
      return [sql`o.founded_on ${dir} nulls last`, sql`o.id ${dir}`];
    case 'updatedAt':
      return [sql`o.updated_at ${dir}`, sql`o.id ${dir}`];
  }
}

/**
 * Names that pass the trigram test a typo search examines at most (see fuzzyCandidates): twice the candidates
 * kept. Each costs a `word_similarity` in the recheck and another in the ranking (~4–7 µs each): at 2,000 the
 * broad typo "nong ngiep" spent 31 ms there on the national dataset.
 */
export const FUZZY_SCAN = 1_000;

/**
 * Names that may hold the key with a typo: trigram word similarity ≥ 0.6 through the GIN index (one wrong,
 * missing or swapped letter in a query of two words or more stays above it; lower thresholds cost several
 * times more at 100,000 names); the caller keeps those within one edit. Same scope and filters as the list,
 * best first, at most `limit`. The threshold is set for this transaction only, so a server default cannot
 * change the behaviour. A broad typo ("nong ngiep" is one letter from ~16,000 names) ranks the first
 * `FUZZY_SCAN` names that pass, not all: below that number the candidates are exactly the best ones. The
 * index path is required, since a sequential scan would compute the similarity of every name.
 */
export async function fuzzyCandidates(db: Kysely<DB>, q: SearchQuery, key: string, limit: number) {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('pg_trgm.word_similarity_threshold', '0.6', true), set_config('enable_seqscan', 'off', true)`.execute(
      trx,
    );
    const passing = filtered(trx, { ...q, text: undefined })
      .select(['o.id', 'o.name_key'])
      .where(sql<SqlBool>`o.name_key %> ${key}`)
      .limit(FUZZY_SCAN);
    return orgDb(trx)
      .selectFrom(passing.as('f'))
      .select(['f.id', 'f.name_key'])
      .orderBy(sql`word_similarity(${key}, f.name_key) desc`)
      .limit(limit)
      .execute();
  });
}

/** The columns of a list row (organisation `o`, its commune `c` and province `p`). */
export const PAGE_COLUMNS = [
  'o.id',
  'o.kind',
  'o.reg_code',
  'o.name',
  'o.short_name',
  'o.commune_id',
  'c.full_name as commune_name',
  'o.province_id',
  'p.full_name as province_name',
  'o.legal_status',
  'o.field',
  'o.new_model',
  'o.founded_on',
  'o.paper_only',
  'o.demo',
  'o.version',
  'o.updated_at',
] as const;

/** One page of organisations with the total, and how many matched only by lineage in a split territory. */
export async function searchOrganisations(db: Kysely<DB>, q: SearchQuery) {
  const page = async () => {
    // By relevance, rank only the best-placed candidates when that is shown to give the same page (a box
    // without name words, such as "htx", has no similarity to rank by: every match is ranked).
    const ranked = q.sort === 'relevance' && q.text?.key ? await rankedPage(db, q, q.text) : null;
    if (ranked) return ranked;
    // The page first, then its communes and provinces: joined before the sort, every match of a province
    // (~8,000 by founding date) was hash-joined to all 15,000 units to keep 20 rows.
    let window = filtered(db, q).selectAll('o');
    for (const o of orderings(q)) window = window.orderBy(o);
    let full = orgDb(db)
      .selectFrom(window.limit(q.limit).offset(q.offset).as('o'))
      .innerJoin('admin_unit as c', 'c.id', 'o.commune_id')
      .innerJoin('admin_unit as p', 'p.id', 'o.province_id')
      .select(PAGE_COLUMNS);
    for (const o of orderings(q)) full = full.orderBy(o);
    return full.execute();
  };
  const partial = q.territory?.partialPostCommuneIds ?? [];
  const [rows, totals] = await Promise.all([
    page(),
    filtered(db, q)
      .select([
        sql<number>`count(*)`.as('n'),
        (partial.length > 0
          ? sql<number>`count(*) filter (where o.pre2025_commune_id is null and o.commune_id = ${anyOf(partial)})`
          : sql<number>`0`
        ).as('by_lineage'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(totals.n), byLineage: Number(totals.by_lineage) };
}

/** How many organisations the query matches. */
export async function countFiltered(db: Kysely<DB>, q: SearchQuery) {
  const r = await filtered(db, q).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The ids of every match in the list's full order (relevance ranked in full: rankedPage returns the same pages),
 * the first `q.offset + q.limit` of them.
 */
export async function filteredIds(db: Kysely<DB>, q: SearchQuery): Promise<number[]> {
  let ordered = filtered(db, q).select('o.id');
  for (const o of orderings(q)) ordered = ordered.orderBy(o);
  const rows = await ordered.limit(q.limit).offset(q.offset).execute();
  return rows.map((r) => r.id);
}

/** The scope as SQL conditions on organisation `o` (raw-SQL statements; scopeWhere is the query builder's). */
export function scopeSql(s: ScopeFilter) {
  const out = [];
  if (s.provinceId !== undefined) out.push(sql`o.province_id = ${s.provinceId}`);
  if (s.communeId !== undefined) out.push(sql`o.commune_id = ${s.communeId}`);
  if (s.organisationId !== undefined) out.push(sql`o.id = ${s.organisationId}`);
  return out;
}

/** What the duplicate rule compares of one organisation being entered (on a form or as a row of a file). */
export interface DuplicateSubject {
  /** organisationNameKey of the name. */
  nameKey?: string;
  communeId?: number;
  /** The legal representative, trimmed and single-spaced. */
  legalRep?: string;
  provinceId?: number;
}

/**
 * The duplicate rule, for one or many subjects in one statement: an organisation in scope may be the same one
 * when it has the same name key in the subject's commune (anywhere in scope without a commune), or the same legal
 * representative, case and diacritics ignored (hoptac_fold), in the subject's province (anywhere in scope without
 * a province). Each match comes with the index of its subject, subjects in order, then by name. Each subject
 * probes organisation_name_key_ix and organisation_legal_rep_ix.
 */
export async function matchDuplicates(
  db: Kysely<DB>,
  o: { scope: ScopeFilter; subjects: DuplicateSubject[]; excludeId?: number; limit?: number },
) {
  if (o.subjects.length === 0) return [];
  const col = <T>(f: (s: DuplicateSubject) => T | undefined) => o.subjects.map((s) => f(s) || null);
  const where = [sql`true`, ...scopeSql(o.scope)];
  if (o.excludeId !== undefined) where.push(sql`o.id <> ${o.excludeId}`);
  // Two equi-joins (each a hash or index join) rather than one join on "same name or same representative": with an
  // OR the planner can only loop, which took 44 s for a 50,000-row import on the national dataset.
  const r = await sql<{
    subject: number;
    id: number;
    kind: string;
    reg_code: string;
    name: string;
    legal_status: string;
    legal_rep_name: string | null;
    commune_id: number;
    commune_name: string;
    province_id: number;
    name_match: boolean;
    rep_match: boolean;
  }>`with s as (
      select name_key, commune_id, hoptac_fold(legal_rep) as rep_key, province_id, i
      from unnest(${col((s) => s.nameKey)}::text[], ${col((s) => s.communeId)}::int[], ${col((s) => s.legalRep)}::text[],
        ${col((s) => s.provinceId)}::int[]) with ordinality as s(name_key, commune_id, legal_rep, province_id, i)
    ), m as (
      select s.i, o.id, true as by_name, false as by_rep
        from s join organisation o on o.name_key = s.name_key
        where s.commune_id is null or o.commune_id = s.commune_id
      union all
      select s.i, o.id, false, true
        from s join organisation o on hoptac_fold(o.legal_rep_name) = s.rep_key
        where s.province_id is null or o.province_id = s.province_id
    )
    select (m.i - 1)::int as subject, o.id, o.kind, o.reg_code, o.name, o.legal_status, o.legal_rep_name,
      o.commune_id, c.full_name as commune_name, o.province_id, bool_or(m.by_name) as name_match,
      bool_or(m.by_rep) as rep_match
    from m join organisation o on o.id = m.id
    join admin_unit c on c.id = o.commune_id
    where ${sql.join(where, sql` and `)}
    group by m.i, o.id, c.full_name
    order by m.i, o.name_sort collate "C", o.id
    ${o.limit !== undefined ? sql`limit ${o.limit}` : sql``}`.execute(db);
  return r.rows;
}

/** Possible duplicates of one organisation being entered (matchDuplicates with one subject). */
export async function findDuplicates(
  db: Kysely<DB>,
  o: DuplicateSubject & { scope: ScopeFilter; excludeId?: number; limit: number },
) {
  const { scope, excludeId, limit, ...subject } = o;
  return matchDuplicates(db, { scope, subjects: [subject], excludeId, limit });
}
