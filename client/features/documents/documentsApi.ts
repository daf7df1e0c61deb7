import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, pathParams, quiet } from '../../api/client';
import { readJson } from '../../api/request';

const document = api.documents[':id'];

/** A document with the caller's role and capabilities (GET /api/documents/:id). */
export type DocumentWithAccess = InferResponseType<typeof document.$get, 200>;

/** GET /api/documents — documents of all my teams, most recently changed first. */
export function listDocuments() {
  return readJson(api.documents.$get());
}

/** GET /api/documents/:id — 403 without access, 404 unknown. */
export function getDocument(
  id: string,
  { reportUnauthenticated = true }: { reportUnauthenticated?: boolean } = {},
): Promise<DocumentWithAccess> {
  return readJson(document.$get({ param: pathParams({ id }) }, reportUnauthenticated ? undefined : quiet));
}

/** POST /api/documents (owner, editor of the team); resolves with the new document's id. */
export function createDocument(body: InferRequestType<typeof api.documents.$post>['json']) {
  return readJson(api.documents.$post({ json: body }));
}
