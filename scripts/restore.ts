// `npm run restore -- <tệp> [--force]`: restores a backup made by `npm run backup` (README "Sao lưu và khôi phục").
//   PostgreSQL (DATABASE_URL): `pg_restore --clean --if-exists` of a .dump into DATABASE_URL in one transaction,
//     and the attachments from <tệp without .dump>.files.tar.gz, if present, into DATA_DIR/files.
//   PGlite (DATA_DIR, default ./data): refuses while HopTac runs on that directory; unpacks the .tar.gz there.
// Both refuse to overwrite existing data (a database with tables, a non-empty data directory) without --force.
// Exit codes: 0 done, 1 failed (bad or unreadable backup, tool error), 2 wrong arguments, 3 refused.
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../server/config.js';
import { DataDirLockedError, lockDataDir } from '../server/db/data-dir-lock.js';
import {
  type BackupMarker,
  EXIT,
  fail,
  filesArchiveFor,
  filesDir,
  hasEntries,
  isDir,
  MARKER,
  maskUrl,
  pgliteDir,
  run,
  ScriptError,
} from './backup-common.js';

const USAGE = `Cách dùng: npm run restore -- <tệp sao lưu> [--force]
  PostgreSQL (có DATABASE_URL): khôi phục tệp .dump (pg_restore --clean --if-exists) vào DATABASE_URL,
    cùng tệp đính kèm từ <tệp>.files.tar.gz nếu có (vào DATA_DIR/files).
  PGlite (DATA_DIR, mặc định ./data): phải dừng HopTac trước; giải nén tệp .tar.gz vào DATA_DIR.
  --force   ghi đè dữ liệu đang có (cơ sở dữ liệu đã có bảng, thư mục dữ liệu không trống).`;

const LOCK_FILE = 'hoptac.lock';

/** What a file starts with: a pg_dump custom archive, a gzip (our PGlite archive), or something else. */
function sniff(path: string): 'pgdump' | 'gzip' | 'other' {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(5);
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pgdump';
  return head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'other';
}

/** Unpacks a tar.gz into a new directory beside `near` (same file system, so its contents can be renamed in). */
function unpack(archive: string, near: string): string {
  const staging = mkdtempSync(join(dirname(near), `.${basename(near)}-khoi-phuc-`));
  try {
    run('tar', ['-xzf', archive, '-C', staging], `giải nén ${archive}`);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new ScriptError(`Tệp ${archive} hỏng hoặc không phải tệp .tar.gz.\n${(err as Error).message}`);
  }
  return staging;
}

/** Replaces `dataDir/<name>` by `staging/<name>` (or removes it when the backup had none). */
function swapIn(staging: string, dataDir: string, name: string) {
  const target = join(dataDir, name);
  if (existsSync(target)) renameSync(target, join(staging, `${name}.cu`));
  if (existsSync(join(staging, name))) renameSync(join(staging, name), target);
}

async function tablesIn(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new ScriptError(`Không kết nối được PostgreSQL ${maskUrl(url)}: ${(err as Error).message}`);
  }
  try {
    const r = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    return Number(r.rows[0].n);
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, dataDir: string, source: string, force: boolean) {
  if (sniff(source) !== 'pgdump')
    throw new ScriptError(
      sniff(source) === 'gzip'
        ? `${source} là bản sao lưu PGlite (.tar.gz). Để khôi phục vào PGlite, bỏ DATABASE_URL và đặt DATA_DIR.`
        : `${source} không phải tệp sao lưu PostgreSQL (pg_dump -Fc).`,
      EXIT.usage,
    );
  const tables = await tablesIn(url);
  if (tables > 0 && !force)
    throw new ScriptError(
      `Cơ sở dữ liệu ${maskUrl(url)} đang có ${tables} bảng. Khôi phục sẽ xóa và thay toàn bộ dữ liệu này; ` +
        'nếu chắc chắn, hãy dừng các tiến trình HopTac dùng nó rồi chạy lại với --force.',
      EXIT.refused,
    );
  const archive = filesArchiveFor(source);
  if (existsSync(archive)) mkdirSync(dataDir, { recursive: true });
  const staging = existsSync(archive) ? unpack(archive, dataDir) : null;
  try {
    if (staging && !isDir(join(staging, 'files')))
      throw new ScriptError(`${archive} không chứa thư mục files của HopTac.`);
    console.log(`Khôi phục ${source} → PostgreSQL ${maskUrl(url)}`);
    run(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${url}`,
        source,
      ],
      'khôi phục cơ sở dữ liệu (không có thay đổi nào được ghi)',
    );
    console.log('  Cơ sở dữ liệu: xong.');
    if (staging) {
      swapIn(staging, dataDir, 'files');
      console.log(`  Tệp đính kèm: ${filesDir(dataDir)}`);
    } else {
      console.log(`  Không có ${archive}: giữ nguyên tệp đính kèm trong ${filesDir(dataDir)}.`);
    }
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

function restorePGlite(dataDir: string, source: string, force: boolean) {
  if (sniff(source) !== 'gzip')
    throw new ScriptError(
      sniff(source) === 'pgdump'
        ? `${source} là bản sao lưu PostgreSQL (pg_dump). Để khôi phục vào PostgreSQL, hãy đặt DATABASE_URL.`
        : `${source} không phải bản sao lưu PGlite của HopTac (.tar.gz).`,
      EXIT.usage,
    );
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError)
      throw new ScriptError(
        `Không thể khôi phục khi HopTac đang chạy trên ${dataDir} (PID ${err.pid}). Hãy dừng HopTac rồi chạy lại.`,
        EXIT.refused,
      );
    throw err;
  }
  try {
    if (hasEntries(dataDir, [LOCK_FILE]) && !force)
      throw new ScriptError(
        `Thư mục dữ liệu ${dataDir} không trống. Khôi phục sẽ thay cơ sở dữ liệu và tệp đính kèm trong đó; ` +
          'nếu chắc chắn, hãy chạy lại với --force (hoặc đặt DATA_DIR sang một thư mục trống).',
        EXIT.refused,
      );
    const staging = unpack(source, dataDir);
    try {
      let marker: BackupMarker | null = null;
      try {
        marker = JSON.parse(readFileSync(join(staging, MARKER), 'utf8'));
      } catch {
        /* checked below */
      }
      if (
        marker?.app !== 'hoptac' ||
        marker.kind !== 'pglite' ||
        !existsSync(join(staging, 'pglite', 'PG_VERSION'))
      )
        throw new ScriptError(
          `${source} không phải bản sao lưu PGlite của HopTac (thiếu ${MARKER} hoặc pglite).`,
        );
      console.log(`Khôi phục ${source} (tạo lúc ${marker.createdAt}) → PGlite ${dataDir}`);
      swapIn(staging, dataDir, 'pglite');
      swapIn(staging, dataDir, 'files');
      console.log(`  Cơ sở dữ liệu: ${pgliteDir(dataDir)}`);
      console.log(
        isDir(filesDir(dataDir))
          ? `  Tệp đính kèm: ${filesDir(dataDir)}`
          : '  Bản sao lưu không có tệp đính kèm.',
      );
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  } finally {
    release();
  }
}

async function main() {
  let values: { force: boolean; help: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (err) {
    throw new ScriptError(`${(err as Error).message}\n${USAGE}`, EXIT.usage);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) throw new ScriptError(`Cần đúng một tệp sao lưu.\n${USAGE}`, EXIT.usage);
  const source = resolve(positionals[0]);
  if (!existsSync(source)) throw new ScriptError(`Không tìm thấy tệp sao lưu ${source}.`, EXIT.usage);
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    throw new ScriptError((err as Error).message, EXIT.usage);
  }
  if (config.databaseUrl) await restorePostgres(config.databaseUrl, config.dataDir, source, values.force);
  else restorePGlite(config.dataDir, source, values.force);
  console.log('\nĐã khôi phục xong. Khởi động lại HopTac: npm start');
}

main().catch(fail);
