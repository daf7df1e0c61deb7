import type { Context, MiddlewareHandler } from 'hono';
import { log } from '../log';
import { sendError } from './errors';
import { allowedHostnames } from './hostCheck';
import { HSTS, securityHeaders } from './securityHeaders';
import { rawRequestOf, siteResolver, type SiteSettings } from './site';

/**
 * Liveness and readiness probes (Docker, Kubernetes, a load balancer) reach the container by its
 * address, not the public name; they reveal nothing, so they are answered whatever the Host.
 */
const PROBES = new Set(['/api/health', '/api/ready']);

const isProbe = (c: Context) => (c.req.method === 'GET' || c.req.method === 'HEAD') && PROBES.has(c.req.path);

/** The message of a 421 (the WebSocket upgrade answers with the bare status). */
const MISDIRECTED = {
  code: 'misdirected_request',
  message: 'Dit adres hoort niet bij deze Werkplaats.',
} as const;

/**
 * What every request passes first: its Site (client address, own origin, https) is decided, a
 * foreign Host is refused with 421 (no redirect: a rebound DNS name must not be led anywhere), and
 * the security headers are set on whatever answers — the app, an asset, an error or a 404.
 */
export function frontDoor(settings: SiteSettings): MiddlewareHandler {
  const resolve = siteResolver(settings);
  const headers = securityHeaders();
  if (!allowedHostnames(settings)) {
    log.warn('requests for any Host name are served: set PUBLIC_ORIGIN when HOST is a wildcard', {
      HOST: settings.HOST,
    });
  }
  return async (c, next) => {
    const site = resolve(rawRequestOf(c));
    c.set('site', site);
    await headers(c, async () => {
      if (site.hostAllowed || isProbe(c)) return next();
      c.res = sendError(c, 421, MISDIRECTED.code, MISDIRECTED.message);
    });
    if (site.https) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
