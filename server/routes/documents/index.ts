import { Hono } from 'hono';
import { capabilitiesOf } from '../../../shared/domain/roles';
import { createDocumentBody } from '../../../shared/schemas/documents';
import { createDocument } from '../../commands/createDocument';
import { authRequired, requireAuth } from '../../auth/middleware';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';
import { authorizeDocument } from '../../policies/document';
import { authorizeTeam } from '../../policies/team';

/** /api/documents — collaborative documents, owned by a team. */
export function documentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await deps.stores.documents.listForUser(user.id));
    })
    .post('/', validateJson(createDocumentBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const body = c.req.valid('json');
      await authorizeTeam(deps.stores, user.id, body.teamId, 'document.create');
      const { id } = await createDocument(deps, user.id, body);
      return c.json({ id, docId: id }, 201);
    })
    .get('/:id', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { document, role } = await authorizeDocument(
        deps.stores,
        user.id,
        c.req.param('id'),
        'document.read',
      );
      const capabilities = capabilitiesOf(role);
      return c.json({ ...document, role, capabilities });
    });
}
