// Shared by `npm run backup` and `npm run restore` (scripts/backup.ts, scripts/restore.ts): exit codes, running the
// PostgreSQL and tar tools with Vietnamese errors, and the layout of a backup. README "Sao lưu và khôi phục".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Exit codes of both scripts. */
export const EXIT = {
  ok: 0,
  /** A tool failed or the backup file is unusable. */
  failed: 1,
  /** Wrong arguments. */
  usage: 2,
  /** Refused to protect data: the server is running, or the target is not empty (restore without --force). */
  refused: 3,
} as const;

/** An error that ends the script with a Vietnamese message and a given exit code. */
export class ScriptError extends Error {
  constructor(
    message: string,
    readonly code: number = EXIT.failed,
  ) {
    super(message);
  }
}

/** The file written into every PGlite backup archive to recognise it on restore. */
export const MARKER = 'hoptac-backup.json';

/** What MARKER holds. */
export interface BackupMarker {
  app: 'hoptac';
  kind: 'pglite';
  createdAt: string;
}

/** Local time as YYYYMMDD-HHMMSS, for default file names. */
export function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** The attachments archive that goes with a PostgreSQL dump: `x.dump` → `x.files.tar.gz`. */
export function filesArchiveFor(dumpPath: string): string {
  return `${dumpPath.replace(/\.dump$/i, '')}.files.tar.gz`;
}

/** A URL safe to print: the password replaced by ***. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Runs a command to completion with inherited stdout and captured stderr; throws a ScriptError naming the tool
 * when it is missing or fails. Secrets in `args` are never printed.
 */
export function run(tool: string, args: string[], what: string): void {
  const r = spawnSync(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ScriptError(
      missing
        ? `Không tìm thấy chương trình "${tool}" để ${what}. Hãy cài đặt nó (PostgreSQL client: gói postgresql-client) và thử lại.`
        : `Không chạy được "${tool}" để ${what}: ${r.error.message}`,
    );
  }
  if (r.status !== 0) {
    const detail = (r.stderr ?? '').trim();
    throw new ScriptError(
      `"${tool}" báo lỗi khi ${what} (mã thoát ${r.status ?? r.signal}).${detail ? `\n${detail}` : ''}`,
    );
  }
  if (r.stderr?.trim()) process.stderr.write(r.stderr);
}

/** True when a directory exists and has an entry other than the names given. */
export function hasEntries(dir: string, ignore: readonly string[] = []): boolean {
  return existsSync(dir) && readdirSync(dir).some((e) => !ignore.includes(e));
}

/** True when `path` is a directory. */
export function isDir(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** The PGlite database directory under DATA_DIR (server/bootstrap.ts). */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');
/** The attachments directory under DATA_DIR (server/bootstrap.ts), on both databases. */
export const filesDir = (dataDir: string) => join(dataDir, 'files');

/** Prints a ScriptError (or any error) in Vietnamese and exits with its code. */
export function fail(err: unknown): never {
  if (err instanceof ScriptError) {
    console.error(`\n${err.message}\n`);
    process.exit(err.code);
  }
  console.error('\nLỗi không mong đợi:', err instanceof Error ? err.message : err);
  process.exit(EXIT.failed);
}
