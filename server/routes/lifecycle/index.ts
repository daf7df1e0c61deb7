import { Hono } from 'hono';
import { DESIGN_STATUSES, INTERNAL_OUTCOMES } from '../../../shared/domain/lifecycle';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import { changeStatus, designStatus } from '../../commands/lifecycle';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';

/** POST /api/designs/:id/status */
const changeStatusBody = z
  .object({
    to: z.enum(DESIGN_STATUSES, 'Kies een geldige status'),
    outcome: z.enum(INTERNAL_OUTCOMES, 'Kies een geldige uitkomst').nullable().optional(),
    note: z.string().max(5000, 'Toelichting is langer dan 5000 tekens').nullable().optional(),
  })
  .strict();

/** /api/designs/:id/status — the lifecycle of a design (read: members; move: owners). */
export function lifecycleRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/:id/status', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(designStatus(deps, user.id, c.req.param('id')));
    })
    .post('/:id/status', validateJson(changeStatusBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(changeStatus(deps, user.id, c.req.param('id'), c.req.valid('json')));
    });
}
