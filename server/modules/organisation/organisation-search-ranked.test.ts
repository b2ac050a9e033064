/**
 * The capped relevance ranking (organisation-search-ranked.ts) gives the page of the full ranking or nothing:
 * every cap, page size and offset either matches the ranking of all matches or asks the caller to rank them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, insertOrganisation, standardUnits } from '../../test/harness.js';
import type { SearchQuery } from './organisation-search.repo.js';
import { rankedPage, rankedPageVia } from './organisation-search-ranked.js';
import { searchTerms } from './search-organisations.js';

let h: Harness;

// Name keys around "dong tien": the exact name, prefixes and containing names at word boundaries (similarity 1)
// and inside a word (below 1), and the words in another order.
const NAMES = [
  'Hợp tác xã Đồng Tiếnh Mới',
  'Hợp tác xã Tiến Đồng',
  'Hợp tác xã Đồng Tiến Xanh',
  'Hợp tác xã Bình Đồng Tiếnh',
  'Hợp tác xã Đồng Tiến',
  'Hợp tác xã Ánh Đồng Tiến',
  'Hợp tác xã Đồng Tiếnb',
  'Hợp tác xã An Đồng Tiến',
  'Hợp tác xã Đồng Tiến Ánh',
];
const EXPECTED = [
  'Hợp tác xã Đồng Tiến',
  'Hợp tác xã Đồng Tiến Ánh',
  'Hợp tác xã Đồng Tiến Xanh',
  'Hợp tác xã Đồng Tiếnb',
  'Hợp tác xã Đồng Tiếnh Mới',
  'Hợp tác xã An Đồng Tiến',
  'Hợp tác xã Ánh Đồng Tiến',
  'Hợp tác xã Bình Đồng Tiếnh',
  'Hợp tác xã Tiến Đồng',
];

beforeAll(async () => {
  h = await createHarness();
  const u = await standardUnits(h);
  for (const [i, name] of NAMES.entries()) {
    await insertOrganisation(h, { regCode: `49100000${10 + i}`, name, communeId: u.dongDang });
  }
});
afterAll(() => h.close());

const query = (limit: number, offset: number, order: 'asc' | 'desc' = 'asc'): SearchQuery => ({
  scope: {},
  text: searchTerms('đồng tiến'),
  sort: 'relevance',
  order,
  limit,
  offset,
});
const names = (rows: { name: string }[] | null) => rows?.map((r) => r.name) ?? null;
// Names whose key is "dong tien" or starts with it: the first tiers, read alone when they fill the candidates.
const FIRST_TIERS = 5;

describe('relevance ranking of the best-placed candidates', () => {
  it('ranks every match by tier, similarity, Vietnamese name (the reference)', async () => {
    const q = query(20, 0);
    expect(names(await rankedPage(h.database.db, q, q.text!, 1000))).toEqual(EXPECTED);
  });

  it('for every cap, page size and offset: the full ranking’s page, or null when it cannot be shown exact', async () => {
    let exact = 0;
    let declined = 0;
    const paths = { 'first-tiers': 0, all: 0 };
    for (const order of ['asc', 'desc'] as const) {
      const all = names(await rankedPage(h.database.db, query(20, 0, order), query(0, 0).text!, 1000))!;
      for (const limit of [1, 2, 3, 5]) {
        for (const offset of [0, 1, 3, 6]) {
          for (let cap = 1; cap <= NAMES.length; cap++) {
            const q = query(limit, offset, order);
            const at = `${order} limit ${limit} offset ${offset} cap ${cap}`;
            const r = await rankedPageVia(h.database.db, q, q.text!, cap);
            // The first tiers serve the page exactly when they alone hold the candidates.
            expect(r.path, at).toBe(Math.max(cap, offset + limit) <= FIRST_TIERS ? 'first-tiers' : 'all');
            paths[r.path]++;
            const page = names(r.rows);
            if (page === null) declined++;
            else {
              exact++;
              expect(page, at).toEqual(all.slice(offset, offset + limit));
            }
          }
        }
      }
    }
    expect(exact).toBeGreaterThan(0);
    expect(declined).toBeGreaterThan(0);
    expect(paths['first-tiers']).toBeGreaterThan(0);
    expect(paths.all).toBeGreaterThan(0);
  });

  it('reads the first tiers with the other filters applied, and a code as tier 0', async () => {
    const q = query(20, 0);
    // Only the organisations of another commune: no first-tier row, so every match is read (and none is found).
    const other = await rankedPageVia(h.database.db, { ...q, communeId: -1 }, q.text!, 1);
    expect(other).toEqual({ rows: [], path: 'all' });
    const code = await rankedPageVia(
      h.database.db,
      { ...q, limit: 1 },
      { ...q.text!, codePrefix: '4910000014' },
      1,
    );
    expect(code.path).toBe('first-tiers');
    expect(names(code.rows)).toEqual(['Hợp tác xã Đồng Tiến']);
  });
});
