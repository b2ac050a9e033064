import { type Kysely, sql } from 'kysely';

/** What a set of statement triggers does, per operation: SQL that may read the transition tables `nt` / `ot`. */
export interface StatementTriggerBody {
  /** After INSERT (reads `nt`). */
  insert: string;
  /** After UPDATE (reads `ot` and `nt`). */
  update: string;
  /** After DELETE (reads `ot`). */
  delete: string;
  /** After TRUNCATE. */
  truncate: string;
}

/**
 * Creates the function `fn()` and the four statement-level AFTER triggers `${prefix}_insert|update|delete|truncate`
 * on `table` that run it: the kept tables (aggregates, rollups) apply each statement's delta in the writing
 * transaction. PostgreSQL allows transition tables on single-event triggers only, hence one trigger per event and
 * one function for all four. Not a migration itself: the migrations that keep such tables call it.
 */
export async function createStatementTriggers(
  db: Kysely<unknown>,
  o: { table: string; prefix: string; fn: string },
  body: StatementTriggerBody,
) {
  await sql
    .raw(`create function ${o.fn}() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${body.insert};
      elsif tg_op = 'UPDATE' then ${body.update};
      elsif tg_op = 'DELETE' then ${body.delete};
      else ${body.truncate};
      end if;
      return null;
    end
  $$`)
    .execute(db);
  const events = [
    ['insert', 'referencing new table as nt'],
    ['update', 'referencing old table as ot new table as nt'],
    ['delete', 'referencing old table as ot'],
    ['truncate', ''],
  ] as const;
  for (const [event, refs] of events)
    await sql
      .raw(`create trigger ${o.prefix}_${event} after ${event} on ${o.table} ${refs}
      for each statement execute function ${o.fn}()`)
      .execute(db);
}
