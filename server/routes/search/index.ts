import { Hono } from 'hono';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import { search } from '../../commands/search';
import type { AppDeps, AppEnv } from '../../deps';
import { validateQuery } from '../../http/validate';

/** GET /api/search?q= — at most 200 characters (a longer query is no search). */
const searchQuery = z.object({ q: z.string().max(200, 'Zoek met hoogstens 200 tekens.').default('') });

/** /api/search — what the signed-in user may see, by title and content. */
export function searchRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', authRequired, validateQuery(searchQuery), async (c) => {
    const { user } = requireAuth(c.get('auth'));
    c.header('Cache-Control', 'no-store');
    return c.json(await search(deps, user.id, c.req.valid('query').q));
  });
}
