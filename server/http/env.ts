import type { AppDeps, SessionUser } from '../context.js';

/** Hono's typed context variables for every request. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: SessionUser | null;
    sessionHash: string | null;
    requestId: string;
  };
}
