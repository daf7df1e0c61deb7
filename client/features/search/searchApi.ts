import { api } from '../../api/client';
import { readJson } from '../../api/request';
import type { SearchResult } from '../../../shared/schemas/search';

/** GET /api/search?q= — everything the user may see that matches, best first. */
export async function search(q: string): Promise<SearchResult[]> {
  if (!q.trim()) return [];
  return (await readJson(api.search.$get({ query: { q } }))) as SearchResult[];
}
