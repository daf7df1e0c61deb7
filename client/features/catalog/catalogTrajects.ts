import type { InferResponseType } from 'hono/client';
import { api, pathParams, quiet } from '../../api/client';
import { readJson } from '../../api/request';
import { catalogQuery, type CatalogFilter, type CatalogItem } from './catalogApi';

type CatalogAnswer = InferResponseType<typeof api.catalog.$get, 200>;

/** One approved professionaliseringstraject in the public catalog. */
export type CatalogTrajectItem = NonNullable<CatalogAnswer['trajects']>[number];

/** GET /api/catalog/trajects/:id */
export type CatalogTrajectEntry = InferResponseType<(typeof api.catalog.trajects)[':id']['$get'], 200>;

/** GET /api/catalog — designs and trajects, public (a 401 is never reported). */
export async function searchCatalogAll(
  filter: CatalogFilter,
): Promise<{ items: CatalogItem[]; trajects: CatalogTrajectItem[] }> {
  const body = await readJson(api.catalog.$get({ query: catalogQuery(filter) }, quiet));
  return { items: body.items, trajects: body.trajects ?? [] };
}

/** GET /api/catalog/trajects/:id — public, like the search. */
export function getCatalogTraject(id: string): Promise<CatalogTrajectEntry> {
  return readJson(api.catalog.trajects[':id'].$get({ param: pathParams({ id }) }, quiet));
}
