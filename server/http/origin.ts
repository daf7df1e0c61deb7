import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Env } from '../env';
import { sendError } from './errors';
import { siteOf } from './site';

const WILDCARD = new Set(['0.0.0.0', '::']);
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the browser reached us over https: PUBLIC_ORIGIN's scheme when it is set, else the
 * connection or what a TLS-terminating proxy says in X-Forwarded-Proto (server/http/site.ts).
 */
export function isHttps(c: Context): boolean {
  return siteOf(c).https;
}

/** The app's own origin as the browser sees it: PUBLIC_ORIGIN, else from the Host header and protocol. */
export function ownOrigin(c: Context): string | undefined {
  return siteOf(c).origin;
}

/** The origin links to the app start with (invites, password resets): the own origin, or the request URL's. */
export function publicOrigin(c: Context): string {
  return ownOrigin(c) ?? new URL(c.req.url).origin;
}

/** The origin for links made outside a request (the admin command): PUBLIC_ORIGIN, else the listening address. */
export function configuredOrigin(env: Pick<Env, 'PUBLIC_ORIGIN' | 'HOST' | 'PORT'>): string {
  if (env.PUBLIC_ORIGIN) return new URL(env.PUBLIC_ORIGIN).origin;
  // A wildcard interface is reached by some name of this machine; localhost is the one that works here.
  const host = WILDCARD.has(env.HOST) ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  return `http://${host}:${String(env.PORT)}`;
}

/** Whether `origin` may make unsafe requests and open sockets: the app's own, or a configured one. */
export function isAllowedOrigin(
  own: string | undefined,
  origin: string,
  allowed: readonly string[],
): boolean {
  return origin === own || allowed.includes(origin);
}

/**
 * Cross-site protection for unsafe methods: the Origin header must be present and allowed.
 * (hono/csrf only covers form content types; JSON bodies and WebSocket upgrades need this.)
 */
export function requireSameOrigin(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (!origin || !isAllowedOrigin(ownOrigin(c), origin, allowed)) {
      return sendError(
        c,
        403,
        'forbidden_origin',
        'Dit verzoek komt niet van Werkplaats zelf en is geweigerd.',
      );
    }
    return next();
  });
}
