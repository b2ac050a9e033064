// `npm run backup [-- <tệp>]`: backs up the configured database and the attachments (README "Sao lưu và khôi phục").
//   PostgreSQL (DATABASE_URL): `pg_dump -Fc` to <tệp> (default backups/hoptac-YYYYMMDD-HHMMSS.dump), and the
//     attachments under DATA_DIR/files to <tệp without .dump>.files.tar.gz beside it. Safe while the app runs.
//   PGlite (DATA_DIR, default ./data): refuses while HopTac runs on that directory (its lock), then writes one
//     tar.gz (default backups/hoptac-YYYYMMDD-HHMMSS.tar.gz) of the database directory and the attachments.
// Exit codes: 0 done, 1 failed, 2 wrong arguments, 3 refused (server running).
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
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
  stamp,
} from './backup-common.js';

const USAGE = `Cách dùng: npm run backup [-- <tệp đích>]
  PostgreSQL (có DATABASE_URL): pg_dump -Fc ra <tệp đích> (mặc định backups/hoptac-YYYYMMDD-HHMMSS.dump);
    tệp đính kèm trong DATA_DIR/files ghi kèm ra <tệp đích>.files.tar.gz.
  PGlite (DATA_DIR, mặc định ./data): phải dừng HopTac trước; ghi một tệp .tar.gz
    (mặc định backups/hoptac-YYYYMMDD-HHMMSS.tar.gz) gồm cơ sở dữ liệu và tệp đính kèm.
  Khôi phục: npm run restore -- <tệp>`;

const size = (path: string) => `${(statSync(path).size / 1_048_576).toFixed(1).replace('.', ',')} MB`;

/** pg_dump of DATABASE_URL, plus the attachments beside it. */
function backupPostgres(url: string, dataDir: string, target: string) {
  console.log(`Sao lưu PostgreSQL ${maskUrl(url)} → ${target}`);
  try {
    run('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${url}`], 'sao lưu cơ sở dữ liệu');
  } catch (err) {
    rmSync(target, { force: true }); // never leave a partial dump that looks like a backup
    throw err;
  }
  console.log(`  Cơ sở dữ liệu: ${target} (${size(target)})`);
  const files = filesDir(dataDir);
  if (hasEntries(files)) {
    const archive = filesArchiveFor(target);
    try {
      run('tar', ['-czf', archive, '-C', dataDir, 'files'], 'đóng gói tệp đính kèm');
    } catch (err) {
      rmSync(archive, { force: true });
      throw err;
    }
    console.log(`  Tệp đính kèm: ${archive} (${size(archive)})`);
  } else {
    rmSync(filesArchiveFor(target), { force: true }); // an older one beside a reused name would be restored
    console.log(`  Không có tệp đính kèm trong ${files}; chỉ sao lưu cơ sở dữ liệu.`);
  }
}

/** One tar.gz of DATA_DIR/pglite and DATA_DIR/files, under the data directory's lock. */
function backupPGlite(dataDir: string, target: string) {
  if (!isDir(pgliteDir(dataDir)) || !hasEntries(pgliteDir(dataDir)))
    throw new ScriptError(
      `Không có cơ sở dữ liệu PGlite trong ${dataDir} (thiếu thư mục pglite). Kiểm tra DATA_DIR; nếu dùng PostgreSQL, hãy đặt DATABASE_URL.`,
      EXIT.usage,
    );
  const inside = relative(dataDir, target);
  if (!inside.startsWith('..') && !isAbsolute(inside))
    throw new ScriptError(`Tệp sao lưu không được nằm trong thư mục dữ liệu ${dataDir}.`, EXIT.usage);
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError)
      throw new ScriptError(
        `Không thể sao lưu khi HopTac đang chạy trên ${dataDir} (PID ${err.pid}): PGlite chỉ được sao chép khi đã dừng. ` +
          'Hãy dừng HopTac (Ctrl+C) rồi chạy lại npm run backup.',
        EXIT.refused,
      );
    throw err;
  }
  const staging = mkdtempSync(join(tmpdir(), 'hoptac-backup-'));
  try {
    console.log(`Sao lưu PGlite ${dataDir} → ${target}`);
    const marker: BackupMarker = { app: 'hoptac', kind: 'pglite', createdAt: new Date().toISOString() };
    writeFileSync(join(staging, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    const parts = ['pglite', ...(isDir(filesDir(dataDir)) ? ['files'] : [])];
    run('tar', ['-czf', target, '-C', staging, MARKER, '-C', dataDir, ...parts], 'đóng gói thư mục dữ liệu');
    console.log(
      `  ${parts.includes('files') ? 'Cơ sở dữ liệu và tệp đính kèm' : 'Cơ sở dữ liệu'}: ${size(target)}`,
    );
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    release();
  }
}

function main() {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (err) {
    throw new ScriptError(`${err instanceof Error ? err.message : err}\n${USAGE}`, EXIT.usage);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    throw new ScriptError((err as Error).message, EXIT.usage);
  }
  const ext = config.databaseUrl ? 'dump' : 'tar.gz';
  const target = resolve(args.target ?? join('backups', `hoptac-${stamp()}.${ext}`));
  mkdirSync(dirname(target), { recursive: true });
  if (config.databaseUrl) backupPostgres(config.databaseUrl, config.dataDir, target);
  else backupPGlite(config.dataDir, target);
  console.log(
    `\nĐã sao lưu xong. Khôi phục: npm run restore -- ${relative(process.cwd(), target) || target}`,
  );
}

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h', default: false } },
  });
  if (positionals.length > 1) throw new Error('Chỉ nhận một tệp đích.');
  return { help: values.help, target: positionals[0] };
}

try {
  main();
} catch (err) {
  fail(err);
}
