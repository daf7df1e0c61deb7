import { createHash, timingSafeEqual } from 'node:crypto';
import type { Handler } from 'hono';
import type { Registry } from 'prom-client';
import { sendError } from '../http/errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * GET /metrics: the Prometheus text for `Authorization: Bearer <token>`, 401 otherwise; 404 when no
 * token is configured (metrics are off). The token is compared as SHA-256 digests with
 * timingSafeEqual: equal lengths, and no timing that reveals how much of a guess was right.
 */
export function metricsHandler(registry: Registry, token: string | undefined): Handler {
  const expected = token ? digest(token) : undefined;
  return async (c) => {
    if (!expected) return sendError(c, 404, 'not_found', 'Deze pagina bestaat niet.');
    const given = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!given || !timingSafeEqual(digest(given), expected)) {
      c.header('WWW-Authenticate', 'Bearer realm="metrics"');
      return sendError(c, 401, 'unauthorized', 'Geen of een ongeldig token voor de metrics.');
    }
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  };
}
