import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/**
 * Bulk loading through COPY … FROM in text format (DESIGN.md §2: row inserts are ~10× slower on PGlite). On
 * PostgreSQL the rows stream through pg-copy-streams with back-pressure; PGlite reads them from a Blob
 * ('/dev/blob'). Everything runs on one connection, inside the caller's transaction.
 */

type Cell = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY text format: \N for null, t/f for booleans, backslash escapes for \ tab LF CR. */
export function copyCell(v: Cell): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (!SPECIAL.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A raw connection: statements, single-value queries and COPY of text chunks. */
export interface CopySink {
  kind: 'pglite' | 'postgres';
  exec(statement: string): Promise<void>;
  rows<T>(query: string): Promise<T[]>;
  /** Copies rows (text-format lines) into a table; `chunks` is consumed as it is produced. */
  copy(table: string, columns: readonly string[], chunks: AsyncIterable<string>): Promise<number>;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `copy ${table} (${columns.join(', ')}) from ${source}`;

/** A sink over one pg client (not a pool: the transaction and the COPY must share the connection). */
export function pgSink(client: pg.Client): CopySink {
  return {
    kind: 'postgres',
    async exec(statement) {
      await client.query(statement);
    },
    async rows<T>(query: string) {
      return (await client.query(query)).rows as T[];
    },
    async copy(table, columns, chunks) {
      const stream = client.query(copyFrom(copySql(table, columns, 'stdin')));
      const done = finished(stream);
      for await (const chunk of chunks) if (!stream.write(chunk)) await once(stream, 'drain');
      stream.end();
      await done;
      return Number(stream.rowCount ?? 0);
    },
  };
}

/** A sink over the single PGlite connection (the whole table is gathered into one Blob). */
export function pgliteSink(pglite: PGlite): CopySink {
  return {
    kind: 'pglite',
    async exec(statement) {
      await pglite.exec(statement);
    },
    async rows<T>(query: string) {
      return (await pglite.query<T>(query)).rows;
    },
    async copy(table, columns, chunks) {
      const parts: string[] = [];
      for await (const chunk of chunks) parts.push(chunk);
      const r = await pglite.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob(parts) });
      return r.affectedRows ?? 0;
    },
  };
}

/** Accumulates COPY lines and hands them out in chunks of about `size` characters. */
export class CopyBuffer {
  private lines: string[] = [];
  private length = 0;
  count = 0;
  constructor(private readonly size = 1 << 20) {}
  /** Adds one row (values in column order). */
  add(values: readonly Cell[]): void {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? '\t' : '') + copyCell(values[i]);
    line += '\n';
    this.lines.push(line);
    this.length += line.length;
    this.count++;
  }
  /** True when a chunk is ready to be taken. */
  get full(): boolean {
    return this.length >= this.size;
  }
  /** The buffered lines as one string (empty when none), and a fresh buffer. */
  take(): string {
    const s = this.lines.join('');
    this.lines = [];
    this.length = 0;
    return s;
  }
}

/**
 * Turns a row generator into COPY chunks: `produce(buffer)` is called for each unit of work (e.g. one
 * organisation) and adds its rows; a chunk is yielded whenever the buffer is full, the rest at the end.
 */
export async function* chunked<T>(
  items: Iterable<T>,
  produce: (item: T, buffer: CopyBuffer) => void,
  counter?: { rows: number },
): AsyncGenerator<string> {
  const buffer = new CopyBuffer();
  for (const item of items) {
    produce(item, buffer);
    if (buffer.full) yield buffer.take();
  }
  const rest = buffer.take();
  if (counter) counter.rows = buffer.count;
  if (rest) yield rest;
}
