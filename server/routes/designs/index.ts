import { Hono } from 'hono';
import { capabilitiesOf } from '../../../shared/domain/roles';
import { createDesignBody, upgradeDesignBody } from '../../../shared/schemas/designs';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  createDesign,
  designChecks,
  designTemplate,
  designUpgradePlan,
  earlierOutcomes,
  upgradeDesign,
} from '../../commands/designs';
import type { AppDeps, AppEnv } from '../../deps';
import { validateJson } from '../../http/validate';
import { authorizeDocument } from '../../policies/document';

/** /api/designs — leerarrangementen designed against a published ontwikkelpad version. */
export function designRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .post('/', validateJson(createDesignBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { id } = await createDesign(deps, user.id, c.req.valid('json'));
      return c.json({ id, docId: id }, 201);
    })
    .get('/:id', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const docId = c.req.param('id');
      const { document, role } = await authorizeDocument(deps.stores, user.id, docId, 'document.read');
      const { version, newer } = await designTemplate(deps, docId);
      const { content: _content, ...template } = version;
      return c.json({
        ...document,
        docId,
        template,
        // 'bestaand': existing offer, entered at interne toetsing.
        origin: (await deps.stores.lifecycle.get(docId))?.origin ?? 'nieuw',
        // The server's norm for comparing hours and ECTS (setting HOURS_PER_ECTS).
        hoursPerEcts: deps.env.HOURS_PER_ECTS,
        // Targeted outcomes this version no longer has keep their name (see earlierOutcomes).
        earlierOutcomes: await earlierOutcomes(deps, version),
        // A newer published version of the same ontwikkelpad, with what upgrading would mean.
        newerTemplate: newer
          ? {
              version: newer,
              plan: await designUpgradePlan(
                deps,
                docId,
                version,
                (await deps.stores.templateVersions.get(newer.id))!,
              ),
            }
          : null,
        role,
        capabilities: capabilitiesOf(role),
      });
    })
    .get('/:id/checks', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await designChecks(deps, user.id, c.req.param('id')));
    })
    .post('/:id/upgrade', validateJson(upgradeDesignBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await upgradeDesign(deps, user.id, c.req.param('id'), c.req.valid('json').toVersionId));
    });
}
