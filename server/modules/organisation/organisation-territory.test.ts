import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUnits } from '../../test/harness.js';
import { communeTerritory } from '../admin-unit/admin-unit.service.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUnits>>;

/** Direct commune-level predecessors of communes, from the lineage table (the test's own reading of it). */
async function predecessorsOf(ids: number[]) {
  return h.database.db
    .selectFrom('admin_unit_lineage as l')
    .innerJoin('admin_unit as o', 'o.id', 'l.old_unit_id')
    .select(['l.new_unit_id', 'l.old_unit_id'])
    .where('l.new_unit_id', 'in', ids)
    .where('o.level', '=', 3)
    .execute();
}

beforeAll(async () => {
  h = await createHarness();
  u = await standardUnits(h);
});
afterAll(() => h.close());

describe('communeTerritory', () => {
  it('gives a province of today its communes and every old commune they came from', async () => {
    const t = (await communeTerritory(h.database.db, u.langSon))!;
    const communes = await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('parent_id', '=', u.langSon)
      .where('level', '=', 3)
      .execute();
    expect(t).toMatchObject({ era: 'post2025', level: 1 });
    expect([...t.postCommuneIds].sort()).toEqual(communes.map((c) => c.id).sort());
    const preds = await predecessorsOf(t.postCommuneIds);
    for (const p of preds) expect(t.preCommuneIds).toContain(p.old_unit_id);
    const old = await h.database.db
      .selectFrom('admin_unit')
      .select(['era', 'level'])
      .where('id', 'in', t.preCommuneIds)
      .execute();
    expect(old.every((x) => x.era === 'pre2025' && x.level === 3)).toBe(true);
    expect(t.approximate).toBe(t.partialPreCommuneIds.length > 0);
  });

  it('gives a commune of today itself and its predecessors', async () => {
    const t = (await communeTerritory(h.database.db, u.dongDang))!;
    expect(t.postCommuneIds).toEqual([u.dongDang]);
    const preds = await predecessorsOf([u.dongDang]);
    expect(preds.length).toBeGreaterThan(1);
    expect([...t.preCommuneIds].sort()).toEqual(expect.arrayContaining(preds.map((p) => p.old_unit_id)));
    expect(t.approximate).toBe(false);
  });

  it('gives an old district its communes and the communes of today they became, flagging those only partly inside', async () => {
    const caoLoc = (
      await h.database.db
        .selectFrom('admin_unit')
        .select('id')
        .where('code', '=', '183')
        .where('level', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const t = (await communeTerritory(h.database.db, caoLoc))!;
    const own = await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('parent_id', '=', caoLoc)
      .where('level', '=', 3)
      .execute();
    expect(t.preCommuneIds).toEqual(expect.arrayContaining(own.map((c) => c.id)));
    expect(t.postCommuneIds).toContain(u.dongDang);
    expect(t.approximate).toBe(true);
    expect(t.partialPostCommuneIds.length).toBeGreaterThan(0);
    const preds = await predecessorsOf(t.postCommuneIds);
    for (const post of t.postCommuneIds) {
      const outside = preds.filter((p) => p.new_unit_id === post && !t.preCommuneIds.includes(p.old_unit_id));
      expect(t.partialPostCommuneIds.includes(post), `commune ${post}`).toBe(outside.length > 0);
    }
  });

  it('follows communes merged on 1/1/2025 into the commune that absorbed them', async () => {
    const merged = await h.database.db
      .selectFrom('admin_unit_lineage as l')
      .innerJoin('admin_unit as o', 'o.id', 'l.old_unit_id')
      .innerJoin('admin_unit as n', 'n.id', 'l.new_unit_id')
      .select(['o.id as old', 'n.id as absorber'])
      .where('o.level', '=', 3)
      .where('n.level', '=', 3)
      .where('n.era', '=', 'pre2025')
      .limit(1)
      .executeTakeFirstOrThrow();
    const absorber = (await communeTerritory(h.database.db, merged.absorber))!;
    expect(absorber.preCommuneIds).toEqual(expect.arrayContaining([merged.absorber, merged.old]));
    const old = (await communeTerritory(h.database.db, merged.old))!;
    expect(old.postCommuneIds.length).toBeGreaterThan(0);
    expect(absorber.postCommuneIds).toEqual(expect.arrayContaining(old.postCommuneIds));
  });

  it('returns null for a unit that does not exist', async () => {
    expect(await communeTerritory(h.database.db, 99_999_999)).toBeNull();
  });
});
