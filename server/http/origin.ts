import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { sendError } from './errors';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether the browser reached us over https: directly, or through a TLS-terminating proxy that
 * says so. Trusting X-Forwarded-Proto is safe here: a cross-site page cannot set it on a victim's
 * request, and it only ever makes the cookie stricter (Secure) or the own origin https.
 */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

const originOf = (host: string | undefined, https: boolean) =>
  host ? `${https ? 'https:' : 'http:'}//${host}` : undefined;

/** The app's own origin as the browser sees it, from the Host header and the protocol. */
export function ownOrigin(c: Context): string | undefined {
  return originOf(c.req.header('host'), isHttps(c));
}

/** Whether `origin` may make unsafe requests and open sockets: the app's own, or a configured one. */
export function isAllowedOrigin(c: Context, origin: string, allowed: readonly string[]): boolean {
  return origin === ownOrigin(c) || allowed.includes(origin);
}

/**
 * isAllowedOrigin from the headers alone, for the WebSocket upgrade (no Hono context). The server
 * speaks plain HTTP, so https is only what a TLS-terminating proxy's X-Forwarded-Proto says.
 */
export function isAllowedOriginFor(
  header: (name: string) => string | undefined,
  origin: string,
  allowed: readonly string[],
): boolean {
  return (
    origin === originOf(header('host'), header('x-forwarded-proto') === 'https') || allowed.includes(origin)
  );
}

/**
 * Cross-site protection for unsafe methods: the Origin header must be present and allowed.
 * (hono/csrf only covers form content types; JSON bodies and WebSocket upgrades need this.)
 */
export function requireSameOrigin(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (!origin || !isAllowedOrigin(c, origin, allowed)) {
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
