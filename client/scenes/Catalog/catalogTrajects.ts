import { requestJson } from '../../http/request';
import type { CatalogFilter, CatalogItem } from '../../http/catalog';

const enc = encodeURIComponent;

/** One approved professionaliseringstraject in the public catalog. */
export interface CatalogTrajectItem {
  id: string;
  kind: 'traject';
  title: string;
  team: { id: string; name: string };
  template: { id: string; templateKey: string; title: string; version: string };
  /** The leeruitkomsten its leerarrangementen cover together. */
  outcomes: Array<{ id: string; code: string; title: string }>;
  sectors: string[];
  ects: number;
  hours: number;
  itemCount: number;
  license: string;
  approvedAt: string;
}

/** GET /api/catalog/trajects/:id */
export interface CatalogTrajectEntry extends CatalogTrajectItem {
  items: Array<{
    id: string;
    title: string;
    team: { id: string | null; name: string | null };
    position: number;
    alternativeGroup: string | null;
    outcomes: Array<{ id: string; code: string; title: string }>;
    ects: number | null;
    hours: number;
    inCatalog: boolean;
  }>;
}

/** GET /api/catalog — leerarrangementen and trajecten, public (a 401 is never reported). */
export async function searchCatalogAll(
  filter: CatalogFilter,
): Promise<{ items: CatalogItem[]; trajects: CatalogTrajectItem[] }> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value as string);
  const query = params.toString();
  const body = await requestJson<{ items: CatalogItem[]; trajects?: CatalogTrajectItem[] }>(
    `/api/catalog${query ? `?${query}` : ''}`,
    { reportUnauthenticated: false },
  );
  return { items: body.items, trajects: body.trajects ?? [] };
}

export function getCatalogTraject(id: string): Promise<CatalogTrajectEntry> {
  return requestJson<CatalogTrajectEntry>(`/api/catalog/trajects/${enc(id)}`, {
    reportUnauthenticated: false,
  });
}
