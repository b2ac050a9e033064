import { join, resolve } from 'node:path';

/** Where the migrated PGlite template (with admin units) is dumped for test files to load. */
export const PGLITE_TEMPLATE = resolve('.tmp/pglite-template.tar.gz');
/**
 * Name of this run's PostgreSQL template database. Each run has its own (its id is the run's start time,
 * passed to workers through HOPTAC_TEST_RUN) so that concurrent runs on one server never drop each other's.
 */
export function pgTemplateDb(): string {
  const run = process.env.HOPTAC_TEST_RUN;
  if (!run)
    throw new Error(
      'HOPTAC_TEST_RUN is not set: tests must run through vitest (server/test/global-setup.ts)',
    );
  return `hoptac_tpl_${run}`;
}

/** Prefix of the databases cloned during this run. */
export function pgClonePrefix(): string {
  return `hoptac_t_${process.env.HOPTAC_TEST_RUN}_`;
}

/** The same server URL pointed at another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A scratch directory under .tmp for one test's files. */
export function scratchDir(name: string): string {
  return join(resolve('.tmp'), `${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
}
