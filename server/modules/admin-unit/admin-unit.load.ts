import { type Kysely, sql } from 'kysely';
import { foldVietnamese } from '../../../core/text.js';
import type { DB } from '../../db/schema.js';
import { loadUnitDataset, type UnitRow } from './admin-unit-source.js';

/**
 * Loads both eras of administrative units and their lineage in one transaction, on first start only.
 * Arrays go through unnest() so that ~25,000 rows are a handful of statements on PGlite and PostgreSQL.
 */
export async function ensureAdminUnits(
  db: Kysely<DB>,
): Promise<{ loaded: boolean; units: number; lineage: number }> {
  const existing = await db
    .selectFrom('admin_unit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { loaded: false, units: Number(existing.n), lineage: 0 };
  const { units, lineage } = loadUnitDataset();
  await db.transaction().execute(async (trx) => {
    const col = <T>(f: (u: UnitRow) => T) => units.map(f);
    await sql`insert into admin_unit (key, code, name, full_name, type, level, era, valid_from, valid_to, name_key)
      select * from unnest(${col((u) => u.key)}::text[], ${col((u) => u.code)}::text[], ${col((u) => u.name)}::text[],
        ${col((u) => u.fullName)}::text[], ${col((u) => u.type)}::text[], ${col((u) => u.level)}::smallint[],
        ${col((u) => u.era)}::text[], ${col((u) => u.validFrom)}::date[], ${col((u) => u.validTo)}::date[],
        ${col((u) => foldVietnamese(u.fullName))}::text[])`.execute(trx);
    const ids = new Map(
      (await trx.selectFrom('admin_unit').select(['id', 'key']).execute()).map((r) => [r.key, r.id]),
    );
    const byKey = new Map(units.map((u) => [u.key, u]));
    const id = (key: string) => {
      const v = ids.get(key);
      if (v === undefined) throw new Error(`Unknown admin unit key ${key}`);
      return v;
    };
    // Province of today containing each unit: itself/its parent after the reform; via lineage before it.
    const provinceSuccessor = new Map<string, string>();
    for (const l of lineage) {
      const o = byKey.get(l.oldKey);
      const n = byKey.get(l.newKey);
      if (o?.level === 1 && n?.level === 1 && !provinceSuccessor.has(o.key))
        provinceSuccessor.set(o.key, n.key);
    }
    const provinceOf = (u: UnitRow): string | null => {
      let top: UnitRow | undefined = u;
      while (top?.parentKey) top = byKey.get(top.parentKey);
      if (!top) return null;
      // Follow province lineage until a post-2025 province (a 2023 province may first become a 2025 one).
      let key: string | undefined = top.key;
      for (let hops = 0; key && byKey.get(key)?.era !== 'post2025' && hops < 5; hops++)
        key = provinceSuccessor.get(key);
      return key && byKey.get(key)?.era === 'post2025' ? key : null;
    };
    const unitIds: number[] = [];
    const parentIds: (number | null)[] = [];
    const provinceIds: (number | null)[] = [];
    for (const u of units) {
      unitIds.push(id(u.key));
      parentIds.push(u.parentKey ? id(u.parentKey) : null);
      const p = provinceOf(u);
      provinceIds.push(p ? id(p) : null);
    }
    await sql`update admin_unit a set parent_id = v.parent_id, province_id = v.province_id
      from unnest(${unitIds}::int[], ${parentIds}::int[], ${provinceIds}::int[]) as v(id, parent_id, province_id)
      where a.id = v.id`.execute(trx);
    await sql`insert into admin_unit_lineage (old_unit_id, new_unit_id, effective_date, partial)
      select * from unnest(${lineage.map((l) => id(l.oldKey))}::int[], ${lineage.map((l) => id(l.newKey))}::int[],
        ${lineage.map((l) => l.effectiveDate)}::date[], ${lineage.map((l) => l.partial)}::boolean[])
      on conflict do nothing`.execute(trx);
    await trx
      .insertInto('app_meta')
      .values({ key: 'admin_units', value: JSON.stringify({ units: units.length, lineage: lineage.length }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
      .execute();
  });
  return { loaded: true, units: units.length, lineage: lineage.length };
}
