import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { openPGlite, openPostgres } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ensureAdminUnits } from '../modules/admin-unit/admin-unit.load.js';
import { PGLITE_TEMPLATE, pgClonePrefix, pgTemplateDb, withDatabase } from './template.js';

const STALE_MS = 6 * 3_600_000;

/**
 * Prepares one migrated database with the administrative units, once per run: a PGlite dump by
 * default, or a PostgreSQL template database when DATABASE_URL is set. Test files clone it.
 */
export default async function setup() {
  mkdirSync(dirname(PGLITE_TEMPLATE), { recursive: true });
  // Workers are forked after global setup and inherit this: the run id names this run's databases.
  process.env.HOPTAC_TEST_RUN = Date.now().toString(36);
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect().catch((err) => {
      throw new Error(
        `DATABASE_URL is set but PostgreSQL is not reachable (${err.message}); CI must not skip it.`,
      );
    });
    // Drop what crashed runs left behind, but only when older than a few hours: another run may be live.
    const old = await admin.query(
      `select datname from pg_database where datname ~ '^hoptac_(tpl|t)_[0-9a-z]+'`,
    );
    for (const r of old.rows as { datname: string }[]) {
      const run = /^hoptac_(?:tpl|t)_([0-9a-z]+)/.exec(r.datname)?.[1] ?? '';
      if (Date.now() - Number.parseInt(run, 36) > STALE_MS)
        await admin.query(`drop database if exists "${r.datname}" with (force)`);
    }
    await admin.query(`create database "${pgTemplateDb()}"`);
    await admin.end();
    const database = await openPostgres(withDatabase(url, pgTemplateDb()), 2);
    await migrateToLatest(database.db);
    await ensureAdminUnits(database.db);
    await database.close();
    return async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      const mine = await a.query(
        `select datname from pg_database where datname = $1 or starts_with(datname, $2)`,
        [pgTemplateDb(), pgClonePrefix()],
      );
      for (const r of mine.rows as { datname: string }[])
        await a.query(`drop database if exists "${r.datname}" with (force)`);
      await a.end();
    };
  }
  const database = await openPGlite({});
  await migrateToLatest(database.db);
  await ensureAdminUnits(database.db);
  const dump = await database.pglite!.dumpDataDir('gzip');
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}
