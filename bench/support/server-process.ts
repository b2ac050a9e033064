/** Server processes for the load cases: HopTac itself (server/main.ts) and a bare node:http server, on loopback. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import { BENCH_USER } from './bench-app.js';
import { quantile } from './stats.js';

/** A running server process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident memory of the process, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function waitUp(child: ChildProcess, url: string, out: () => string): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function wrap(child: ChildProcess, url: string): ServerProcess {
  return {
    url,
    pid: child.pid!,
    rss: () => rssOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Starts server/main.ts on the dataset (no demo seeding), as `npm start` runs it. */
export async function startHopTac(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: `.tmp/bench-server-${process.pid}`,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUp(child, `${url}/api/health`, () => out);
  return wrap(child, url);
}

const BARE = `
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const body = Buffer.from(process.env.BARE_BODY);
const extra = JSON.parse(process.env.BARE_HEADERS || '[]');
const id = extra.indexOf('x-request-id');
http.createServer((req, res) => {
  if (id < 0) res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  else {
    const headers = extra.slice();
    headers[id + 1] = randomUUID();
    res.writeHead(200, headers);
  }
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');`;

/**
 * Starts a bare node:http server answering every request with the same JSON payload; with `headers` (a flat name,
 * value list), those headers instead of content type and length, and a fresh random `x-request-id` per request
 * when the list holds one (as the application sends).
 */
export async function startBare(payload: string, headers?: string[]): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BARE], {
    env: {
      ...process.env,
      PORT: String(port),
      BARE_BODY: payload,
      ...(headers ? { BARE_HEADERS: JSON.stringify(headers) } : {}),
    },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUp(child, url, () => '');
  return wrap(child, url);
}

/** Signs the bench user in on a server process; returns the session cookie. */
export async function loginTo(url: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_USER),
  });
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  return /hoptac_session=[^;]*/.exec(r.headers.get('set-cookie') ?? '')?.[0] ?? '';
}

/** What a load run measured. */
export interface LoadResult {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

/** Runs autocannon against a URL for a bounded duration, recording every response time. */
export async function load(
  url: string,
  o: { seconds: number; connections: number; cookie?: string; paths?: string[] },
): Promise<LoadResult> {
  const times: number[] = [];
  const headers = o.cookie ? { cookie: o.cookie } : undefined;
  const inst = autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    timeout: 30,
    headers,
    requests: o.paths?.map((path) => ({ method: 'GET', path, headers })),
  });
  inst.on('response', (_c, _s, _b, ms) => times.push(ms));
  const r = await inst;
  return {
    rps: r.requests.total / r.duration,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}
