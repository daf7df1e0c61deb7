/**
 * Dutch messages of the traject lifecycle and of trajecten in the public catalog. Spread into
 * `nl.ts`; `enTrajects.ts` mirrors it.
 */
export const nlTrajects = {
  'traject.frozen': 'Dit traject is “{label}”: de leerarrangementen liggen vast.',
  'traject.fromTeam': 'van team {team}',
  'traject.availableCatalog': 'Goedgekeurde leerarrangementen van andere teams (uit de catalogus)',
  'traject.availableCatalogEmpty':
    'Er zijn geen goedgekeurde leerarrangementen van andere teams op deze versie.',
  'traject.versions': 'Versies',
  'traject.versionsHint': 'Bij elke statuswijziging wordt het traject vastgelegd.',
  'traject.versionsEmpty': 'Nog geen versies.',
  'traject.versionMeta': '{count, plural, one {# leerarrangement} other {# leerarrangementen}} · {time}',
  'traject.versionMetaOne': '1 leerarrangement · {time}',
  'traject.statusLoading': 'Status laden…',
  'traject.inCatalog': 'Bekijk in de catalogus',

  'catalog.designsHeading': 'Leerarrangementen',
  'catalog.trajectsHeading': 'Professionaliseringstrajecten',
  'catalog.trajectCount': '{count, plural, one {# traject} other {# trajecten}} gevonden',
  'catalog.trajectCountOne': '1 traject gevonden',
  'catalog.trajectNone': 'Geen goedgekeurde trajecten gevonden.',
  'catalog.trajectEyebrow': 'Professionaliseringstraject',
  'catalog.trajectSize': '{ects} ECTS · {hours} uur studielast',
  'catalog.trajectItemCount': 'Leerarrangementen',
  'catalog.trajectOutcomes': 'Gedekte leeruitkomsten',
  'catalog.trajectItems': 'Leerarrangementen in dit traject',
  'catalog.trajectNotFound': 'Dit traject staat niet in de catalogus.',
  'catalog.trajectAlternative': 'alternatief “{group}”',
  'catalog.trajectNotListed': 'staat niet meer in de catalogus',
} as const satisfies Record<string, string>;

export type TrajectMessageKey = keyof typeof nlTrajects;
