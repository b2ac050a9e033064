/**
 * resolveTerritory reads a unit of today in one statement: the same unit facts and communes of today as the
 * admin-unit service's lineage walk (communeTerritory, getUnitBasics); units that no longer exist keep that walk.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { communeTerritory, getUnitBasics } from '../admin-unit/admin-unit.service.js';
import { resolveTerritory } from './territory.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

async function units(era: string, level: number, n: number) {
  return (
    await sql<{ id: number }>`select id from admin_unit where era = ${era} and level = ${level}
      order by (select count(*) from admin_unit c where c.parent_id = admin_unit.id) desc, id limit ${n}`.execute(
      h.database.db,
    )
  ).rows.map((r) => r.id);
}

describe('resolveTerritory', () => {
  it('gives a unit of today its facts and communes of today, as the admin-unit service does', async () => {
    const db = h.database.db;
    const ids = [...(await units('post2025', 1, 3)), ...(await units('post2025', 3, 3))];
    expect(ids.length).toBe(6);
    for (const id of ids) {
      const t = await resolveTerritory(db, id);
      const walk = (await communeTerritory(db, id))!;
      const basics = (await getUnitBasics(db, id))!;
      expect(t.era).toBe('post2025');
      expect(t.level).toBe(walk.level);
      expect(t.label).toBe(basics.fullName);
      expect(t.provinceId).toBe(basics.provinceId);
      expect(sorted(t.postCommuneIds)).toEqual(sorted(walk.postCommuneIds));
      expect(t.postCommuneIds.length).toBeGreaterThan(0);
      expect(t.approximate).toBe(false);
    }
  });

  it('keeps the lineage both ways for a unit that no longer exists', async () => {
    const db = h.database.db;
    for (const id of [...(await units('pre2025', 1, 2)), ...(await units('pre2025', 2, 2))]) {
      const t = await resolveTerritory(db, id);
      const walk = (await communeTerritory(db, id))!;
      expect(t.era).toBe('pre2025');
      expect(sorted(t.preCommuneIds)).toEqual(sorted(walk.preCommuneIds));
      expect(sorted(t.postCommuneIds)).toEqual(sorted(walk.postCommuneIds));
      expect(sorted(t.partialPostCommuneIds)).toEqual(sorted(walk.partialPostCommuneIds));
      expect(t.preCommuneIds.length).toBeGreaterThan(0);
      expect(t.label).toBe((await getUnitBasics(db, id))!.fullName);
    }
  });

  it('refuses a unit that does not exist, and gives the nation for none', async () => {
    const db = h.database.db;
    await expect(resolveTerritory(db, 987654321)).rejects.toMatchObject({ code: 'unit.not_found' });
    expect((await resolveTerritory(db, null)).era).toBeNull();
  });
});
