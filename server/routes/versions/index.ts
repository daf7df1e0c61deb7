import { Hono } from 'hono';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import { exportDocument } from '../../commands/exports';
import {
  diffVersions,
  getVersion,
  getVersionState,
  listVersionsJson,
  restoreVersion,
  saveVersion,
} from '../../commands/versions';
import type { AppDeps, AppEnv } from '../../deps';
import { ApiError } from '../../http/apiError';
import { validateJson } from '../../http/validate';

const saveVersionBody = z.object({
  label: z.string().trim().min(1).max(200),
  note: z.string().max(2000).optional(),
});

/**
 * Versions, restore, diff and exports of any collaborative document; mounted under both
 * /api/documents and /api/designs.
 */
export function versionsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:id/*', authRequired)
    .get('/:id/versions', (c) => {
      const { user } = requireAuth(c.get('auth'));
      // Built as JSON text by the store (a VersionSummary[]): no objects to make and stringify.
      return c.body(listVersionsJson(deps, user.id, c.req.param('id')), 200, {
        'Content-Type': 'application/json',
      });
    })
    .post('/:id/versions', validateJson(saveVersionBody), (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(saveVersion(deps, user.id, c.req.param('id'), c.req.valid('json')), 201);
    })
    .get('/:id/versions/:versionId', (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(getVersion(deps, user.id, c.req.param('id'), c.req.param('versionId')));
    })
    .get('/:id/versions/:versionId/state', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const state = getVersionState(deps, user.id, c.req.param('id'), c.req.param('versionId'));
      c.header('Content-Type', 'application/octet-stream');
      c.header('Cache-Control', 'private, no-store');
      return c.body(Buffer.from(state));
    })
    .post('/:id/versions/:versionId/restore', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const restored = await restoreVersion(deps, user.id, c.req.param('id'), c.req.param('versionId'));
      return c.json(restored, 201);
    })
    .get('/:id/diff', (c) => {
      const { user } = requireAuth(c.get('auth'));
      const from = c.req.query('from');
      if (!from) throw new ApiError(400, 'invalid_query', 'Geef met from aan welke versie je vergelijkt.');
      return c.json(diffVersions(deps, user.id, c.req.param('id'), from, c.req.query('to') ?? 'current'));
    })
    .get('/:id/export', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const file = await exportDocument(
        deps,
        user.id,
        c.req.param('id'),
        c.req.query('format') ?? '',
        c.req.query('version'),
      );
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `${file.disposition}; filename="${file.filename}"`);
      c.header('X-Content-Type-Options', 'nosniff');
      return typeof file.body === 'string' ? c.body(file.body) : c.body(file.body);
    });
}
