import type { InferRequestType, InferResponseType } from 'hono/client';
import { api, pathParams, quiet } from '../../api/client';
import { readJson } from '../../api/request';

/** One approved leerarrangement in the public catalog. */
export type CatalogItem = InferResponseType<typeof api.catalog.$get, 200>['items'][number];

/** GET /api/catalog/:id */
export type CatalogEntry = InferResponseType<(typeof api.catalog)[':id']['$get'], 200>;

type CatalogQuery = InferRequestType<typeof api.catalog.$get>['query'];

/** Filters of the catalog (empty values are left out). */
export type CatalogFilter = { [K in keyof CatalogQuery]?: CatalogQuery[K] | null };

/** The filters that have a value, as the catalog's query. */
export function catalogQuery(filter: CatalogFilter): CatalogQuery {
  const query: CatalogQuery = {};
  for (const [name, value] of Object.entries(filter)) if (value) query[name as keyof CatalogQuery] = value;
  return query;
}

/** GET /api/catalog — public: no session needed, so a 401 is never reported. */
export async function searchCatalog(filter: CatalogFilter): Promise<CatalogItem[]> {
  const body = await readJson(api.catalog.$get({ query: catalogQuery(filter) }, quiet));
  return body.items;
}

/** GET /api/catalog/:id — public, like the search. */
export function getCatalogEntry(id: string): Promise<CatalogEntry> {
  return readJson(api.catalog[':id'].$get({ param: pathParams({ id }) }, quiet));
}

/** POST /api/catalog/:id/reuse — a copy in one's own co-creatieteam. */
export function reuseCatalogEntry(id: string, teamId: string): Promise<{ id: string; docId: string }> {
  return readJson(api.catalog[':id'].reuse.$post({ param: pathParams({ id }), json: { teamId } }));
}
