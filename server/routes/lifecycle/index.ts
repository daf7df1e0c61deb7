import { Hono } from 'hono';
import { changeDesignStatusBody } from '../../../shared/schemas/reviews';
import { authRequired, requireAuth } from '../../auth/middleware';
import { changeStatus, designStatus } from '../../commands/lifecycle';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';

/** /api/designs/:id/status — the lifecycle of a design (read: members; move: owners, the decision on externe toetsing: its toetsingscommissie). */
export function lifecycleRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/:id/status', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await designStatus(deps, user.id, c.req.param('id')));
    })
    .post('/:id/status', validateJson(changeDesignStatusBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await changeStatus(deps, user.id, c.req.param('id'), c.req.valid('json')));
    });
}
