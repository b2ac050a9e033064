/** What every benchmark case receives and returns. */
import { sql } from 'kysely';
import type { BenchApp } from '../support/bench-app.js';
import type { Dataset } from '../support/dataset.js';
import type { CaseResult } from '../support/report.js';

/** The units the read cases evaluate: the nation, the province with most organisations, its busiest commune. */
export interface BenchUnits {
  province: { id: number; name: string; orgs: number };
  commune: { id: number; name: string; orgs: number };
}

/** The environment of a case. */
export interface CaseEnv {
  ds: Dataset;
  /** The application in-process (null for cases that start their own server process). */
  app: BenchApp;
  units: BenchUnits;
  /** Measured rounds of the read cases (each request and its SQL, after a warm-up round). */
  runs: number;
  /** Runs of the slow cases (import, export, load runs). */
  slowRuns: number;
  quick: boolean;
  organisations: number;
}

/** A benchmark case. `process` cases start a server process and need the in-process database closed (PGlite). */
export interface BenchCase {
  name: string;
  kind: 'in-process' | 'process';
  run(env: CaseEnv): Promise<CaseResult>;
}

/** Finds the province with most organisations and its commune with most organisations. */
export async function pickUnits(ds: Dataset): Promise<BenchUnits> {
  const p = await sql<{ id: number; name: string; n: number }>`
    select u.id, u.full_name as name, count(*)::int as n from organisation o join admin_unit u on u.id = o.province_id
    group by u.id, u.full_name order by n desc, u.id limit 1`.execute(ds.db);
  if (!p.rows[0]) throw new Error('the dataset has no organisations');
  const c = await sql<{ id: number; name: string; n: number }>`
    select u.id, u.full_name as name, count(*)::int as n from organisation o join admin_unit u on u.id = o.commune_id
    where o.province_id = ${p.rows[0].id} group by u.id, u.full_name order by n desc, u.id limit 1`.execute(
    ds.db,
  );
  const [pr, co] = [p.rows[0], c.rows[0]];
  return {
    province: { id: pr.id, name: pr.name, orgs: pr.n },
    commune: { id: co.id, name: co.name, orgs: co.n },
  };
}
