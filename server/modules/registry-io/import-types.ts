import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { ColumnSpec, ImportKind } from './columns.js';
import type { SheetData } from './read-sheet.js';
import type { RowIssue } from './row-values.js';

/** What the import does with a valid row. */
export type RowAction = 'insert' | 'update' | 'unchanged';

/** The verdict on one data row: its action when valid, its issues when not. */
export interface RowOutcome {
  row: number;
  action: RowAction | null;
  issues: RowIssue[];
  warnings: RowIssue[];
}

/** Rows classified against the database: verdicts plus what to write. */
export interface Classified<W> {
  outcomes: RowOutcome[];
  inserts: W[];
  updates: W[];
}

/** Counts of a dry run or a commit. */
export interface ImportTotals {
  rows: number;
  valid: number;
  invalid: number;
  insert: number;
  update: number;
  unchanged: number;
}

/** Organisations that may be the same one under two codes: same name in a commune, or same representative in a province. */
export interface PossibleDuplicate {
  reason: 'same_name' | 'same_representative';
  /** The shared name or representative, as written. */
  value: string;
  /** The commune of the file's row the group was found through. */
  communeId: number;
  communeName: string;
  /** Its province: where a same-representative group is looked for (absent from reports made before it). */
  provinceName?: string;
  /** Excel rows of the file involved. */
  rows: number[];
  /** Registration codes involved (file and database). */
  regCodes: string[];
  /** Organisations already in the database. */
  existing: { id: number; regCode: string; name: string }[];
}

/**
 * One kind of import. `prepare` reads and checks what does not depend on the registry's current rows
 * (outside any transaction); `classify` compares with the database (inside the commit's transaction, with
 * row locks); `write` stores the inserts and updates in bulk.
 */
export interface ImportHandler<P, W> {
  kind: ImportKind;
  columns: readonly ColumnSpec[];
  prepare(ctx: Ctx, sheet: SheetData): Promise<P>;
  classify(db: Kysely<DB>, ctx: Ctx, prepared: P, lock: boolean): Promise<Classified<W>>;
  write(trx: Kysely<DB>, ctx: Ctx, c: Classified<W>): Promise<{ inserted: number; updated: number }>;
  /**
   * Possible duplicates among the file and the registry rows in the caller's scope (dry run only; run while the
   * rows are classified, so from the prepared rows alone).
   */
  duplicates?(ctx: Ctx, prepared: P): Promise<PossibleDuplicate[]>;
  /**
   * A fingerprint of the registry rows `classify` reads (locking them when `lock`). When a kind has one, the
   * commit classifies before its transaction and, inside it, only checks that the fingerprint is unchanged.
   */
  stamp?(db: Kysely<DB>, prepared: P, lock: boolean): Promise<string>;
}

/** Totals of a set of outcomes. */
export function totalsOf(outcomes: readonly RowOutcome[]): ImportTotals {
  const t: ImportTotals = { rows: outcomes.length, valid: 0, invalid: 0, insert: 0, update: 0, unchanged: 0 };
  for (const o of outcomes) {
    if (o.issues.length || !o.action) t.invalid++;
    else {
      t.valid++;
      t[o.action]++;
    }
  }
  return t;
}

/** Marks every row that shares a key with another row of the file as invalid, naming the other rows. */
export function flagDuplicateKeys<T extends { row: number; issues: RowIssue[] }>(
  rows: readonly T[],
  keyOf: (r: T) => string | null,
  issue: (r: T, others: number[]) => Omit<RowIssue, 'row'>,
): void {
  const byKey = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const group = byKey.get(k);
    if (group) group.push(r);
    else byKey.set(k, [r]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const r of group)
      r.issues.push({
        row: r.row,
        ...issue(
          r,
          group.filter((x) => x !== r).map((x) => x.row),
        ),
      });
  }
}
