import pg from 'pg';
import type { Database } from '../../db/database.js';
import { type CopySink, pgliteSink, pgSink } from './copy-sink.js';
import { loadNationalDataset, type NationalSeedSummary } from './national-load.js';

/** A COPY sink over a test database (its own pg client on PostgreSQL, the PGlite instance otherwise). */
export async function testSink(
  database: Database & { url?: string },
): Promise<{ sink: CopySink; close(): Promise<void> }> {
  if (database.pglite) return { sink: pgliteSink(database.pglite), close: async () => {} };
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return { sink: pgSink(client), close: () => client.end() };
}

/** Loads a small fraction of the national dataset (≈1,200 organisations at 0.01) into a test database. */
export async function loadTiny(
  database: Database & { url?: string },
  opts: { seed: number; fraction?: number; reset?: boolean },
): Promise<NationalSeedSummary> {
  const { sink, close } = await testSink(database);
  try {
    return await loadNationalDataset(database.db, sink, {
      scale: { kind: 'tiny', provinceCode: null, fraction: opts.fraction ?? 0.01 },
      seed: opts.seed,
      reset: opts.reset ?? false,
    });
  } finally {
    await close();
  }
}
