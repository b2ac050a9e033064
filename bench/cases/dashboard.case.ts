/**
 * Dashboard and indicator evaluation for the nation, one province and one commune: GET
 * /api/indicators/{key}/value for a spread of built-in indicators (two per source), and the province's plan
 * overview, each against the aggregate SQL the service ran, replayed directly.
 */
import { check, type Goal } from '../support/report.js';
import type { BenchCase, CaseEnv } from './case-types.js';
import { compareReads, describeSlowest } from './read-compare.js';

interface IndicatorItem {
  key: string;
  builtIn: boolean;
  spec: { source: string };
}

/** Two built-in indicators of each computed source (manual figures are a lookup, not an aggregate). */
export async function dashboardIndicators(env: CaseEnv): Promise<string[]> {
  const { items } = (await env.app.get('/api/indicators')) as { items: IndicatorItem[] };
  const bySource = new Map<string, string[]>();
  for (const i of items.filter((x) => x.builtIn && x.spec.source !== 'manual')) {
    const list = bySource.get(i.spec.source) ?? [];
    if (list.length < 2) list.push(i.key);
    bySource.set(i.spec.source, list);
  }
  return [...bySource.values()].flat();
}

/** "2" or "1–2 (mean 1.2)": how many statements the requests of a line ran. */
function statementCounts(xs: number[]): string {
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return lo === hi ? String(lo) : `${lo}–${hi} (mean ${mean.toFixed(1)})`;
}

/** The ratio goal of dashboards and targets: p95 ≤ 2 × the direct SQL + 5 ms. */
export function ratioGoal(what: string, app: number, floor: number): Goal {
  const g = check(
    `${what}: p95 ≤ 2 × direct SQL + 5 ms (${(2 * floor + 5).toFixed(1)} ms)`,
    app,
    2 * floor + 5,
    'max',
    'ms',
  );
  return g;
}

export const dashboardCase: BenchCase = {
  name: 'dashboard',
  kind: 'in-process',
  async run(env) {
    const keys = await dashboardIndicators(env);
    const at = (unit: number | null) =>
      keys.map(
        (k) => `/api/indicators/${encodeURIComponent(k)}/value${unit === null ? '' : `?unitId=${unit}`}`,
      );
    const groups = [
      { what: 'indicator values, nation', paths: at(null) },
      { what: `indicator values, province (${env.units.province.name})`, paths: at(env.units.province.id) },
      { what: `indicator values, commune (${env.units.commune.name})`, paths: at(env.units.commune.id) },
      {
        what: 'plan overview of the province',
        paths: [`/api/plans/overview?provinceId=${env.units.province.id}`],
      },
    ];
    const { lines, slowest, captured } = await compareReads(env, groups);
    const goals: Goal[] = lines.map((l) => ratioGoal(l.what, l.app.p95, l.floor!.p95));
    if (env.ds.national) {
      goals.push(check('nation p95 < 50 ms (PostgreSQL)', lines[0].app.p95, 50, 'max', 'ms'));
      goals.push(check('province p95 < 20 ms (PostgreSQL)', lines[1].app.p95, 20, 'max', 'ms'));
    }
    return {
      case: 'dashboard',
      title: 'Dashboards and indicator evaluation',
      lines,
      goals,
      notes: [
        `indicators: ${keys.join(', ')}`,
        `slowest (median, application / direct): ${describeSlowest(slowest)}`,
        `statements per request (session lookups excluded): ${groups.map((g) => `${g.what} ${statementCounts(g.paths.map((p) => captured.get(p)?.length ?? 0))}`).join('; ')}`,
      ],
    };
  },
};
