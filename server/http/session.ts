import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { parse } from 'hono/utils/cookie';
import { authenticate, hashToken } from '../modules/auth/auth.service.js';
import { type AppEnv, requestHeader } from './env.js';

export const SESSION_COOKIE = 'hoptac_session';

/** Resolves the session cookie to a user before any route runs; an invalid cookie is simply anonymous. */
export function sessionMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('sessionHash', null);
    const token = sessionToken(c);
    if (token && token.length <= 100) {
      const hash = hashToken(token);
      const user = await authenticate(c.get('deps'), hash);
      if (user) {
        c.set('user', user);
        c.set('sessionHash', hash);
      }
    }
    await next();
  };
}

/** The session cookie's value, read from Node's headers when running on node:http (env.ts requestHeader). */
function sessionToken(c: Context<AppEnv>): string | undefined {
  const header = requestHeader(c, 'cookie');
  if (!header?.includes(SESSION_COOKIE)) return undefined;
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
