import { Hono } from 'hono';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import { catalogEntry, reuseDesign, searchCatalog } from '../../commands/catalog';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';

/** POST /api/catalog/:id/reuse */
const reuseBody = z.object({ teamId: z.uuid('Kies een co-creatieteam') }).strict();

/** /api/catalog — approved designs, public (no session needed); reuse needs one. */
export function catalogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { q, sector, templateId, outcomeId } = c.req.query();
      return c.json({ items: searchCatalog(deps, { q, sector, templateId, outcomeId }) });
    })
    .get('/:id', (c) => c.json(catalogEntry(deps, c.req.param('id'))))
    .post('/:id/reuse', authRequired, validateJson(reuseBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { id } = reuseDesign(deps, user.id, c.req.param('id'), c.req.valid('json').teamId);
      return c.json({ id, docId: id, basedOn: c.req.param('id') }, 201);
    });
}
