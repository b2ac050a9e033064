/** COPY … FROM STDIN on node-postgres without pg-copy-streams, and the COPY text format. */
import type pg from 'pg';

/** pg has no COPY FROM STDIN API of its own; this submittable performs the protocol exchange. */
function copyIn(text: string, data: Buffer) {
  let done!: (err?: Error) => void;
  const finished = new Promise<void>((resolve, reject) => {
    done = (err) => (err ? reject(err) : resolve());
  });
  let error: Error | undefined;
  const submittable = {
    submit: (c: { query(t: string): void }) => c.query(text),
    handleCopyInResponse: (c: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) => {
      c.sendCopyFromChunk(data);
      c.endCopyFrom();
    },
    handleCommandComplete: () => {},
    handleReadyForQuery: () => done(error),
    handleError: (err: Error) => {
      error = err;
    },
  };
  return { submittable, finished };
}

/** Loads COPY-text rows into a table's columns through a pool client. */
export async function copyThroughPool(pool: pg.Pool, table: string, columns: string[], text: string) {
  const client = await pool.connect();
  try {
    const { submittable, finished } = copyIn(
      `copy ${table} (${columns.join(', ')}) from stdin`,
      Buffer.from(text),
    );
    client.query(submittable as unknown as pg.QueryConfig);
    await finished;
  } finally {
    client.release();
  }
}

/** One value in COPY text format. */
export const copyValue = (v: unknown) =>
  v === null || v === undefined
    ? '\\N'
    : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
