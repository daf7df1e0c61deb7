/** Dutch messages of search (the header field and the results page). `enSearch.ts` mirrors it. */
export const nlSearch = {
  'search.title': 'Zoeken',
  'search.label': 'Zoeken in Werkplaats',
  'search.headerLabel': 'Doorzoek Werkplaats',
  'search.headerPlaceholder': 'Zoeken… (Ctrl+K)',
  'search.submit': 'Zoeken',
  'search.hint':
    'Zoekt in de ontwerpen, ontwikkelpaddrafts, trajecten en reacties van je teams, in de bibliotheek en in de catalogus.',
  'search.loading': 'Zoeken…',
  'search.empty': 'Typ een of meer woorden.',
  'search.count': '{count, plural, =0 {Niets gevonden.} one {# resultaat} other {# resultaten}}',
  'search.kind.leerarrangement': 'Leerarrangement',
  'search.kind.ontwikkelpad': 'Ontwikkelpad (concept)',
  'search.kind.document': 'Document',
  'search.kind.traject': 'Professionaliseringstraject',
  'search.kind.template': 'Ontwikkelpad (gepubliceerd)',
  'search.kind.catalog': 'Catalogus',
  'search.kind.comment': 'Reactie',
} as const satisfies Record<string, string>;
