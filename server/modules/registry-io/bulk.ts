import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** One column of a bulk write: its name, its SQL type and how to read it from a record. */
export interface BulkColumn<T> {
  name: string;
  type: string;
  get: (r: T) => unknown;
}

const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`bulk: bad identifier ${s}`);
  return sql.raw(s);
};

function arrays<T>(cols: readonly BulkColumn<T>[], rows: readonly T[]) {
  return sql.join(cols.map((c) => sql`${rows.map(c.get)}::${sql.raw(c.type)}[]`));
}

/**
 * Inserts rows with one statement over unnest() arrays, one array per column (DESIGN.md §2: bulk loads, never
 * row by row). `then` is a statement reading the inserted rows as `ins` (the columns `returning` names, all by
 * default), run in the same statement; the count returned is then that statement's. Returns the number inserted.
 */
export async function bulkInsert<T>(
  db: Kysely<DB>,
  table: string,
  cols: readonly BulkColumn<T>[],
  rows: readonly T[],
  then?: RawBuilder<unknown>,
  returning?: readonly string[],
): Promise<number> {
  if (!rows.length) return 0;
  const names = sql.join(cols.map((c) => ident(c.name)));
  const insert = sql`insert into ${ident(table)} (${names}) select * from unnest(${arrays(cols, rows)})`;
  const out = returning ? sql.join(returning.map(ident)) : sql`*`;
  const r = await (then ? sql`with ins as (${insert} returning ${out}) ${then}` : insert).execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Updates rows by id with one statement joining unnest() arrays; `extra` adds assignments that read the old
 * row as `t` and the new values as `v` (version bump, timestamps). Returns the number updated.
 */
export async function bulkUpdate<T>(
  db: Kysely<DB>,
  table: string,
  id: BulkColumn<T>,
  cols: readonly BulkColumn<T>[],
  rows: readonly T[],
  extra: RawBuilder<unknown>[] = [],
): Promise<number> {
  if (!rows.length) return 0;
  const all = [id, ...cols];
  const sets = sql.join([...cols.map((c) => sql`${ident(c.name)} = v.${ident(c.name)}`), ...extra]);
  const r = await sql`update ${ident(table)} t set ${sets}
    from unnest(${arrays(all, rows)}) as v(${sql.join(all.map((c) => ident(c.name)))})
    where t.${ident(id.name)} = v.${ident(id.name)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

const columnCache = new WeakMap<Kysely<DB>, Map<string, Promise<boolean>>>();

/** True when a table has a column (for columns that a later migration adds, such as organisation.name_sort). */
export function hasColumn(db: Kysely<DB>, table: string, column: string): Promise<boolean> {
  let m = columnCache.get(db);
  if (!m) {
    m = new Map();
    columnCache.set(db, m);
  }
  const key = `${table}.${column}`;
  let p = m.get(key);
  if (!p) {
    p = sql<{ n: number }>`select count(*)::int as n from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`
      .execute(db)
      .then((r) => Number(r.rows[0]?.n ?? 0) > 0);
    m.set(key, p);
  }
  return p;
}

const tableSeen = new WeakMap<Kysely<DB>, Set<string>>();

/**
 * True when a table exists (for tables that a later migration adds, such as organisation_retired_code). A table
 * once seen is remembered for the handle (migrations add tables, never drop these); a missing one is asked again.
 */
export async function hasTable(db: Kysely<DB>, table: string): Promise<boolean> {
  if (tableSeen.get(db)?.has(table)) return true;
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables
    where table_schema = current_schema() and table_name = ${table}`.execute(db);
  const found = Number(r.rows[0]?.n ?? 0) > 0;
  if (found) {
    let s = tableSeen.get(db);
    if (!s) {
      s = new Set();
      tableSeen.set(db, s);
    }
    s.add(table);
  }
  return found;
}
