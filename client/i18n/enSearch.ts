import type { nlSearch } from './nlSearch';

/** English messages of search; the same keys as `nlSearch.ts`. */
export const enSearch: Record<keyof typeof nlSearch, string> = {
  'search.title': 'Search',
  'search.label': 'Search Werkplaats',
  'search.headerLabel': 'Search Werkplaats',
  'search.headerPlaceholder': 'Search… (Ctrl+K)',
  'search.submit': 'Search',
  'search.hint':
    "Searches your teams' designs, ontwikkelpad drafts, trajects and comments, the library and the catalog.",
  'search.loading': 'Searching…',
  'search.empty': 'Type one or more words.',
  'search.count': '{count, plural, =0 {Nothing found.} one {# result} other {# results}}',
  'search.kind.leerarrangement': 'Learning arrangement',
  'search.kind.ontwikkelpad': 'Ontwikkelpad (draft)',
  'search.kind.document': 'Document',
  'search.kind.traject': 'Professional development traject',
  'search.kind.template': 'Ontwikkelpad (published)',
  'search.kind.catalog': 'Catalog',
  'search.kind.comment': 'Comment',
};
