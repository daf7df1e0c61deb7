import { createMiddleware } from 'hono/factory';
import { sendError } from './errors';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The app's own origin for this request, from its Host header and the protocol it was served on. */
export function ownOrigin(url: string, host: string | undefined): string | undefined {
  if (!host) return undefined;
  return `${new URL(url).protocol}//${host}`;
}

/** Whether `origin` may make unsafe requests and open sockets. */
export function isAllowedOrigin(
  origin: string,
  allowed: readonly string[],
  own: string | undefined,
): boolean {
  return allowed.length > 0 ? allowed.includes(origin) : origin === own;
}

/**
 * Cross-site protection for unsafe methods: the Origin header must be present and allowed.
 * (hono/csrf only covers form content types; JSON bodies and WebSocket upgrades need this.)
 */
export function requireSameOrigin(allowed: readonly string[]) {
  return createMiddleware(async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    if (!origin || !isAllowedOrigin(origin, allowed, ownOrigin(c.req.url, c.req.header('host')))) {
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
