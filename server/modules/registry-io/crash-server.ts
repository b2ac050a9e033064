/**
 * A real HopTac server process for the crash-safety test: started as `npm start` runs it, killed with
 * SIGKILL mid-request, started again on the same data (PGlite DATA_DIR or PostgreSQL database).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** A running server and how to end it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Starts server/main.ts on a free port without the demo data (its registry seed takes most of a minute);
 * resolves once /api/health answers. Create the accounts you need with addUser() first.
 */
export async function startServerProcess(env: {
  DATA_DIR: string;
  DATABASE_URL: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };
  for (const deadline = Date.now() + 180_000; ; ) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, child, output: () => out, kill };
}

/** A signed-in HTTP session against a server process (Origin header on mutations, as a browser sends). */
export async function signIn(url: string, username: string, password: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = /hoptac_session=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return {
    get: (path: string) => fetch(`${url}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { cookie, origin: url, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    upload: (path: string, form: FormData) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { cookie, origin: url }, body: form }),
  };
}
