import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, pathParams } from '../../api/client';
import { readJson } from '../../api/request';

const version = api.templates[':id'];
const draft = api.templates.drafts[':docId'];

/** A published ontwikkelpad version as the library lists it. */
export type TemplateVersionSummary = InferResponseType<typeof api.templates.$get, 200>[number];

/** One published version with its content and every version of the same ontwikkelpad. */
export type TemplateVersionDetail = InferResponseType<typeof version.$get, 200>;

/** GET /api/templates/:id/diff — the changes from `from` to `to`. */
export type TemplateDiff = InferResponseType<typeof version.diff.$get, 200>;

/** An ontwikkelpad draft with the caller's access and the version line it publishes into. */
export type TemplateDraft = InferResponseType<typeof draft.$get, 200>;

/** What publishing the draft now would do (GET /api/templates/drafts/:docId/publish). */
export type PublishPreview = InferResponseType<typeof draft.publish.$get, 200>;

type LibraryQuery = InferRequestType<typeof api.templates.$get>['query'];

/** Filters of the library; empty values mean "all". */
export type LibraryFilter = { [K in keyof LibraryQuery]?: LibraryQuery[K] | '' };

/** The query string of a library request ("" without filters). */
export function libraryQuery(filter: LibraryFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.q?.trim()) params.set('q', filter.q.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * GET /api/templates — the library, newest first. `query` is what libraryQuery() made: a string,
 * because it is also the key the scene loads by.
 */
export function listTemplates(query: string): Promise<TemplateVersionSummary[]> {
  const filter = Object.fromEntries(new URLSearchParams(query)) as LibraryQuery;
  return readJson(api.templates.$get({ query: filter }));
}

/** GET /api/templates/:id. */
export function getTemplateVersion(id: string): Promise<TemplateVersionDetail> {
  return readJson(version.$get({ param: pathParams({ id }) }));
}

/** GET /api/templates/:id/diff?against=:from — the changes from `fromId` to `toId`. */
export function getTemplateDiff(toId: string, fromId: string): Promise<TemplateDiff> {
  return readJson(version.diff.$get({ param: pathParams({ id: toId }), query: { against: fromId } }));
}

/** POST /api/templates/drafts — a new draft in an atelier, empty or from a published version. */
export function createTemplateDraft(body: InferRequestType<typeof api.templates.drafts.$post>['json']) {
  return readJson(api.templates.drafts.$post({ json: body }));
}

/** GET /api/templates/drafts/:docId — 403 for anyone outside the atelier. */
export function getTemplateDraft(docId: string): Promise<TemplateDraft> {
  return readJson(draft.$get({ param: pathParams({ docId }) }));
}

/** GET /api/templates/drafts/:docId/publish — validated against the server's committed state. */
export function getPublishPreview(docId: string): Promise<PublishPreview> {
  return readJson(draft.publish.$get({ param: pathParams({ docId }) }));
}

/** POST /api/templates/drafts/:docId/publish — 400 with a Dutch message when it cannot. */
export function publishTemplate(docId: string, body: InferRequestType<typeof draft.publish.$post>['json']) {
  return readJson(draft.publish.$post({ param: pathParams({ docId }), json: body }));
}

/** POST /api/templates/:id/establish — sets a concept-versie vastgesteld (403 for the publisher alone). */
export function establishTemplate(id: string): Promise<TemplateVersionSummary> {
  return readJson(version.establish.$post({ param: pathParams({ id }) }));
}
