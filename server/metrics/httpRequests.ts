import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Counter } from 'prom-client';

/**
 * Counts every request by method, the pattern of the route that answered (`/api/designs/:id`,
 * never the raw path: ids would make a series per document) and status. Mounted first, so it
 * sees the final status, errors included. An accepted WebSocket upgrade counts as 101: Hono's
 * answer to it is a 200 placeholder that is never sent (ws writes the 101).
 */
export function countRequests(counter: Counter<'method' | 'route' | 'status'>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const upgraded = c.res.status === 200 && c.req.header('upgrade')?.toLowerCase() === 'websocket';
    counter.inc({
      method: c.req.method,
      route: routePath(c),
      status: upgraded ? '101' : String(c.res.status),
    });
  };
}
