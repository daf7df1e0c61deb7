import { Hono } from 'hono';
import { capabilitiesOf } from '../../../shared/domain/roles';
import { diffTemplates } from '../../../shared/domain/template/diff';
import { TEMPLATE_KINDS, SECTORS } from '../../../shared/domain/template/types';
import { planUpgrade } from '../../../shared/domain/template/upgrade';
import { createTemplateDraftBody, publishTemplateBody } from '../../../shared/schemas/templates';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import {
  createTemplateDraft,
  establishTemplate,
  previewPublish,
  publishTemplate,
  templateVersionOr404,
} from '../../commands/templates';
import type { AppDeps, AppEnv } from '../../deps';
import { notFound } from '../../http/apiError';
import { validateJson, validateQuery } from '../../http/validate';
import { authorizeDocument } from '../../policies/document';

const libraryQuery = z.object({
  kind: z.enum(TEMPLATE_KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  q: z.string().max(200).optional(),
});
const otherVersionQuery = (name: 'against' | 'to') => z.object({ [name]: z.string().min(1).max(100) });

/**
 * /api/templates — ontwikkelpaden. Published versions (the library) are readable by every
 * signed-in user: published means public within Werkplaats. Drafts are documents of their atelier:
 * only its members read them, only its owners and editors change and publish them.
 */
export function templateRoutes(deps: AppDeps) {
  const { stores } = deps;

  return new Hono<AppEnv>()
    .use(authRequired)
    .get('/', validateQuery(libraryQuery), async (c) =>
      c.json(await stores.templateVersions.search(c.req.valid('query'))),
    )
    .post('/drafts', validateJson(createTemplateDraftBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { id } = await createTemplateDraft(deps, user.id, c.req.valid('json'));
      return c.json({ id, docId: id }, 201);
    })
    .get('/drafts/:docId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const docId = c.req.param('docId');
      const { document, role } = await authorizeDocument(stores, user.id, docId, 'document.read');
      const draft = await stores.templateDrafts.get(docId);
      if (!draft) throw notFound('Dit document is geen concept van een ontwikkelpad.');
      return c.json({
        ...document,
        templateKey: draft.templateKey,
        basedOnVersionId: draft.basedOnVersionId,
        versions: await stores.templateVersions.versionsOf(draft.templateKey),
        role,
        capabilities: capabilitiesOf(role),
      });
    })
    .get('/drafts/:docId/publish', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await previewPublish(deps, user.id, c.req.param('docId')));
    })
    .post('/drafts/:docId/publish', validateJson(publishTemplateBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await publishTemplate(deps, user.id, c.req.param('docId'), c.req.valid('json')), 201);
    })
    .get('/:id', async (c) => {
      const version = await templateVersionOr404(deps, c.req.param('id'));
      return c.json({ ...version, versions: await stores.templateVersions.versionsOf(version.templateKey) });
    })
    .post('/:id/establish', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await establishTemplate(deps, user.id, c.req.param('id')));
    })
    .get('/:id/diff', validateQuery(otherVersionQuery('against')), async (c) => {
      const to = await templateVersionOr404(deps, c.req.param('id'));
      const from = await templateVersionOr404(deps, c.req.valid('query').against as string);
      const { content: _from, ...fromSummary } = from;
      const { content: _to, ...toSummary } = to;
      return c.json({ from: fromSummary, to: toSummary, changes: diffTemplates(from.content, to.content) });
    })
    .get('/:id/upgrade', validateQuery(otherVersionQuery('to')), async (c) => {
      const from = await templateVersionOr404(deps, c.req.param('id'));
      const to = await templateVersionOr404(deps, c.req.valid('query').to as string);
      return c.json(planUpgrade(from.content, to.content));
    });
}
