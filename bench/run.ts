/**
 * The benchmark suite (never part of `npm test`). Runs each case on PostgreSQL with the national dataset and on
 * PGlite with one province, and the in-process cases on PostgreSQL with that same province, to compare PGlite with
 * PostgreSQL on the same data; every case is timed side by side with its floor in the same run, so that each figure
 * is also a ratio. Writes bench/results/latest.json and the tables of docs/performance.md (between markers).
 *
 *   npm run bench                                     all cases, both engines
 *   npm run bench -- --db pglite|postgres|postgres-province|both --case dashboard,search --runs 20 --quick --seed-if-missing
 *
 * Datasets: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hoptac_national), BENCH_DATA_DIR
 * (default data/bench-province) and BENCH_PROVINCE_DATABASE_URL (default …/hoptac_province, the same province as
 * PGlite's); a missing one prints the seed command that creates it.
 */
import { type BenchCase, type CaseEnv, pickUnits } from './cases/case-types.js';
import { dashboardCase } from './cases/dashboard.case.js';
import { exportCase } from './cases/export.case.js';
import { httpCase } from './cases/http.case.js';
import { importCase } from './cases/import.case.js';
import { loadCase } from './cases/load.case.js';
import { orgListCase } from './cases/org-list.case.js';
import { searchCase } from './cases/search.case.js';
import { targetsCase } from './cases/targets.case.js';
import { openBenchApp } from './support/bench-app.js';
import { openDataset, type Runtime } from './support/dataset.js';
import { machineInfo } from './support/machine.js';
import {
  type CaseResult,
  check,
  type Goal,
  mergeWithPrevious,
  type RuntimeRun,
  runtimeMarkdown,
  writePerformanceDoc,
  writeResults,
} from './support/report.js';

/** In running order: import leaves its rows for export, which removes them; process cases run last. */
const CASES: BenchCase[] = [
  dashboardCase,
  targetsCase,
  searchCase,
  orgListCase,
  importCase,
  exportCase,
  httpCase,
  loadCase,
];

function parseArgs(argv: string[]) {
  const o = { db: 'both', cases: CASES.map((c) => c.name), runs: 0, quick: false, seed: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') o.db = argv[++i];
    else if (a === '--case') o.cases = argv[++i].split(',');
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--quick') o.quick = true;
    else if (a === '--seed-if-missing') o.seed = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!['pglite', 'postgres', 'postgres-province', 'both'].includes(o.db))
    throw new Error('--db must be pglite, postgres, postgres-province or both');
  const unknown = o.cases.filter((c) => !CASES.some((x) => x.name === c));
  if (unknown.length)
    throw new Error(`unknown case ${unknown.join(', ')}; cases: ${CASES.map((c) => c.name).join(', ')}`);
  return o;
}

const failed = (c: BenchCase, err: unknown): CaseResult => ({
  case: c.name,
  title: c.name,
  lines: [],
  goals: [
    {
      goal: 'case ran',
      measured: 'error',
      pass: false,
      miss: String(err instanceof Error ? err.message : err).slice(0, 200),
    },
  ],
});

async function runRuntime(kind: Runtime, o: ReturnType<typeof parseArgs>): Promise<RuntimeRun> {
  const { ds, orgs } = await openDataset(kind, o.seed);
  const units = await pickUnits(ds);
  const app = await openBenchApp(ds);
  const machine = await machineInfo(ds);
  const env: CaseEnv = {
    ds,
    app,
    units,
    organisations: orgs,
    quick: o.quick,
    runs: o.runs || (o.quick ? 3 : 15),
    slowRuns: o.runs || (o.quick ? 1 : 3),
  };
  console.log(
    `\n=== ${kind}: ${ds.label}, ${orgs} organisations; province ${units.province.name}, commune ${units.commune.name}`,
  );
  const results: CaseResult[] = [];
  // The province on PostgreSQL is there to compare PGlite on the same data: the in-process cases only.
  const selected = CASES.filter(
    (c) => o.cases.includes(c.name) && (kind !== 'postgres-province' || c.kind !== 'process'),
  );
  let open = true;
  for (const c of selected) {
    if (c.kind === 'process' && open) {
      await app.close();
      await ds.close();
      open = false;
    }
    console.log(`--- ${c.name}`);
    const r = await c.run(env).catch((err) => {
      console.error(err);
      return failed(c, err);
    });
    r.command = command;
    r.measured = `${machine.date}, load average ${machine.load}`;
    for (const g of r.goals)
      console.log(`  ${g.pass ? 'pass' : 'MISS'}  ${g.goal}: ${g.measured}${g.miss ? ` (${g.miss})` : ''}`);
    results.push(r);
  }
  if (open) {
    await app.close();
    await ds.close();
  }
  return { db: kind, dataset: ds.label, organisations: orgs, machine, command, results };
}

/** PGlite within 2.5 × PostgreSQL on the same data (the same province), line by line (p95 of the application side). */
function crossRuntime(runs: RuntimeRun[]): Goal[] {
  const pg = runs.find((r) => r.db === 'postgres-province');
  const lite = runs.find((r) => r.db === 'pglite');
  if (!pg || !lite) return [];
  const out: Goal[] = [];
  for (const r of lite.results.filter((x) => !['http', 'load'].includes(x.case))) {
    const other = pg.results.find((x) => x.case === r.case);
    r.lines.forEach((l, i) => {
      const p = other?.lines[i];
      if (p && l.floor)
        out.push(
          check(
            `${r.case}: ${l.what} — PGlite p95 ÷ PostgreSQL p95 ≤ 2.5`,
            l.app.p95 / p.app.p95,
            2.5,
            'max',
            '×',
          ),
        );
    });
  }
  return out;
}

const o = parseArgs(process.argv.slice(2));
const envs = ['BENCH_DATABASE_URL', 'BENCH_DATA_DIR']
  .filter((k) => process.env[k])
  .map((k) => `${k}=${process.env[k]} `);
const args = process.argv.slice(2).join(' ');
const command = `${envs.join('')}npm run bench${args ? ` -- ${args}` : ''}`;
const runs: RuntimeRun[] = [];
let missing = false;
for (const kind of (o.db === 'both' ? ['postgres', 'pglite', 'postgres-province'] : [o.db]) as Runtime[]) {
  try {
    runs.push(await runRuntime(kind, o));
  } catch (err) {
    missing = true;
    console.error(`\n${kind}: ${err instanceof Error ? err.message : err}`);
  }
}
// Nothing measured (every dataset missing): the message above says how to create them.
if (!runs.length) process.exit(2);
// A run of some cases (or one runtime) updates those in the previous results and keeps the others.
const all = mergeWithPrevious(
  runs,
  CASES.map((c) => c.name),
);
const cross = crossRuntime(all);
for (const g of cross)
  console.log(`  ${g.pass ? 'pass' : 'MISS'}  ${g.goal}: ${g.measured}${g.miss ? ` (${g.miss})` : ''}`);
if (runs.length) {
  writeResults(command, all, cross);
  const md = [
    `Command: \`${all[0].command ?? command}\` — medians and p95 over the rounds of each case; the floor of each line is measured in the same run, alternating with it.`,
    ...all.map(runtimeMarkdown),
    ...(cross.length
      ? [
          '### PGlite against PostgreSQL on the same data',
          '',
          `PGlite (${all.find((r) => r.db === 'pglite')?.dataset}) against PostgreSQL holding the same province (${all.find((r) => r.db === 'postgres-province')?.dataset}), line by line.`,
          '',
          '| goal | measured | result |',
          '|---|---|---|',
          ...cross.map((g) => `| ${g.goal} | ${g.measured} | ${g.pass ? 'pass' : `**miss** (${g.miss})`} |`),
        ]
      : []),
  ].join('\n\n');
  writePerformanceDoc(md);
  console.log('\nWrote bench/results/latest.json and docs/performance.md');
}
process.exit(missing && !runs.length ? 2 : 0);
