import { Hono } from 'hono';
import { changeStatusBody, createTrajectBody, setTrajectItemsBody } from '../../../shared/schemas/designs';
import { trajectAgreementBody } from '../../../shared/schemas/trajects';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  createTraject,
  setTrajectItems,
  trajectMatrixCsv,
  trajectView,
} from '../../commands/trajectContents';
import { changeTrajectStatus, trajectStatus, trajectVersions } from '../../commands/trajects';
import { setTrajectAgreement } from '../../commands/trajectAgreements';
import type { AppDeps, AppEnv } from '../../deps';
import { notFound } from '../../http/apiError';
import { validateJson } from '../../http/validate';
import { authorizeTeam } from '../../policies/team';

/** /api/trajects — professionaliseringstrajecten: arrangements of one template version, with coverage. */
export function trajectRoutes(deps: AppDeps) {
  const readable = async (userId: string, trajectId: string) => {
    const traject = await deps.stores.designs.getTraject(trajectId);
    if (!traject) throw notFound('Dit traject bestaat niet.');
    await authorizeTeam(deps.stores, userId, traject.teamId, 'team.read');
    return trajectView(deps, trajectId);
  };
  return (
    new Hono<AppEnv>()
      .use(authRequired)
      .post('/', validateJson(createTrajectBody), async (c) => {
        const { user } = requireAuth(c.get('auth'));
        return c.json(await createTraject(deps, user.id, c.req.valid('json')), 201);
      })
      .get('/:id', async (c) => {
        const { user } = requireAuth(c.get('auth'));
        return c.json(await readable(user.id, c.req.param('id')));
      })
      .put('/:id/items', validateJson(setTrajectItemsBody), async (c) => {
        const { user } = requireAuth(c.get('auth'));
        await setTrajectItems(deps, user.id, c.req.param('id'), c.req.valid('json').items);
        return c.json(await trajectView(deps, c.req.param('id')));
      })
      // The owner's record of the agreement with another provider (R9, 001 l.283).
      .put('/:id/agreements/:designId', validateJson(trajectAgreementBody), async (c) => {
        const { user } = requireAuth(c.get('auth'));
        const { id, designId } = c.req.param();
        await setTrajectAgreement(deps, user.id, id, designId, c.req.valid('json').confirmed);
        return c.json(await trajectView(deps, id));
      })
      // The lifecycle (read: members; move: owners) and the version made at every move.
      .get('/:id/status', async (c) => {
        const { user } = requireAuth(c.get('auth'));
        return c.json(await trajectStatus(deps, user.id, c.req.param('id')));
      })
      .post('/:id/status', validateJson(changeStatusBody), async (c) => {
        const { user } = requireAuth(c.get('auth'));
        return c.json(await changeTrajectStatus(deps, user.id, c.req.param('id'), c.req.valid('json')));
      })
      .get('/:id/versions', async (c) => {
        const { user } = requireAuth(c.get('auth'));
        return c.json({ versions: await trajectVersions(deps, user.id, c.req.param('id')) });
      })
      .get('/:id/matrix.csv', async (c) => {
        const { user } = requireAuth(c.get('auth'));
        const view = await readable(user.id, c.req.param('id'));
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="dekkingsmatrix.csv"`);
        // BOM so spreadsheet programs read the UTF-8 (é, ë) correctly.
        return c.body(`\uFEFF${trajectMatrixCsv(view)}`);
      })
  );
}
