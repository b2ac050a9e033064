import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import type { AppDeps } from '../context.js';
import { authenticate } from '../modules/auth/auth.service.js';
import { type AppEnv, requestHeader } from './env.js';

export const SESSION_COOKIE = 'hoptac_session';

/**
 * Resolves the session cookie to a user (c.var.user, c.var.sessionHash) before any route runs; an invalid cookie is
 * simply anonymous. Returns a promise only when there is a cookie to check. Called by the request pipeline
 * (guards.ts requestPipeline) for /api paths.
 */
export function resolveSession(c: Context<AppEnv>, deps: AppDeps): Promise<void> | undefined {
  c.set('user', null);
  c.set('sessionHash', null);
  const token = sessionToken(c);
  if (!token || token.length > 100) return undefined;
  const hash = deps.sessions.hashOf(token);
  return authenticate(deps, hash).then((user) => {
    if (user) {
      c.set('user', user);
      c.set('sessionHash', hash);
    }
  });
}

/** The cookie as our server writes it: the token alone (URL-safe base64, nothing to decode). Group 1: the token. */
export const PLAIN_SESSION_COOKIE = new RegExp(
  `(?:^|;)[ \\t]*${SESSION_COOKIE}=([A-Za-z0-9_-]{1,100})[ \\t]*(?:;|$)`,
);

/** The session cookie's value, read from Node's headers when running on node:http (env.ts requestHeader). */
function sessionToken(c: Context<AppEnv>): string | undefined {
  const header = requestHeader(c, 'cookie');
  if (!header?.includes(SESSION_COOKIE)) return undefined;
  // The usual cookie needs no general parse (which splits the header and builds an object of its cookies).
  const plain = PLAIN_SESSION_COOKIE.exec(header);
  if (plain) return plain[1];
  return parse(header, SESSION_COOKIE)[SESSION_COOKIE];
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure behind TLS. */
export function writeSessionCookie(c: Context<AppEnv>, token: string) {
  const deps = c.get('deps');
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.config.secureCookies,
    path: '/',
    maxAge: deps.config.sessionAbsoluteHours * 3600,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
