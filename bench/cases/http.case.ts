/**
 * HTTP overhead of two JSON endpoints served by the HopTac process, each against a bare node:http process
 * answering the same bytes (autocannon on loopback, bounded duration, alternating the servers):
 * - GET /api/auth/me, signed in: middleware, the session check (in-process cache, docs/decisions/0006), JSON;
 * - GET /api/health, public: the same middleware and framework without a session, plus one `select 1`.
 * The difference between the two lines is the session lookup. Goal: overhead ≤ 15 % (requests/s).
 * Every server gets the same requests, the signed-in endpoint's session cookie included: what differs is the server
 * alone (the bare servers ignore the cookie; they still parse it, as any node:http server parses what it is sent).
 * The machine's speed drifts by ±30 % over tens of seconds (other guests on the host; autocannon shares the two
 * cores), more than the overhead measured. So the servers are loaded in many short rounds, each server once per round
 * back to back, and the overhead is the median over rounds of (bare req/s ÷ app req/s − 1): a drift slower than a round
 * cancels out of each round's ratio. The ratio of the overall median req/s is in the line's note.
 * Each line also notes the CPU time each server process spent per request (/proc/<pid>/stat, user + system), which
 * moves much less with the machine's load than requests/s: autocannon shares the cores with the servers.
 * GET /api/auth/me is answered by the fast lane after its first request (server/http/fast-lane.ts). A third server,
 * bare node:http sending the same headers as the application (security headers, a fresh request id), is reported
 * beside it: the part of the overhead that is those headers, not the application.
 */
import { readFileSync } from 'node:fs';
import { check } from '../support/report.js';
import {
  type LoadResult,
  load,
  loginTo,
  type ServerProcess,
  startBare,
  startHopTac,
} from '../support/server-process.js';
import { median, summarise } from '../support/stats.js';
import type { BenchCase } from './case-types.js';

interface Endpoint {
  path: string;
  what: string;
  cookie?: string;
  bare?: ServerProcess;
  /** Bare node:http with the application's headers too (reported, for /me). */
  sameHeaders?: ServerProcess;
  headersFloor: LoadResult[];
  headersCpu: number[];
  app: LoadResult[];
  floor: LoadResult[];
  /** CPU µs per request of each run. */
  appCpu: number[];
  floorCpu: number[];
}

/** CPU time (user + system) a process has used, in µs (Linux; 0 elsewhere). */
function cpuMicros(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1_000_000) / 100; // clock ticks, 100 per second
  } catch {
    return 0;
  }
}

/** A load run, with the CPU the server process spent per request. */
async function measured(pid: number, run: () => Promise<LoadResult>, cpu: number[]): Promise<LoadResult> {
  const before = cpuMicros(pid);
  const r = await run();
  cpu.push((cpuMicros(pid) - before) / Math.max(1, r.requests));
  return r;
}

/** Response headers Node's http server adds by itself (to both servers alike). */
const NODE_ADDS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const rps = (xs: LoadResult[]) => median(xs.map((x) => x.rps));
/** Median over rounds of floor req/s ÷ app req/s, minus one. */
const pairedOverhead = (app: LoadResult[], floor: LoadResult[]) =>
  median(app.map((a, i) => floor[i].rps / a.rps)) - 1;
const overhead = (e: Endpoint) => pairedOverhead(e.app, e.floor);

export const httpCase: BenchCase = {
  name: 'http',
  kind: 'process',
  async run(env) {
    const server = await startHopTac(env.ds.serverEnv);
    const cookie = await loginTo(server.url);
    const endpoints: Endpoint[] = [
      {
        path: '/api/auth/me',
        what: 'GET /api/auth/me (signed in)',
        cookie,
        app: [],
        floor: [],
        appCpu: [],
        floorCpu: [],
        headersFloor: [],
        headersCpu: [],
      },
      {
        path: '/api/health',
        what: 'GET /api/health (public, one `select 1`)',
        app: [],
        floor: [],
        appCpu: [],
        floorCpu: [],
        headersFloor: [],
        headersCpu: [],
      },
    ];
    try {
      for (const e of endpoints) {
        const headers = e.cookie ? { cookie: e.cookie } : undefined;
        const r = await fetch(`${server.url}${e.path}`, { headers });
        if (r.status !== 200) throw new Error(`${e.path}: ${r.status}`);
        const sent: string[] = [];
        r.headers.forEach((value, name) => {
          if (!NODE_ADDS.has(name)) sent.push(name, value);
        });
        const body = await r.text();
        e.bare = await startBare(body);
        if (e.cookie) e.sameHeaders = await startBare(body, sent);
      }
      const seconds = env.quick ? 2 : 3;
      const rounds = env.quick ? 3 : Math.max(8, 3 * env.slowRuns);
      const o = { seconds, connections: 10 };
      for (const e of endpoints) {
        await load(`${server.url}${e.path}`, { ...o, seconds: 2, cookie: e.cookie });
        await load(e.bare!.url, { ...o, seconds: 2, cookie: e.cookie });
        if (e.sameHeaders) await load(e.sameHeaders.url, { ...o, seconds: 2, cookie: e.cookie });
      }
      for (let i = 0; i < rounds; i++) {
        for (const e of endpoints) {
          // Every server gets the same requests, the session cookie included (a bare server ignores it).
          const same = { ...o, cookie: e.cookie };
          const app = () => load(`${server.url}${e.path}`, same);
          const steps = [
            async () => e.app.push(await measured(server.pid, app, e.appCpu)),
            async () => e.floor.push(await measured(e.bare!.pid, () => load(e.bare!.url, same), e.floorCpu)),
          ];
          const h = e.sameHeaders;
          if (h)
            steps.push(async () =>
              e.headersFloor.push(await measured(h.pid, () => load(h.url, same), e.headersCpu)),
            );
          // Every other round in the reverse order, so that no server always goes first.
          for (const step of i % 2 ? steps.reverse() : steps) await step();
        }
      }
      const errors = (e: Endpoint) => e.app.reduce((n, x) => n + x.errors + x.non2xx, 0);
      const [me, health] = endpoints;
      const headersOverhead = pairedOverhead(me.app, me.headersFloor);
      return {
        case: 'http',
        title: 'HTTP overhead of a JSON endpoint',
        lines: [
          ...endpoints.map((e) => ({
            what: `${e.what}, per-request latency`,
            app: summarise(e.app.map((x) => x.p50)),
            floor: summarise(e.floor.map((x) => x.p50)),
            floorWhat: 'bare node:http, same payload',
            note: `${Math.round(rps(e.app)).toLocaleString('en-US')} req/s vs ${Math.round(rps(e.floor)).toLocaleString('en-US')} req/s (ratio of medians ${(rps(e.floor) / rps(e.app)).toFixed(2)}); CPU per request ${median(e.appCpu).toFixed(1)} vs ${median(e.floorCpu).toFixed(1)} µs; 10 connections, ${e.app.length} rounds of ${seconds} s`,
          })),
          {
            what: `${me.what} against bare node:http sending the same headers too, per-request latency`,
            app: summarise(me.app.map((x) => x.p50)),
            floor: summarise(me.headersFloor.map((x) => x.p50)),
            floorWhat: 'bare node:http, same payload and headers',
            note: `${Math.round(rps(me.app)).toLocaleString('en-US')} req/s vs ${Math.round(rps(me.headersFloor)).toLocaleString('en-US')} req/s; CPU per request ${median(me.appCpu).toFixed(1)} vs ${median(me.headersCpu).toFixed(1)} µs`,
          },
        ],
        goals: [
          check(
            'HTTP overhead ≤ 15 % (median over rounds of bare req/s ÷ app req/s − 1)',
            overhead(me) * 100,
            15,
            'max',
            ' %',
          ),
          check('no errors', errors(me), 0, 'max'),
          check(
            'overhead over bare node:http sending the same headers ≤ 15 % (reported)',
            headersOverhead * 100,
            15,
            'max',
            ' %',
          ),
          check(
            'public endpoint (GET /api/health) overhead ≤ 15 % (reported)',
            overhead(health) * 100,
            15,
            'max',
            ' %',
          ),
          check('public endpoint: no errors', errors(health), 0, 'max'),
        ],
        samples: Object.fromEntries(
          endpoints.flatMap((e) => {
            const at = e.path.replace('/api/', '');
            const r = (xs: LoadResult[]) => xs.map((x) => Math.round(x.rps));
            return [
              [`${at} app req/s`, r(e.app)],
              [`${at} bare req/s`, r(e.floor)],
              [`${at} app CPU µs`, e.appCpu],
              [`${at} bare CPU µs`, e.floorCpu],
              ...(e.sameHeaders
                ? [
                    [`${at} same-headers req/s`, r(e.headersFloor)],
                    [`${at} same-headers CPU µs`, e.headersCpu],
                  ]
                : []),
            ];
          }),
        ),
        notes: [
          'latency columns are the medians (p50) and p95 of the per-round p50 latencies',
          'overhead: median over rounds of the ratio within each round (each round loads every server once, back to back)',
          'the load generator (autocannon) runs in the bench process on the same cores as the servers',
        ],
      };
    } finally {
      for (const e of endpoints) {
        await e.bare?.stop();
        await e.sameHeaders?.stop();
      }
      await server.stop();
    }
  },
};
