import type { Kysely } from 'kysely';
import type { Role, ScopeType } from '../core/permissions.js';
import type { DatabaseKind } from './db/database.js';
import type { ReadCache } from './db/read-cache.js';
import type { DB } from './db/schema.js';
import type { FileStorage } from './modules/attachment/file-storage.js';
import type { SessionCache } from './modules/auth/session-cache.js';

/** The signed-in user as services see it: identity, role and the home scope resolved to units. */
export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  scope: {
    type: ScopeType;
    unitId: number | null;
    /** The post-2025 province containing the scope (null for the nation). */
    provinceId: number | null;
    /** The commune of a commune-scoped user. */
    communeId: number | null;
    organisationId: number | null;
  };
}

/** Process-wide dependencies shared by every request. */
export interface AppDeps {
  db: Kysely<DB>;
  dbKind: DatabaseKind;
  storage: FileStorage;
  config: { secureCookies: boolean; sessionIdleMinutes: number; sessionAbsoluteHours: number };
  /** Validated sessions of this process for a few seconds (docs/decisions/0006-session-cache.md). */
  sessions: SessionCache;
  /** Costly read results reused until the data changes (docs/decisions/0008-read-cache.md). */
  reads: ReadCache;
}

/** What a service function receives: the dependencies plus who is asking and which request this is. */
export interface Ctx extends AppDeps {
  user: SessionUser | null;
  requestId: string;
  ip: string | null;
}
