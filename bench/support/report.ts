/** Results of the suite: the shapes every case returns, goal checks, bench/results/latest.json and docs/performance.md. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Runtime } from './dataset.js';
import { fmtMs, type Summary } from './stats.js';

/** One measured line of a case: the application side against its floor, measured in the same run. */
export interface Line {
  what: string;
  app: Summary;
  floor?: Summary;
  floorWhat?: string;
  /** Anything else worth a column (requests/s, rows, …). */
  note?: string;
}

/** A goal checked against a measured figure. */
export interface Goal {
  goal: string;
  measured: string;
  pass: boolean;
  /** How far off when missed ("62 % over"). */
  miss?: string;
}

/** What a case returns. */
export interface CaseResult {
  case: string;
  title: string;
  lines: Line[];
  goals: Goal[];
  notes?: string[];
  /** Raw figures behind the lines, per round (JSON only; not in the Markdown table). */
  samples?: Record<string, number[]>;
  /** Set by the runner: the command and time of the measurement (cases re-run alone keep their own). */
  command?: string;
  measured?: string;
}

/** A figure checked against a limit (`max`: at most; `min`: at least). */
export function check(goal: string, value: number, limit: number, kind: 'max' | 'min', unit = ''): Goal {
  const pass = kind === 'max' ? value <= limit : value >= limit;
  const shown = unit === 'ms' ? fmtMs(value) : `${round(value)}${unit}`;
  const off = kind === 'max' ? value / limit - 1 : 1 - value / limit;
  return {
    goal,
    measured: shown,
    pass,
    miss: pass ? undefined : `${Math.round(off * 100)} % ${kind === 'max' ? 'over' : 'under'}`,
  };
}

const round = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));

/** p95 of the application side divided by the p95 of its floor. */
export const ratioOf = (l: Line) => (l.floor ? l.app.p95 / l.floor.p95 : Number.NaN);

/** One runtime's run: the dataset, machine and case results. */
export interface RuntimeRun {
  db: Runtime;
  dataset: string;
  organisations: number;
  machine: Record<string, string | number>;
  /** The command of the run that measured most cases. */
  command?: string;
  results: CaseResult[];
}

/** The Markdown of one runtime's results: one table of measurements, one of goals. */
export function runtimeMarkdown(run: RuntimeRun): string {
  const m = run.machine;
  const out = [
    `### ${run.db === 'pglite' ? 'PGlite' : 'PostgreSQL'} — ${run.dataset} (${run.organisations.toLocaleString('en-US')} organisations)`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, load average ${m.load}; Node ${m.node}; ${m.database}. Measured ${m.date}.`,
    '',
    '| case | measured | p50 | p95 | floor | floor p50 | floor p95 | ratio p95 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of run.results)
    for (const l of r.lines)
      out.push(
        `| ${r.case} | ${l.what}${l.note ? ` (${l.note})` : ''} | ${fmtMs(l.app.p50)} | ${fmtMs(l.app.p95)} | ${l.floorWhat ?? (l.floor ? 'same SQL, direct' : '—')} | ${l.floor ? fmtMs(l.floor.p50) : '—'} | ${l.floor ? fmtMs(l.floor.p95) : '—'} | ${l.floor ? ratioOf(l).toFixed(2) : '—'} |`,
      );
  out.push('', '| case | goal | measured | result |', '|---|---|---|---|');
  for (const r of run.results)
    for (const g of r.goals)
      out.push(`| ${r.case} | ${g.goal} | ${g.measured} | ${g.pass ? 'pass' : `**miss** (${g.miss})`} |`);
  const notes = run.results.flatMap((r) => (r.notes ?? []).map((n) => `- ${r.case}: ${n}`));
  for (const r of run.results)
    if (r.command && r.command !== run.command)
      notes.push(`- ${r.case}: re-measured alone with \`${r.command}\` (${r.measured})`);
  if (notes.length) out.push('', ...notes);
  return out.join('\n');
}

/**
 * Merges a run of some cases into the previous results (bench/results/latest.json): the cases measured now
 * replace theirs, the others keep their figures and the command that measured them.
 */
export function mergeWithPrevious(runs: RuntimeRun[], order: string[]): RuntimeRun[] {
  if (!existsSync('bench/results/latest.json')) return runs;
  const previous = JSON.parse(readFileSync('bench/results/latest.json', 'utf8')) as {
    command: string;
    runs: RuntimeRun[];
  };
  const merged = previous.runs.map((old) => {
    const now = runs.find((r) => r.db === old.db);
    if (!now) return old;
    const results = order
      .map((c) => now.results.find((r) => r.case === c) ?? old.results.find((r) => r.case === c))
      .filter((r): r is CaseResult => !!r);
    const whole = order.every((c) => now.results.some((r) => r.case === c));
    return whole ? now : { ...old, command: old.command ?? previous.command, results };
  });
  return [...merged, ...runs.filter((r) => !merged.some((m) => m.db === r.db))];
}

/** Writes the whole run to bench/results/latest.json. */
export function writeResults(command: string, runs: RuntimeRun[], extra: Goal[]) {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/latest.json',
    `${JSON.stringify({ command, runs, crossRuntime: extra }, null, 2)}\n`,
  );
}

const START = '<!-- bench-suite:start -->';
const END = '<!-- bench-suite:end -->';

/** Replaces the text between the suite's markers in docs/performance.md (appends them when missing). */
export function writePerformanceDoc(markdown: string, path = 'docs/performance.md') {
  let doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Performance\n';
  const block = `${START}\n${markdown.trim()}\n${END}`;
  if (doc.includes(START) && doc.includes(END))
    doc = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, doc);
}
