/** What a search result is of. */
export const SEARCH_KINDS = [
  'leerarrangement',
  'ontwikkelpad',
  'document',
  'traject',
  'template',
  'catalog',
  'comment',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** One result of `GET /api/search?q=`. */
export interface SearchResult {
  kind: SearchKind;
  id: string;
  title: string;
  /** Plain text around the match. */
  snippet: string;
  /** [start, end) ranges of `snippet` that matched, in order. */
  highlights: Array<[number, number]>;
  /** Where the result opens in the app. */
  url: string;
}
