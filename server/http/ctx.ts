import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Ctx } from '../context.js';
import { type AppEnv, requestHeader } from './env.js';

/** Builds the service context (dependencies, caller, request id, client IP) from a Hono context. */
export function ctxOf(c: Context<AppEnv>): Ctx {
  let ip: string | null = null;
  try {
    ip = requestHeader(c, 'x-forwarded-for')?.split(',')[0]?.trim() || getConnInfo(c).remote.address || null;
  } catch {
    ip = null; // app.request() in tests has no socket
  }
  return { ...c.get('deps'), user: c.get('user'), requestId: c.get('requestId'), ip };
}
