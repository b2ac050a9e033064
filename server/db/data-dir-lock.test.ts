import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../test/template.js';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';
import { openPGlite } from './database.js';

const ROOT = resolve('.');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(name: string) {
  const d = scratchDir(name);
  mkdirSync(d, { recursive: true });
  dirs.push(d);
  return d;
}

interface Running {
  child: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

/** Runs a TypeScript file in a fresh Node process (tsx as an import hook, so the PID is the script's own). */
function runTs(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b) => (out += b));
  child.stderr!.on('data', (b) => (out += b));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, out: () => out, exited };
}

/** Resolves once the output contains the text; rejects if the process exits first. */
async function waitForOutput(p: Running, text: string) {
  while (!p.out().includes(text)) {
    if (p.child.exitCode !== null)
      throw new Error(`exited with ${p.child.exitCode} before "${text}": ${p.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('lockDataDir', () => {
  it('refuses a directory held by another live process, naming it, and takes over once it is gone', async () => {
    const dir = tempDir('lock');
    const script = join(tempDir('lock-script'), 'hold.ts');
    writeFileSync(
      script,
      `import { lockDataDir } from ${JSON.stringify(join(ROOT, 'server/db/data-dir-lock.ts'))};
lockDataDir(process.argv[2]);
console.log('locked');
setInterval(() => {}, 1000);
`,
    );
    const holder = runTs(script, [dir]);
    await waitForOutput(holder, 'locked');
    const pid = holder.child.pid!;

    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    const locked = error as DataDirLockedError;
    expect(locked.pid).toBe(pid);
    expect(locked.message).toContain(`đang được một tiến trình HopTac khác sử dụng (PID ${pid})`);
    expect(locked.message).toContain(dir);
    expect(readFileSync(join(dir, 'hoptac.lock'), 'utf8').trim()).toBe(String(pid));

    // Killed without a chance to clean up: the lock file stays behind, naming a dead process.
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(readFileSync(join(dir, 'hoptac.lock'), 'utf8').trim()).toBe(String(pid));

    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'hoptac.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, 'hoptac.lock'))).toBe(false);
    release();
  });

  it('takes over a lock file that names no process', () => {
    const dir = tempDir('lock-garbage');
    writeFileSync(join(dir, 'hoptac.lock'), 'not a pid');
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'hoptac.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function health(port: number) {
  try {
    const r = await fetch(`http://127.0.0.1:${port}/api/health`);
    return r.status === 200 ? ((await r.json()) as { status: string; database: string }) : null;
  } catch {
    return null;
  }
}

describe('server on one DATA_DIR', () => {
  const dataDir = tempDir('server-data');
  const env = (port: number) => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
    };
    delete e.DATABASE_URL;
    return e;
  };
  const start = async () => {
    const port = await freePort();
    return { port, run: runTs('server/main.ts', [], env(port)) };
  };
  const untilHealthy = async (s: { port: number; run: Running }) => {
    for (;;) {
      const h = await health(s.port);
      if (h) return h;
      if (s.run.child.exitCode !== null)
        throw new Error(`server exited with ${s.run.child.exitCode}: ${s.run.out()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const pgVersion = join(dataDir, 'pglite', 'PG_VERSION');

  /** Opens the stopped server's database in this process (holding the lock, as the server would) and reads it. */
  async function inspect(write?: (db: Awaited<ReturnType<typeof openPGlite>>['db']) => Promise<unknown>) {
    const release = lockDataDir(dataDir);
    const database = await openPGlite({ dataDir: join(dataDir, 'pglite') });
    try {
      const units = await database.db
        .selectFrom('admin_unit')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const meta = await database.db.selectFrom('app_meta').selectAll().orderBy('key').execute();
      if (write) await write(database.db);
      return { units: Number(units.n), meta };
    } finally {
      await database.close();
      release();
    }
  }

  it('lets a second server refuse to start while the first keeps serving, and keeps the data across restarts', async () => {
    const first = await start();
    expect((await untilHealthy(first)).database).toBe('pglite');
    const versionMtime = statSync(pgVersion).mtimeMs;

    const second = await start();
    expect(await second.run.exited).toBe(1);
    expect(second.run.out()).toContain('đang được một tiến trình HopTac khác sử dụng');
    expect(second.run.out()).toContain(`PID ${first.run.child.pid}`);
    expect(await health(second.port)).toBeNull();
    expect((await health(first.port))?.status).toBe('ok');
    expect(statSync(pgVersion).mtimeMs).toBe(versionMtime);

    first.run.child.kill('SIGTERM');
    expect(await first.run.exited).toBe(0);
    expect(existsSync(join(dataDir, 'hoptac.lock'))).toBe(false);

    // Leave a mark in the stopped database, then start again on the same files.
    const before = await inspect((db) =>
      db.insertInto('app_meta').values({ key: 'test.marker', value: 'still here' }).execute(),
    );
    expect(before.units).toBeGreaterThan(0);
    expect(before.meta.map((m) => m.key)).toContain('admin_units');

    const third = await start();
    expect((await untilHealthy(third)).status).toBe('ok');
    third.run.child.kill('SIGTERM');
    expect(await third.run.exited).toBe(0);

    const after = await inspect();
    expect(after.units).toBe(before.units);
    expect(after.meta.find((m) => m.key === 'test.marker')?.value).toBe('still here');
    expect(after.meta.find((m) => m.key === 'admin_units')).toEqual(
      before.meta.find((m) => m.key === 'admin_units'),
    );
    expect(statSync(pgVersion).mtimeMs).toBe(versionMtime);
  }, 300_000);
});
