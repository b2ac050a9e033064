import { resolve } from 'node:path';
import { READ_CACHE_MAX_ENTRIES } from './db/read-cache.js';

/** Runtime configuration from the environment (README "Cấu hình / Configuration"). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  publicOrigins: string[];
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Seconds a validated session is reused without a database read (0: never). */
  sessionCacheSeconds: number;
  /** Costly read results kept until the data changes (0: none; docs/decisions/0008-read-cache.md). */
  readCacheEntries: number;
  seedDemo: boolean;
}

function int(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`Biến môi trường ${name}="${raw}" không hợp lệ (cần số nguyên từ ${min} đến ${max}).`);
  }
  return n;
}

/** Reads and validates the configuration; throws a Vietnamese message on a bad value. */
export function loadConfig(env = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL phải có dạng postgres://người_dùng:mật_khẩu@máy_chủ:5432/tên_csdl');
  }
  const publicOrigins = (env.PUBLIC_ORIGIN ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const seed = env.SEED_DEMO ?? (databaseUrl ? 'false' : 'true');
  return {
    port: int('PORT', 3000, 1, 65535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    databaseUrl,
    publicOrigins,
    secureCookies: env.SECURE_COOKIES
      ? env.SECURE_COOKIES === 'true'
      : publicOrigins.some((o) => o.startsWith('https://')),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 5, 24 * 60),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    sessionCacheSeconds: int('SESSION_CACHE_SECONDS', 5, 0, 300),
    readCacheEntries: int('READ_CACHE_ENTRIES', READ_CACHE_MAX_ENTRIES, 0, 100_000),
    seedDemo: seed === 'true' || seed === '1',
  };
}
