/**
 * `npm run backup` / `npm run restore` (scripts/backup.ts, scripts/restore.ts) as a user runs them, on PGlite and on
 * a PostgreSQL server: back up a database holding a row and an attachment, change both, restore, find them back.
 * The PostgreSQL part always runs (on DATABASE_URL's server, or the local one); without pg_dump/pg_restore or the
 * server it fails, never skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../server/db/data-dir-lock.js';
import { openPGlite, openPostgres } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import type { DB } from '../server/db/schema.js';
import { PGLITE_TEMPLATE, pgClonePrefix, scratchDir, withDatabase } from '../server/test/template.js';

const ROOT = resolve('.');
const NAME = 'Nguyễn Thị Sao Lưu';
const KEY = '0a1b2c3d-0000-4000-8000-000000000001';
const ATTACHMENT = 'biên bản họp đại hội thành viên';

/** Runs one of the scripts the way `npm run` does, with the given environment on top of ours. */
function script(name: 'backup' | 'restore', args: string[], env: Record<string, string>, cwd = ROOT) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', `${name}.ts`), ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

async function addUser(db: Kysely<DB>, username: string, fullName: string) {
  await db
    .insertInto('app_user')
    .values({ username, full_name: fullName, email: null, password_hash: 'x', role: 'national' })
    .execute();
}

async function users(db: Kysely<DB>) {
  return db.selectFrom('app_user').select(['username', 'full_name']).orderBy('username').execute();
}

const filePath = (dataDir: string, key = KEY) => join(dataDir, 'files', key.slice(0, 2), key);

function putFile(dataDir: string, key: string, text: string) {
  mkdirSync(dirname(filePath(dataDir, key)), { recursive: true });
  writeFileSync(filePath(dataDir, key), text);
}

/** The row and the file after a change made since the backup: the name edited, one user and one file added. */
async function change(db: Kysely<DB>, dataDir: string) {
  await db
    .updateTable('app_user')
    .set({ full_name: 'Đã sửa sau sao lưu' })
    .where('username', '=', 'saoluu')
    .execute();
  await addUser(db, 'moi.sau.saoluu', 'Người mới');
  rmSync(filePath(dataDir), { force: true });
  putFile(dataDir, '0a1b2c3d-0000-4000-8000-000000000002', 'tệp mới');
}

function expectFilesAsBackedUp(dataDir: string) {
  expect(readFileSync(filePath(dataDir), 'utf8')).toBe(ATTACHMENT);
  expect(existsSync(filePath(dataDir, '0a1b2c3d-0000-4000-8000-000000000002'))).toBe(false);
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 60_000);

describe('backup and restore on PGlite (DATA_DIR)', () => {
  const root = scratchDir('backup-pglite');
  const dataDir = join(root, 'data');
  const openData = (dir = dataDir) => openPGlite({ dataDir: join(dir, 'pglite') });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));

  it('refuses while the server holds the data directory, then backs up the database and the attachments', async () => {
    const database = await openPGlite({
      dataDir: join(dataDir, 'pglite'),
      loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]),
    });
    await addUser(database.db, 'saoluu', NAME);
    await database.close();
    putFile(dataDir, KEY, ATTACHMENT);

    // A running server holds the lock (here: this process, which is alive).
    const release = lockDataDir(dataDir);
    const refused = script('backup', [join(root, 'refused.tar.gz')], { DATA_DIR: dataDir });
    release();
    expect(refused.status, refused.out).toBe(3);
    expect(refused.out).toContain('Không thể sao lưu khi HopTac đang chạy');
    expect(existsSync(join(root, 'refused.tar.gz'))).toBe(false);

    const done = script('backup', [join(root, 'b.tar.gz')], { DATA_DIR: dataDir });
    expect(done.status, done.out).toBe(0);
    expect(done.out).toContain('Đã sao lưu xong');
    expect(existsSync(join(root, 'b.tar.gz'))).toBe(true);
    expect(existsSync(join(dataDir, 'hoptac.lock'))).toBe(false);
  });

  it('names the file backups/hoptac-YYYYMMDD-HHMMSS.tar.gz by default', () => {
    const cwd = join(root, 'cwd');
    mkdirSync(cwd, { recursive: true });
    const r = script('backup', [], { DATA_DIR: dataDir }, cwd);
    expect(r.status, r.out).toBe(0);
    expect(readdirSync(join(cwd, 'backups'))).toEqual([
      expect.stringMatching(/^hoptac-\d{8}-\d{6}\.tar\.gz$/),
    ]);
  });

  it('refuses a non-empty data directory without --force, then restores the row and the files', async () => {
    let database = await openData();
    await change(database.db, dataDir);
    await database.close();

    const refused = script('restore', [join(root, 'b.tar.gz')], { DATA_DIR: dataDir });
    expect(refused.status, refused.out).toBe(3);
    expect(refused.out).toContain('không trống');
    expect(refused.out).toContain('--force');
    database = await openData();
    expect((await users(database.db)).map((u) => u.username)).toContain('moi.sau.saoluu');
    await database.close();

    const restored = script('restore', [join(root, 'b.tar.gz'), '--force'], { DATA_DIR: dataDir });
    expect(restored.status, restored.out).toBe(0);
    expect(restored.out).toContain('Đã khôi phục xong');
    database = await openData();
    expect(await users(database.db)).toEqual([{ username: 'saoluu', full_name: NAME }]);
    await database.close();
    expectFilesAsBackedUp(dataDir);
    expect(readdirSync(root).filter((e) => e.includes('khoi-phuc'))).toEqual([]);
  });

  it('restores into an empty directory without --force, and refuses what is not a HopTac backup', async () => {
    const fresh = join(root, 'fresh');
    const r = script('restore', [join(root, 'b.tar.gz')], { DATA_DIR: fresh });
    expect(r.status, r.out).toBe(0);
    const database = await openData(fresh);
    expect(await users(database.db)).toEqual([{ username: 'saoluu', full_name: NAME }]);
    await database.close();
    expect(readFileSync(filePath(fresh), 'utf8')).toBe(ATTACHMENT);

    writeFileSync(join(root, 'junk.tar.gz'), 'không phải sao lưu');
    const junk = script('restore', [join(root, 'junk.tar.gz')], { DATA_DIR: join(root, 'other') });
    expect(junk.status, junk.out).not.toBe(0);
    expect(junk.out).toContain('không phải bản sao lưu PGlite');
    const missing = script('restore', [join(root, 'khong-co.tar.gz')], { DATA_DIR: join(root, 'other') });
    expect(missing.status, missing.out).toBe(2);
    expect(missing.out).toContain('Không tìm thấy tệp sao lưu');
  });
});

describe('backup and restore on a PostgreSQL server (DATABASE_URL)', () => {
  const server = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const root = scratchDir('backup-pg');
  const dataDir = join(root, 'data');
  const names = [`${pgClonePrefix()}backup_${process.pid}`, `${pgClonePrefix()}restore_${process.pid}`];
  const [url, freshUrl] = names.map((n) => withDatabase(server, n));
  cleanups.push(async () => {
    rmSync(root, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    for (const n of names) await admin.query(`drop database if exists "${n}" with (force)`);
    await admin.end();
  });

  it('has pg_dump and pg_restore on this machine', () => {
    for (const tool of ['pg_dump', 'pg_restore']) {
      const r = spawnSync(tool, ['--version'], { encoding: 'utf8' });
      expect(r.status, `${tool} must be installed (postgresql-client): ${r.error?.message ?? r.stderr}`).toBe(
        0,
      );
    }
  });

  it('backs up the database with pg_dump -Fc and the attachments beside it', async () => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    for (const n of names) await admin.query(`create database "${n}"`);
    await admin.end();
    const database = await openPostgres(url, 2);
    await migrateToLatest(database.db);
    await addUser(database.db, 'saoluu', NAME);
    await database.close();
    putFile(dataDir, KEY, ATTACHMENT);

    const r = script('backup', [join(root, 'b.dump')], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(r.status, r.out).toBe(0);
    expect(readFileSync(join(root, 'b.dump')).subarray(0, 5).toString()).toBe('PGDMP');
    expect(existsSync(join(root, 'b.files.tar.gz'))).toBe(true);
  });

  it('refuses a database with tables without --force, then restores the row and the files', async () => {
    let database = await openPostgres(url, 2);
    await change(database.db, dataDir);
    await database.close();

    const refused = script('restore', [join(root, 'b.dump')], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(refused.status, refused.out).toBe(3);
    expect(refused.out).toContain('--force');

    const r = script('restore', [join(root, 'b.dump'), '--force'], { DATABASE_URL: url, DATA_DIR: dataDir });
    expect(r.status, r.out).toBe(0);
    database = await openPostgres(url, 2);
    expect(await users(database.db)).toEqual([{ username: 'saoluu', full_name: NAME }]);
    await database.close();
    expectFilesAsBackedUp(dataDir);
  });

  it('restores into an empty database, and refuses a PGlite archive', async () => {
    const fresh = join(root, 'fresh');
    const r = script('restore', [join(root, 'b.dump')], { DATABASE_URL: freshUrl, DATA_DIR: fresh });
    expect(r.status, r.out).toBe(0);
    const database = await openPostgres(freshUrl, 2);
    expect(await users(database.db)).toEqual([{ username: 'saoluu', full_name: NAME }]);
    await database.close();
    expect(readFileSync(filePath(fresh), 'utf8')).toBe(ATTACHMENT);

    writeFileSync(join(root, 'p.tar.gz'), Buffer.from([0x1f, 0x8b, 0, 0, 0]));
    const wrong = script('restore', [join(root, 'p.tar.gz')], { DATABASE_URL: freshUrl, DATA_DIR: fresh });
    expect(wrong.status, wrong.out).toBe(2);
    expect(wrong.out).toContain('bản sao lưu PGlite');
  });
});
