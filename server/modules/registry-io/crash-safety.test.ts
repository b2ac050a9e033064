/**
 * Crash safety of a commit: a real server process is SIGKILLed while the import transaction is writing, then
 * started again on the same data. The imported organisations must be all present or none (here: none, since
 * the kill lands mid-transaction), and what was committed before must be intact. Runs on PGlite (same
 * DATA_DIR) or on PostgreSQL (same database) following DATABASE_URL, like every test.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPGlite, openPostgres } from '../../db/database.js';
import {
  PGLITE_TEMPLATE,
  pgClonePrefix,
  pgTemplateDb,
  scratchDir,
  withDatabase,
} from '../../test/template.js';
import { loadUnitDataset } from '../admin-unit/admin-unit-source.js';
import { hashPassword } from '../auth/password.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { type ServerProcess, signIn, startServerProcess } from './crash-server.js';
import { buildWorkbook } from './xlsx-build.js';

const ROWS = 20_000;
const PREFIX = '46';
const pgUrl = process.env.DATABASE_URL || null;
const dataDir = scratchDir('crash-data');
const dbName = pgUrl ? `${pgClonePrefix()}crash_${process.pid}` : '';
const dbUrl = pgUrl ? withDatabase(pgUrl, dbName) : '';
const USER = 'quantri.langson';
const PASSWORD = 'HopTac@2025-thu-nghiem';
let server: ServerProcess | null = null;

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (pgUrl) await admin(pgUrl, (c) => c.query(`drop database if exists "${dbName}" with (force)`));
});

/** A workbook in the template layout with `n` new organisations spread over Lạng Sơn's communes. */
async function organisationsFile(n: number, from: number, name: string): Promise<Blob> {
  const communes = loadUnitDataset().units.filter(
    (u) => u.era === 'post2025' && u.level === 3 && u.parentKey === 'post:P:20',
  );
  const keys = ORGANISATION_COLUMNS.map((c) => c.key);
  const rows = Array.from({ length: n }, (_, i) => {
    const v: Record<string, unknown> = {
      regCode: `${PREFIX}${String(from + i).padStart(8, '0')}`,
      name: `Hợp tác xã ${name} số ${from + i}`,
      kind: 'Hợp tác xã',
      communeCode: communes[i % communes.length].code,
      charterCapital: 500_000_000 + i,
      legalRepName: 'Nguyễn Văn Thử',
      foundedOn: new Date(Date.UTC(2020, 0, 1 + (i % 300))),
    };
    return keys.map((k) => v[k] ?? null);
  });
  const bytes = await buildWorkbook([
    { name: 'Tổ chức', columns: ORGANISATION_COLUMNS.map((c) => ({ header: c.header, width: 10 })), rows },
  ]);
  return new Blob([new Uint8Array(bytes)]);
}

function form(file: Blob) {
  const f = new FormData();
  f.set('kind', 'organisations');
  f.set('file', file, 'nhap.xlsx');
  return f;
}

/** A fingerprint of PGlite's write-ahead log files: it changes as soon as the transaction's writes reach disk. */
function walState(): string {
  const dir = join(dataDir, 'pglite', 'pg_wal');
  return readdirSync(dir)
    .filter((f) => /^[0-9A-F]{24}$/.test(f))
    .map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`)
    .join('|');
}

/** Resolves once the commit's transaction is writing: an INSERT into organisation running (PostgreSQL) or WAL moving (PGlite). */
async function transactionInFlight(done: () => boolean): Promise<boolean> {
  const baseline = pgUrl ? '' : walState();
  const watcher = pgUrl ? new pg.Client({ connectionString: pgUrl }) : null;
  await watcher?.connect();
  try {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && !done(); ) {
      if (watcher) {
        // The bulk write is one statement: "with ins as (insert into organisation …) insert into organisation_event …".
        const active = await watcher.query(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and state = 'active' and query ilike '%insert into organisation (%'`,
          [dbName],
        );
        if (active.rows[0].n > 0) return true;
      } else if (walState() !== baseline) return true;
      await new Promise((r) => setTimeout(r, 10));
    }
    return false;
  } finally {
    await watcher?.end();
  }
}

/** Rows of the organisation table with the test's prefix, read directly from the database after the server is gone. */
async function storedOrganisations(): Promise<{
  n: number;
  before: Record<string, unknown> | null;
  job: string | null;
}> {
  const q = async (run: (sql: string) => Promise<Record<string, unknown>[]>) => ({
    n: Number(
      (
        await run(
          `select count(*) as n from organisation where reg_code like '${PREFIX}%' and reg_code <> '${PREFIX}99999999'`,
        )
      )[0].n,
    ),
    before:
      (
        await run(
          `select reg_code, name, charter_capital, version from organisation where reg_code = '${PREFIX}99999999'`,
        )
      )[0] ?? null,
    job: ((await run(`select status from import_job order by id desc limit 1`))[0]?.status as string) ?? null,
  });
  if (pgUrl) return admin(dbUrl, (c) => q(async (s) => (await c.query(s)).rows));
  const db = await openPGlite({ dataDir: join(dataDir, 'pglite') });
  try {
    return await q(async (s) => (await db.pglite!.query<Record<string, unknown>>(s)).rows);
  } finally {
    await db.close();
  }
}

describe('commit of an import under SIGKILL', () => {
  it('leaves none of the imported rows, and keeps what was committed before', {
    timeout: 300_000,
  }, async () => {
    const t0 = Date.now();
    const lap = (what: string) =>
      console.log(`[crash-safety] ${what}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // Start from the run's migrated template (administrative units loaded), plus one province admin.
    if (pgUrl) await admin(pgUrl, (c) => c.query(`create database "${dbName}" template "${pgTemplateDb()}"`));
    const database = pgUrl
      ? await openPostgres(dbUrl, 1)
      : await openPGlite({
          dataDir: join(dataDir, 'pglite'),
          loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]),
        });
    const province = await database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('era', '=', 'post2025')
      .where('level', '=', 1)
      .where('code', '=', '20')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('app_user')
      .values({
        username: USER,
        full_name: 'Quản trị Lạng Sơn',
        email: null,
        password_hash: await hashPassword(PASSWORD),
        role: 'province_admin',
        scope_unit_id: province.id,
        organisation_id: null,
      })
      .execute();
    await database.close();
    const env = { DATA_DIR: dataDir, DATABASE_URL: dbUrl };
    server = await startServerProcess(env);
    lap('server started');
    let api = await signIn(server.url, USER, PASSWORD);

    // Committed before the crash: one organisation.
    const first = await (
      await api.upload('/api/registry/imports', form(await organisationsFile(1, 99999999, 'Có từ trước')))
    ).json();
    expect((await api.post(`/api/registry/imports/${first.jobId}/commit`, { mode: 'all' })).status).toBe(200);

    const big = await organisationsFile(ROWS, 0, 'Nhập lỗi giữa chừng');
    lap('first import committed, big file built');
    const dry = await api.upload('/api/registry/imports', form(big));
    const job = await dry.json();
    expect(dry.status, JSON.stringify(job).slice(0, 300)).toBe(201);
    expect(job.totals).toMatchObject({ rows: ROWS, valid: ROWS, insert: ROWS });

    lap('dry run done');
    let answered = false;
    const commit = api.post(`/api/registry/imports/${job.jobId}/commit`, { mode: 'all' }).then(
      () => (answered = true),
      () => undefined,
    );
    const inFlight = await transactionInFlight(() => answered);
    await new Promise((r) => setTimeout(r, pgUrl ? 50 : 150));
    await server.kill('SIGKILL');
    await commit;
    lap('killed');
    expect(inFlight, 'the kill must land while the transaction writes').toBe(true);
    expect(answered).toBe(false);

    // Start again on the same data: the server recovers and the job can be seen, still a dry run.
    server = await startServerProcess(env);
    api = await signIn(server.url, USER, PASSWORD);
    const after = await (await api.get(`/api/registry/imports/${job.jobId}`)).json();
    expect(after.job.status).toBe('dry_run');
    await server.kill('SIGTERM');
    server = null;
    lap('restarted and stopped');

    const stored = await storedOrganisations();
    expect(stored.n === 0 || stored.n === ROWS, `all or none, found ${stored.n}`).toBe(true);
    expect(stored.n).toBe(0);
    expect(stored.job).toBe('dry_run');
    expect(stored.before).toEqual({
      reg_code: `${PREFIX}99999999`,
      name: 'Hợp tác xã Có từ trước số 99999999',
      charter_capital: '500000000',
      version: 1,
    });
  });
});
