import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openPGlite, openPostgres } from '../db/database.js';
import { PGLITE_TEMPLATE, pgClonePrefix, pgTemplateDb, withDatabase } from './template.js';

let counter = 0;

/** A fresh database for one test file: a clone of the run's template (PGlite by default, PostgreSQL with DATABASE_URL). */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const blob = new Blob([readFileSync(PGLITE_TEMPLATE)]);
    return openPGlite({ loadDataDir: blob });
  }
  const name = `${pgClonePrefix()}${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template "${pgTemplateDb()}"`);
      break;
    } catch (err) {
      // Two clones at the same instant can collide on the template; try again shortly.
      if (attempt > 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const dbUrl = withDatabase(url, name);
  const database = await openPostgres(dbUrl, 4);
  return {
    ...database,
    url: dbUrl,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
