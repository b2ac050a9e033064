/**
 * The plans of the organisation list without a search term, on a slice of the national synthetic dataset (VACUUM
 * ANALYZEd, as autovacuum leaves a table): the statements the list runs are captured through a query logger and
 * EXPLAINed. A kind's first page by name reads organisation_kind_name_sort_ix in order (migration 0011) instead
 * of walking every name; a page is sorted and cut before its communes and provinces are joined; the counts are
 * index-only scans, never a sequential scan of the registry. A broad search term ranks the names starting with it
 * off a name-key range (organisation_name_key_prefix_ix, migration 0013, or in a database of collation C the plain
 * name-key index), without visiting every name that holds its words.
 */
import { CompiledQuery, Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.js';
import { PGliteDialect } from '../../db/pglite-dialect.js';
import type { DB } from '../../db/schema.js';
import { loadTiny } from '../../seed/national/national-test-support.js';
import { createTestDatabase } from '../../test/db.js';
import { type SearchQuery, searchOrganisations } from './organisation-search.repo.js';
import { rankedPage, rankedPageVia } from './organisation-search-ranked.js';
import { searchTerms } from './search-organisations.js';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

let database: Database & { url?: string };
let logged: Kysely<DB>;
let pool: pg.Pool | null = null;
let captured: CompiledQuery[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await loadTiny(database, { seed: 11, fraction: 0.01 });
  await sql`vacuum analyze organisation`.execute(database.db);
  const log = (e: LogEvent) => {
    if (e.level === 'query') captured.push(e.query);
  };
  if (database.pglite) logged = new Kysely<DB>({ dialect: new PGliteDialect(database.pglite), log });
  else {
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    logged = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  }
}, 240_000);

afterAll(async () => {
  await logged?.destroy();
  await database?.close();
});

/** The list's statements for one query: its page and its count, with the rows they returned. */
async function listStatements(q: Partial<SearchQuery>) {
  captured = [];
  const result = await searchOrganisations(logged, {
    scope: {},
    sort: 'name',
    order: 'asc',
    limit: 20,
    offset: 0,
    ...q,
  });
  const count = captured.find((c) => /count\(\*\)/.test(c.sql));
  const page = captured.find((c) => c !== count);
  if (!count || !page) throw new Error(`expected a page and a count, got ${captured.length} statements`);
  return { result, count, page };
}

function nodes(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) nodes(child, out);
  return out;
}

async function explain(q: CompiledQuery): Promise<PlanNode> {
  const r = await database.db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`explain (format json) ${q.sql}`, [...q.parameters]),
  );
  const raw = r.rows[0]['QUERY PLAN'];
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  return parsed[0].Plan;
}

/** The scans of the organisation table in a statement's plan: "Node Type index". */
async function organisationScans(q: CompiledQuery): Promise<string[]> {
  return nodes(await explain(q))
    .filter((n) => n['Relation Name'] === 'organisation')
    .map((n) => `${n['Node Type']} ${n['Index Name'] ?? ''}`.trim());
}

/** For each scan of `relation`, the node types above it, from the top of the plan down. */
function ancestorsOfScans(node: PlanNode, relation: string, above: string[] = [], out: string[][] = []) {
  if (node['Relation Name'] === relation) out.push(above);
  for (const child of node.Plans ?? []) ancestorsOfScans(child, relation, [...above, node['Node Type']], out);
  return out;
}

describe('organisation list plans on a national-shaped database', () => {
  it('reads the first page of a kind by name off the (kind, name, id) index, in the list order', async () => {
    const { result, page } = await listStatements({ kind: 'THT' });
    expect(await organisationScans(page)).toEqual(['Index Scan organisation_kind_name_sort_ix']);
    const all = await database.db
      .selectFrom('organisation')
      .select(['id', 'name_sort'])
      .where('kind', '=', 'THT')
      .execute();
    const byName = all
      .sort((a, b) => (a.name_sort < b.name_sort ? -1 : a.name_sort > b.name_sort ? 1 : a.id - b.id))
      .slice(0, 20)
      .map((r) => r.id);
    expect(byName.length).toBe(20);
    expect(result.rows.map((r) => r.id)).toEqual(byName);
    expect(result.total).toBe(all.length);
  });

  it('joins communes and provinces to the page only, after sorting and limiting the matches', async () => {
    const province = await database.db
      .selectFrom('organisation')
      .select('province_id')
      .groupBy('province_id')
      .orderBy(sql`count(*)`, 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { result, page } = await listStatements({
      provinceId: province.province_id,
      sort: 'foundedOn',
      order: 'desc',
    });
    const plan = await explain(page);
    const units = ancestorsOfScans(plan, 'admin_unit');
    expect(units.length).toBe(2);
    for (const above of units) expect(above).not.toContain('Limit');
    for (const above of ancestorsOfScans(plan, 'organisation')) expect(above).toContain('Limit');
    const all = await database.db
      .selectFrom('organisation')
      .select(['id', 'founded_on'])
      .where('province_id', '=', province.province_id)
      .orderBy(sql`founded_on desc nulls last`)
      .orderBy('id', 'desc')
      .execute();
    expect(all.length).toBeGreaterThan(20);
    expect(result.rows.map((r) => r.id)).toEqual(all.slice(0, 20).map((r) => r.id));
    expect(result.rows.every((r) => r.province_id === province.province_id && r.province_name)).toBe(true);
    expect(result.total).toBe(all.length);
  });

  it('counts a kind, a status and the whole registry with index-only scans, exactly', async () => {
    for (const q of [{ kind: 'THT' }, { kind: 'HTX', legalStatus: 'active' }, {}] as Partial<SearchQuery>[]) {
      const { result, count } = await listStatements(q);
      const scans = await organisationScans(count);
      expect(scans.length, JSON.stringify(q)).toBe(1);
      expect(scans[0], JSON.stringify(q)).toMatch(/^Index Only Scan /);
      let exact = database.db.selectFrom('organisation').select(sql<number>`count(*)::int`.as('n'));
      if (q.kind) exact = exact.where('kind', '=', q.kind);
      if (q.legalStatus) exact = exact.where('legal_status', '=', q.legalStatus);
      expect(result.total, JSON.stringify(q)).toBe((await exact.executeTakeFirstOrThrow()).n);
    }
  });

  it('ranks the names starting with a broad term off the prefix index, with the page of the full ranking', async () => {
    const text = searchTerms('nông nghiệp')!;
    const q: SearchQuery = { scope: {}, text, sort: 'relevance', order: 'asc', limit: 5, offset: 0 };
    const starting = await database.db
      .selectFrom('organisation')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('name_key', 'like', `${text.key}%`)
      .executeTakeFirstOrThrow();
    const cap = 10;
    expect(starting.n).toBeGreaterThanOrEqual(cap);
    captured = [];
    const r = await rankedPageVia(logged, q, text, cap);
    expect(r.path).toBe('first-tiers');
    expect(captured.length).toBe(1);
    const plan = nodes(await explain(captured[0]));
    const indexes = plan.map((n) => n['Index Name']).filter((x) => x !== undefined);
    // In a database of collation C (PGlite's) the plain name-key index serves a prefix just as well.
    expect(
      indexes.some((x) => x === 'organisation_name_key_prefix_ix' || x === 'organisation_name_key_ix'),
      indexes.join(', '),
    ).toBe(true);
    expect(indexes.filter((x) => x.endsWith('_trgm_ix'))).toEqual([]);
    expect(await organisationScans(captured[0])).not.toContain('Seq Scan');
    const full = await rankedPage(logged, q, text, 100_000);
    expect(r.rows?.map((x) => x.id)).toEqual(full?.map((x) => x.id));
    expect(r.rows?.length).toBe(5);
  });
});
