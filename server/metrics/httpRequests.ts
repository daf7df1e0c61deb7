import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Counter } from 'prom-client';

/**
 * Counts every request by method, the pattern of the route that answered (`/api/designs/:id`,
 * never the raw path: ids would make a series per document) and status. Mounted first, so it
 * sees the final status, errors included. WebSocket upgrades do not pass through the app; the
 * collab server counts them (101 when accepted) in the same series.
 */
export function countRequests(counter: Counter<'method' | 'route' | 'status'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    counter.inc({ method: c.req.method, route: routePath(c), status: String(c.res.status) });
  };
}
