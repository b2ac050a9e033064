import type { Kysely } from 'kysely';
import type { SessionUser } from '../../context.js';
import type { DB } from '../../db/schema.js';
import type { Classified } from './import-types.js';
import { MAX_IMPORT_ROWS } from './read-sheet.js';

/**
 * What a dry run computed, kept in this process for the commit of the same job: the rows read from the stored
 * file, the fingerprint of the registry rows their classification reads (taken before classifying) and the
 * classification itself. Everything here is a function of the file's bytes (SHA-256), the importer's role and
 * scope, and the administrative units (which do not change while a process runs, see unit-lookups.ts), except
 * the classification, which also depends on the registry: the commit reuses it only when the fingerprint taken
 * inside its transaction, with the rows locked, equals the one taken before the dry run classified, and else
 * classifies the kept rows again there. A process restart, another process, another user or scope, or an
 * evicted memo just means the commit reads and validates the file again, as it always did.
 */
export interface DryRunMemo {
  sha256: string;
  userKey: string;
  prepared: unknown;
  stamp: string;
  classified: Classified<unknown>;
  rows: number;
  keptAt: number;
}

/** At most this many rows are kept across memos (two of the largest files); the oldest go first. */
const MAX_KEPT_ROWS = 2 * MAX_IMPORT_ROWS;
/** A dry run older than this is read again at commit. */
const MAX_AGE_MS = 60 * 60_000;

const memos = new WeakMap<Kysely<DB>, Map<number, DryRunMemo>>();

function memosOf(db: Kysely<DB>): Map<number, DryRunMemo> {
  let m = memos.get(db);
  if (!m) {
    m = new Map();
    memos.set(db, m);
  }
  return m;
}

/** Who the classification was made for: it depends on the importer's role and home scope. */
export function memoUserKey(user: SessionUser): string {
  const s = user.scope;
  return JSON.stringify([user.id, user.role, s.type, s.unitId, s.provinceId, s.communeId, s.organisationId]);
}

/** Keeps a dry run's work for its commit (evicting expired memos, then the oldest beyond the row budget). */
export function keepDryRun(db: Kysely<DB>, jobId: number, memo: Omit<DryRunMemo, 'keptAt'>): void {
  if (memo.rows > MAX_KEPT_ROWS) return;
  const m = memosOf(db);
  const now = Date.now();
  for (const [id, x] of m) if (now - x.keptAt > MAX_AGE_MS) m.delete(id);
  m.set(jobId, { ...memo, keptAt: now });
  let rows = 0;
  for (const x of m.values()) rows += x.rows;
  for (const [id, x] of m) {
    if (rows <= MAX_KEPT_ROWS) break;
    m.delete(id);
    rows -= x.rows;
  }
}

/** The kept dry run of a job when it was made from the same bytes for the same user and scope, recently. */
export function keptDryRun(
  db: Kysely<DB>,
  jobId: number,
  sha256: string,
  userKey: string,
): DryRunMemo | null {
  const m = memosOf(db);
  const x = m.get(jobId);
  if (!x) return null;
  if (Date.now() - x.keptAt > MAX_AGE_MS) {
    m.delete(jobId);
    return null;
  }
  return x.sha256 === sha256 && x.userKey === userKey ? x : null;
}

/** Forgets a job's dry run (once committed). */
export function forgetDryRun(db: Kysely<DB>, jobId: number): void {
  memos.get(db)?.delete(jobId);
}
