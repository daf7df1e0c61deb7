import type { LeerarrangementContent } from '../../shared/domain/leerarrangement/types';
import { requestJson } from './request';

const enc = encodeURIComponent;

/** One approved leerarrangement in the public catalog. */
export interface CatalogItem {
  id: string;
  title: string;
  team: { id: string; name: string };
  template: { id: string; templateKey: string; title: string; version: string };
  outcomes: Array<{ id: string; code: string; title: string }>;
  sectors: string[];
  ects: number | null;
  license: string;
  approvedAt: string;
}

/** GET /api/catalog/:id */
export interface CatalogEntry extends CatalogItem {
  content: LeerarrangementContent;
}

/** Filters of the catalog (empty values are left out). */
export interface CatalogFilter {
  q?: string | null;
  sector?: string | null;
  templateId?: string | null;
  outcomeId?: string | null;
}

/** GET /api/catalog — public: no session needed, so a 401 is never reported. */
export async function searchCatalog(filter: CatalogFilter): Promise<CatalogItem[]> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.set(name, value as string);
  const query = params.toString();
  const body = await requestJson<{ items: CatalogItem[] }>(`/api/catalog${query ? `?${query}` : ''}`, {
    reportUnauthenticated: false,
  });
  return body.items;
}

export function getCatalogEntry(id: string): Promise<CatalogEntry> {
  return requestJson<CatalogEntry>(`/api/catalog/${enc(id)}`, { reportUnauthenticated: false });
}

/** POST /api/catalog/:id/reuse — a copy in one's own co-creatieteam. */
export function reuseCatalogEntry(id: string, teamId: string): Promise<{ id: string; docId: string }> {
  return requestJson<{ id: string; docId: string }>(`/api/catalog/${enc(id)}/reuse`, {
    method: 'POST',
    body: { teamId },
  });
}
