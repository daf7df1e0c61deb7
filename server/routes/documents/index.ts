import { Hono } from 'hono';
import { createDocumentBody } from '../../../shared/schemas/documents';
import { createDocument } from '../../commands/createDocument';
import { sendError } from '../../http/errors';
import { validateJson } from '../../http/validate';
import type { AppDeps } from '../../deps';

/** /api/documents — collaborative documents (no login until accounts land). */
export function documentRoutes(deps: AppDeps) {
  return new Hono()
    .get('/', (c) => c.json(deps.stores.documents.list()))
    .post('/', validateJson(createDocumentBody), (c) => {
      const body = c.req.valid('json');
      const { id } = createDocument(deps.db, deps.stores, body);
      return c.json({ id, docId: id }, 201);
    })
    .get('/:id', (c) => {
      const document = deps.stores.documents.get(c.req.param('id'));
      if (!document) return sendError(c, 404, 'not_found', 'Dit document bestaat niet.');
      return c.json(document);
    });
}
