import { Hono } from 'hono';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  deleteExampleDesign,
  exampleTemplate,
  findExampleDesign,
  openExampleDesign,
} from '../../commands/exampleDesign';
import type { AppDeps, AppEnv } from '../../deps';

/** /api/examples — the example design a new account may explore, only ever the caller's own. */
export function exampleRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/design', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json({
        example: await findExampleDesign(deps, user.id),
        template: await exampleTemplate(deps),
      });
    })
    .post('/design', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { created, ...example } = await openExampleDesign(deps, user);
      return c.json(example, created ? 201 : 200);
    })
    .delete('/design', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      await deleteExampleDesign(deps, user.id);
      return c.body(null, 204);
    });
}
