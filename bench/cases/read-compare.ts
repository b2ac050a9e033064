/** The common shape of the read cases: requests through the application against the SQL they run, side by side. */
import type { Statement } from '../support/bench-app.js';
import type { Line } from '../support/report.js';
import { sideBySide, summarise } from '../support/stats.js';
import type { CaseEnv } from './case-types.js';

/** A group of requests measured together as one line. */
export interface ReadGroup {
  what: string;
  paths: string[];
}

/**
 * Samples per line at least (except with --quick): a p95 is a quantile only over enough samples. Over 3, as the
 * suite's `--runs 3` used to give a one-request line, it is the slowest sample, so one garbage collection decided it.
 */
export const MIN_LINE_SAMPLES = 40;

/**
 * Captures the SQL of every path, then times each request through the application and its captured SQL run
 * directly, alternately, `env.runs` rounds after a warm-up, or more for a line of few paths so that it has at least
 * MIN_LINE_SAMPLES samples. One line per group; also the slowest paths.
 */
export async function compareReads(env: CaseEnv, groups: ReadGroup[]) {
  const captured = new Map<string, Statement[]>();
  for (const g of groups) for (const p of g.paths) captured.set(p, await env.app.capture(p));
  const lines: Line[] = [];
  const perPath: { path: string; app: number; floor: number; statements: number }[] = [];
  for (const g of groups) {
    const app: number[] = [];
    const floor: number[] = [];
    const rounds = env.quick ? env.runs : Math.max(env.runs, Math.ceil(MIN_LINE_SAMPLES / g.paths.length));
    for (const p of g.paths) {
      const s = await sideBySide(rounds, [
        { app: () => env.app.get(p), floor: () => env.app.replay(captured.get(p)!) },
      ]);
      app.push(...s.app);
      floor.push(...s.floor);
      perPath.push({
        path: p,
        app: summarise(s.app).p50,
        floor: summarise(s.floor).p50,
        statements: captured.get(p)!.length,
      });
    }
    lines.push({
      what: g.what,
      app: summarise(app),
      floor: summarise(floor),
      note: `${g.paths.length} requests`,
    });
  }
  perPath.sort((a, b) => b.app - a.app);
  return { lines, slowest: perPath.slice(0, 3), captured };
}

/** "path 12.3 ms / 11.9 ms (4 statements)" for the notes. */
export const describeSlowest = (xs: { path: string; app: number; floor: number; statements: number }[]) =>
  xs
    .map(
      (x) =>
        `\`${decodeURI(x.path)}\` ${x.app.toFixed(1)} ms / ${x.floor.toFixed(1)} ms (${x.statements} statements)`,
    )
    .join('; ');
