import { Hono } from 'hono';
import { ONTWIKKELPAD_KINDS, SECTORS } from '../../../shared/domain/ontwikkelpad/types';
import { z } from '../../../shared/schemas/zod';
import { zValidator } from '@hono/zod-validator';
import { authRequired } from '../../auth/middleware';
import type { AppDeps, AppEnv } from '../../deps';
import { errorBody } from '../../http/errors';
import { notFound } from '../../http/apiError';

const libraryQuery = z.object({
  kind: z.enum(ONTWIKKELPAD_KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  q: z.string().max(200).optional(),
});

/**
 * /api/templates — the library of published ontwikkelpad versions, readable by every signed-in
 * user (published means public within Werkplaats; drafts stay with their atelier).
 */
export function templateRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(authRequired)
    .get(
      '/',
      zValidator('query', libraryQuery, (result, c) => {
        if (!result.success) {
          return c.json(
            errorBody('invalid_query', result.error.issues.map((issue) => issue.message).join('; ')),
            400,
          );
        }
      }),
      (c) => c.json(deps.stores.templateVersions.search(c.req.valid('query'))),
    )
    .get('/:id', (c) => {
      const version = deps.stores.templateVersions.get(c.req.param('id'));
      if (!version) throw notFound('Deze versie van het ontwikkelpad bestaat niet.');
      return c.json({ ...version, versions: deps.stores.templateVersions.versionsOf(version.templateKey) });
    });
}
