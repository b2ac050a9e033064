/**
 * A mixed read load on the HopTac process (autocannon, loopback, bounded): indicator values of the province and
 * a commune, the organisation list, searches, a plan page, the plan overview and unit counts. Goals: ≥ 500 req/s,
 * 0 errors, p95 < 300 ms, memory growth < 10 % over the run, server memory < 1.5 GB. Growth compares the median RSS of the
 * warm-up's last third with the median RSS of the measured run's last third (samples every 250 ms): a two-point
 * reading moved between +2 % and +42 % with the same code, as V8 resized its heap (docs/performance.md).
 * The server runs as configured (read cache on, docs/decisions/0008-read-cache.md); the same load on a server with
 * READ_CACHE_ENTRIES=0 is reported beside it, so the figure of the evaluations themselves stays visible.
 */
import { check } from '../support/report.js';
import { load, loginTo, startHopTac } from '../support/server-process.js';
import { median } from '../support/stats.js';
import type { BenchCase } from './case-types.js';

const MB = 2 ** 20;

export const loadCase: BenchCase = {
  name: 'load',
  kind: 'process',
  async run(env) {
    const server = await startHopTac(env.ds.serverEnv);
    let sampler: ReturnType<typeof setInterval> | undefined;
    try {
      const cookie = await loginTo(server.url);
      const get = async (p: string) => (await fetch(`${server.url}${p}`, { headers: { cookie } })).json();
      const { items } = (await get('/api/indicators')) as {
        items: { key: string; builtIn: boolean; spec: { source: string } }[];
      };
      const keys = items
        .filter((i) => i.builtIn && i.spec.source !== 'manual')
        .slice(0, 4)
        .map((i) => i.key);
      const plans = (await get('/api/plans?pageSize=10')) as { items?: { id: number }[] };
      const { province, commune } = env.units;
      const paths = [
        ...keys.map((k) => `/api/indicators/${k}/value?unitId=${province.id}`),
        ...keys.slice(0, 2).map((k) => `/api/indicators/${k}/value?unitId=${commune.id}`),
        '/api/organisations?pageSize=20',
        `/api/organisations?unitId=${province.id}&sort=name&pageSize=20`,
        `/api/organisations?${encodeURI('q=nông nghiệp')}&pageSize=20`,
        `/api/organisations?${encodeURI('q=dich vu')}&pageSize=20`,
        `/api/plans/overview?provinceId=${province.id}`,
        ...(plans.items ?? []).slice(0, 2).map((p) => `/api/plans/${p.id}`),
        '/api/units/stats',
        '/api/auth/me',
      ];
      for (const p of paths) {
        const r = await fetch(`${server.url}${p}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`${p}: ${r.status}`);
      }
      const connections = 20;
      const seconds = env.quick ? 5 : 30;
      // Without the plan evaluations (overview, plan pages: 1–2 s each nation-wide): what the rest sustains.
      const light = paths.filter((p) => !p.startsWith('/api/plans'));
      // Warm-up as long as the measured run: the JIT settles, the read cache fills, and V8 sizes its heap to the
      // allocation rate (at ~2,000 req/s RSS climbs for ~40 s, then holds or falls: docs/performance.md).
      let samples: { at: number; rss: number }[] = [];
      sampler = setInterval(() => samples.push({ at: performance.now(), rss: server.rss() }), 250);
      /** The median RSS of the last third of a period that started at `from` and ends now. */
      const lastThird = (from: number) => {
        const to = performance.now();
        const xs = samples.filter((x) => x.at >= to - (to - from) / 3).map((x) => x.rss);
        return xs.length > 0 ? median(xs) : server.rss();
      };
      let from = performance.now();
      await load(server.url, { seconds, connections, cookie, paths });
      const before = server.rss();
      const warmedUp = lastThird(from);
      let peak = Math.max(...samples.map((x) => x.rss), before);
      samples = [];
      from = performance.now();
      const r = await load(server.url, { seconds, connections, cookie, paths });
      const afterMixed = server.rss();
      const loaded = lastThird(from);
      const l = await load(server.url, { seconds, connections, cookie, paths: light });
      clearInterval(sampler);
      const after = server.rss();
      peak = Math.max(peak, after, ...samples.map((x) => x.rss));
      // The same mixed load with the read cache off: every request evaluates. The first server stops first (PGlite
      // allows one process per data directory).
      await server.stop();
      const cold = await startHopTac({ ...env.ds.serverEnv, READ_CACHE_ENTRIES: '0' });
      let c: typeof r;
      try {
        const coldCookie = await loginTo(cold.url);
        await load(cold.url, { seconds: env.quick ? 2 : 5, connections, cookie: coldCookie, paths });
        c = await load(cold.url, { seconds, connections, cookie: coldCookie, paths });
      } finally {
        await cold.stop();
      }
      const growth = (loaded / warmedUp - 1) * 100;
      const twoPoint = (afterMixed / before - 1) * 100;
      const line = (what: string, x: typeof r, rss: string) => ({
        what: `${what}, ${connections} connections, ${seconds} s`,
        app: { n: x.requests, p50: x.p50, p95: x.p95, max: x.p99 },
        note: `${Math.round(x.rps)} req/s, p99 ${x.p99.toFixed(0)} ms, errors ${x.errors}, non-2xx ${x.non2xx}, ${rss}`,
      });
      const mb = (b: number) => `${Math.round(b / MB)} MB`;
      return {
        case: 'load',
        title: 'Mixed read load',
        lines: [
          line(
            `${paths.length} read endpoints in turn`,
            r,
            `RSS median of the last third ${mb(warmedUp)} (warm-up) → ${mb(loaded)} (load); two readings ${mb(before)} → ${mb(afterMixed)} (${twoPoint >= 0 ? '+' : ''}${twoPoint.toFixed(1)} %)`,
          ),
          line(`the ${light.length} without plan evaluation`, l, `RSS → ${mb(after)}, peak ${mb(peak)}`),
          line(
            `${paths.length} read endpoints in turn, read cache off (READ_CACHE_ENTRIES=0)`,
            c,
            'every request evaluates',
          ),
        ],
        goals: [
          check('mixed load ≥ 500 req/s', r.rps, 500, 'min'),
          check('mixed load: 0 errors', r.errors + r.non2xx, 0, 'max'),
          check('mixed load p95 < 300 ms', r.p95, 300, 'max', 'ms'),
          check(
            'memory growth < 10 % (median RSS, last third of the warm-up → last third of the mixed load)',
            growth,
            10,
            'max',
            ' %',
          ),
          check('server memory < 1.5 GB (peak RSS)', peak / MB, 1536, 'max', ' MB'),
          check('without plan evaluation: ≥ 500 req/s (reported)', l.rps, 500, 'min'),
          check('without plan evaluation: p95 < 300 ms (reported)', l.p95, 300, 'max', 'ms'),
          check('without plan evaluation: 0 errors', l.errors + l.non2xx, 0, 'max'),
          check('read cache off: ≥ 500 req/s (reported)', c.rps, 500, 'min'),
          check('read cache off: 0 errors', c.errors + c.non2xx, 0, 'max'),
        ],
        notes: ['the "max" column of these lines is the p99'],
      };
    } finally {
      clearInterval(sampler);
      await server.stop();
    }
  },
};
