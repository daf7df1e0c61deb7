import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv, Auth } from '../deps';
import { unauthenticated } from '../http/apiError';
import { clearSessionCookie, readSessionCookie } from './cookies';

/** Reads and validates the session cookie on every request; sets `c.var.auth` (or null). */
export function loadSession(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = readSessionCookie(c);
    const auth = await deps.sessions.validate(token);
    c.set('auth', auth);
    if (token && !auth) clearSessionCookie(c);
    await next();
  });
}

/** The signed-in user, or a 401. */
export function requireAuth(auth: Auth | null): Auth {
  if (!auth) throw unauthenticated();
  return auth;
}

/** Route middleware: 401 before anything else (validation included) when nobody is signed in. */
export const authRequired = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('auth')) throw unauthenticated();
  await next();
});
