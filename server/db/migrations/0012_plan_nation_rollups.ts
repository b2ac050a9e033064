import { type Kysely, sql } from 'kysely';
import { ROLLUPS } from './0010_add_plan_province_rollups.js';
import { createStatementTriggers } from './statement-triggers.js';

/**
 * Nation rollups of the plan aggregates: each province rollup (migration 0010) summed over the provinces, with the
 * same key otherwise. A nation-wide evaluation read the whole province rollup (57,000 report rows and 75,000
 * assessment rows on the national dataset, 15–60 ms per figure indicator); the nation rollup holds 6–11 times fewer
 * rows (5,800 and 13,200). Statement-level AFTER triggers on the province rollups apply the deltas (new − old,
 * from the transition tables) in the writing transaction, as 0010's triggers do on the fine tables, so every path
 * that moves a province rollup moves the nation's identically; a TRUNCATE of a province rollup empties its nation
 * rollup. Rows that fall to zero are kept.
 */

/** Each nation rollup: its province rollup, key columns, summed columns. */
export const NATION_ROLLUPS = ROLLUPS.map((r) => ({
  table: `${r.fine}_nation`,
  source: r.table,
  key: r.key as readonly string[],
  sums: r.sums as readonly string[],
}));

type NationRollup = (typeof NATION_ROLLUPS)[number];

function deltaSql(r: NationRollup, src: string): string {
  const cols = [...r.key, ...r.sums].join(', ');
  const sums = r.sums.map((s) => `sum(d.${s} * d.sign)`).join(', ');
  const set = r.sums.map((s) => `${s} = t.${s} + excluded.${s}`).join(', ');
  return `insert into ${r.table} as t (${cols})
    select ${r.key.map((k) => `d.${k}`).join(', ')}, ${sums} from (${src}) d
    group by ${r.key.map((_, i) => i + 1).join(', ')}
    on conflict on constraint ${r.table}_pk do update set ${set}`;
}

const rows = (r: NationRollup, from: string, sign: 1 | -1) =>
  `select ${[...r.key, ...r.sums].join(', ')}, ${sign} as sign from ${from}`;

/** The statement that adds the whole province rollup into its (empty) nation rollup: the backfill, and the rebuild. */
export const nationFromProvinceSql = (r: NationRollup): string => deltaSql(r, rows(r, r.source, 1));

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const r of NATION_ROLLUPS) {
    // The province rollup's columns (types and defaults) without province_id.
    await sql.raw(`create table ${r.table} (like ${r.source} including defaults)`).execute(db);
    await sql.raw(`alter table ${r.table} drop column province_id`).execute(db);
    await sql
      .raw(`alter table ${r.table} add constraint ${r.table}_pk primary key (${r.key.join(', ')})`)
      .execute(db);
    await createStatementTriggers(
      db,
      { table: r.source, prefix: r.table, fn: `${r.table}_trg` },
      {
        insert: deltaSql(r, rows(r, 'nt', 1)),
        update: deltaSql(r, `${rows(r, 'nt', 1)} union all ${rows(r, 'ot', -1)}`),
        delete: deltaSql(r, rows(r, 'ot', -1)),
        truncate: `delete from ${r.table}`,
      },
    );
    await sql.raw(nationFromProvinceSql(r)).execute(db);
    await sql.raw(`analyze ${r.table}`).execute(db);
  }
}
