import { Hono } from 'hono';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  catalogEntry,
  reuseDesign,
  searchCatalog,
  searchTrajectCatalog,
  trajectCatalogEntry,
} from '../../commands/catalog';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson, validateQuery } from '../../http/validate';

/** GET /api/catalog — every filter optional; unknown parameters are ignored. */
const catalogQuery = z.object({
  q: z.string().optional(),
  sector: z.string().optional(),
  /** A template version id, or the ontwikkelpad's key (every version of it). */
  templateId: z.string().optional(),
  outcomeId: z.string().optional(),
});

/** POST /api/catalog/:id/reuse */
const reuseBody = z.object({ teamId: z.uuid('Kies een co-creatieteam') }).strict();

/** /api/catalog — approved designs and trajecten, public (no session needed); reuse needs one. */
export function catalogRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', validateQuery(catalogQuery), async (c) => {
      const filter = c.req.valid('query');
      // Leerarrangementen in `items`, approved trajecten beside them.
      return c.json({
        items: await searchCatalog(deps, filter),
        trajects: await searchTrajectCatalog(deps, filter),
      });
    })
    .get('/trajects/:id', async (c) => c.json(await trajectCatalogEntry(deps, c.req.param('id'))))
    .get('/:id', async (c) => c.json(await catalogEntry(deps, c.req.param('id'))))
    .post('/:id/reuse', authRequired, validateJson(reuseBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { id } = await reuseDesign(deps, user.id, c.req.param('id'), c.req.valid('json').teamId);
      return c.json({ id, docId: id, basedOn: c.req.param('id') }, 201);
    });
}
