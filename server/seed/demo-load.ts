import { type Kysely, sql } from 'kysely';
import { REPORT_FIELDS } from '../../core/registry/report-fields.js';
import type { DB } from '../db/schema.js';

/** A column to load: its name and its PostgreSQL type (the unnest array is cast to type[]). */
export interface Column {
  name: string;
  type: string;
}

type Value = string | number | boolean | null | undefined;

const PG_TYPES: Record<string, string> = {
  int: 'int',
  money: 'numeric',
  percent: 'numeric',
  bool: 'boolean',
  date: 'date',
};

/** Columns of annual_report the demo data fills: the catalogue of core/registry/report-fields.ts plus totals and workflow. */
export const REPORT_COLUMNS: readonly Column[] = [
  { name: 'organisation_id', type: 'int' },
  { name: 'year', type: 'smallint' },
  { name: 'status', type: 'text' },
  { name: 'members_official', type: 'int' },
  { name: 'members_total', type: 'int' },
  ...REPORT_FIELDS.map((f) => ({ name: f.column, type: PG_TYPES[f.type] })),
  { name: 'submitted_at', type: 'timestamptz' },
  { name: 'reviewed_at', type: 'timestamptz' },
];

/**
 * Inserts rows with one statement: one array per column, expanded by unnest(). PGlite has a single connection and
 * row-by-row inserts are ~10× slower there (DESIGN.md §2); the same SQL runs on PostgreSQL.
 */
export async function insertUnnest(
  db: Kysely<DB>,
  table: string,
  columns: readonly Column[],
  rows: readonly object[],
  returning?: readonly string[],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const arrays = columns.map(
    (c) => sql`${rows.map((r) => (r as Record<string, Value>)[c.name] ?? null)}::${sql.raw(c.type)}[]`,
  );
  const names = sql.join(columns.map((c) => sql.ref(c.name)));
  const tail = returning ? sql` returning ${sql.join(returning.map((n) => sql.ref(n)))}` : sql``;
  const result = await sql<
    Record<string, unknown>
  >`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)})${tail}`.execute(db);
  return result.rows;
}

/** True when a table has a column (used for organisation.name_sort, added by a later migration). */
export async function hasColumn(db: Kysely<DB>, table: string, column: string): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*)::int as n from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db);
  return Number(r.rows[0]?.n ?? 0) > 0;
}
