import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';
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

/** What @hono/node-server passes as the environment: the Node request and response (absent in app.request()). */
interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/** The Node request and response behind a Hono context, when it runs on node:http. */
export function nodeOf(c: Context): NodeBindings {
  return (c.env as NodeBindings | undefined) ?? {};
}

/**
 * A request header (lower-case name). On node:http it is read from Node's parsed headers: asking Hono would build a
 * fetch Headers object of every header of the request, for each request (docs/performance.md, HTTP).
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = nodeOf(c).incoming;
  if (!incoming) return c.req.header(name);
  const v = incoming.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}
