/**
 * HTTP overhead: GET /api/auth/me (a signed-in JSON endpoint: session check, middleware, zod, JSON) served by
 * the HopTac process, against a bare node:http process answering the same payload. autocannon on loopback,
 * bounded duration, alternating the two servers. Goal: overhead ≤ 15 % (requests/s, medians).
 */
import { check } from '../support/report.js';
import { type LoadResult, load, loginTo, startBare, startHopTac } from '../support/server-process.js';
import { median, summarise } from '../support/stats.js';
import type { BenchCase } from './case-types.js';

export const httpCase: BenchCase = {
  name: 'http',
  kind: 'process',
  async run(env) {
    const server = await startHopTac(env.ds.serverEnv);
    let bare: Awaited<ReturnType<typeof startBare>> | undefined;
    try {
      const cookie = await loginTo(server.url);
      const payload = await (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).text();
      bare = await startBare(payload);
      const seconds = env.quick ? 3 : 10;
      const o = { seconds, connections: 10 };
      await load(`${server.url}/api/auth/me`, { ...o, seconds: 2, cookie });
      await load(bare.url, { ...o, seconds: 2 });
      const app: LoadResult[] = [];
      const floor: LoadResult[] = [];
      for (let i = 0; i < Math.max(2, env.slowRuns); i++) {
        app.push(await load(`${server.url}/api/auth/me`, { ...o, cookie }));
        floor.push(await load(bare.url, o));
      }
      const rps = (xs: typeof app) => median(xs.map((x) => x.rps));
      const overhead = rps(floor) / rps(app) - 1;
      const errors = app.reduce((n, x) => n + x.errors + x.non2xx, 0);
      return {
        case: 'http',
        title: 'HTTP overhead of a JSON endpoint',
        lines: [
          {
            what: 'GET /api/auth/me, per-request latency',
            app: summarise(app.map((x) => x.p50)),
            floor: summarise(floor.map((x) => x.p50)),
            floorWhat: 'bare node:http, same payload',
            note: `${Math.round(rps(app)).toLocaleString('en-US')} req/s vs ${Math.round(rps(floor)).toLocaleString('en-US')} req/s; 10 connections, ${seconds} s × ${app.length}`,
          },
        ],
        goals: [
          check('HTTP overhead ≤ 15 % (bare req/s ÷ app req/s − 1)', overhead * 100, 15, 'max', ' %'),
          check('no errors', errors, 0, 'max'),
        ],
        notes: ['latency columns are the medians (p50) and p95 of the per-run p50 latencies'],
      };
    } finally {
      await bare?.stop();
      await server.stop();
    }
  },
};
