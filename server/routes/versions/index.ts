import { Hono, type TypedResponse } from 'hono';
import { validator } from 'hono/validator';
import { z } from '../../../shared/schemas/zod';
import { authRequired, requireAuth } from '../../auth/middleware';
import { exportDocument } from '../../commands/exports';
import {
  diffVersionsJson,
  getVersion,
  getVersionState,
  listVersionsJson,
  restoreVersion,
  saveVersion,
} from '../../commands/versions';
import type { AppDeps, AppEnv } from '../../deps';
import type { VersionSummary } from '../../stores/versions';
import type { VersionDiff } from '../../workers/jobs';
import { ApiError } from '../../http/apiError';
import { validateJson } from '../../http/validate';

const saveVersionBody = z.object({
  label: z.string().trim().min(1).max(200),
  note: z.string().max(2000).optional(),
});

/** The first value of a query parameter (a repeated one counts once). */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** GET …/diff: `from` is required; `to` is a version id or 'current' (the default). */
const diffQuery = validator('query', (query) => {
  const from = first(query.from);
  if (!from) throw new ApiError(400, 'invalid_query', 'Geef met from aan welke versie je vergelijkt.');
  return { from, to: first(query.to) ?? 'current' };
});

/**
 * Versions, restore, diff and exports of any collaborative document; mounted under both
 * /api/documents and /api/designs.
 */
export function versionsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use('/:id/*', authRequired)
    .get('/:id/versions', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      // Built as JSON text by the store: no objects to make and stringify. The type says what the
      // text holds, for the typed client.
      return c.body(await listVersionsJson(deps, user.id, c.req.param('id')), 200, {
        'Content-Type': 'application/json',
      }) as unknown as Response & TypedResponse<VersionSummary[], 200, 'json'>;
    })
    .post('/:id/versions', validateJson(saveVersionBody), async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const saved = await saveVersion(deps, user.id, c.req.param('id'), c.req.valid('json'));
      // 200 with the existing version when nothing changed since it; 201 when one was stored.
      return saved.unchanged ? c.json(saved, 200) : c.json(saved, 201);
    })
    .get('/:id/versions/:versionId', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      return c.json(await getVersion(deps, user.id, c.req.param('id'), c.req.param('versionId')));
    })
    .get('/:id/versions/:versionId/state', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const state = await getVersionState(deps, user.id, c.req.param('id'), c.req.param('versionId'));
      c.header('Content-Type', 'application/octet-stream');
      c.header('Cache-Control', 'private, no-store');
      return c.body(Buffer.from(state));
    })
    .post('/:id/versions/:versionId/restore', async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const restored = await restoreVersion(deps, user.id, c.req.param('id'), c.req.param('versionId'));
      return c.json(restored, 201);
    })
    .get('/:id/diff', diffQuery, async (c) => {
      const { user } = requireAuth(c.get('auth'));
      const { from, to } = c.req.valid('query');
      // JSON text made on the pool thread; the type says what it holds, for the typed client.
      const json = await diffVersionsJson(deps, user.id, c.req.param('id'), from, to);
      return c.body(json, 200, { 'Content-Type': 'application/json' }) as unknown as Response &
        TypedResponse<VersionDiff, 200, 'json'>;
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
