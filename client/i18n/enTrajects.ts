import type { TrajectMessageKey } from './nlTrajects';

/** English messages of the traject lifecycle and of trajecten in the public catalog. */
export const enTrajects: Record<TrajectMessageKey, string> = {
  'traject.frozen': 'This traject is “{label}”: its leerarrangementen are fixed.',
  'traject.fromTeam': 'from team {team}',
  'traject.availableCatalog': 'Approved leerarrangementen of other teams (from the catalogue)',
  'traject.availableCatalogEmpty': 'There are no approved leerarrangementen of other teams on this version.',
  'traject.versions': 'Versions',
  'traject.versionsHint': 'Every status change records the traject.',
  'traject.versionsEmpty': 'No versions yet.',
  'traject.versionMeta': '{count, plural, one {# leerarrangement} other {# leerarrangementen}} · {time}',
  'traject.versionMetaOne': '1 leerarrangement · {time}',
  'traject.statusLoading': 'Loading status…',
  'traject.inCatalog': 'View in the catalogue',

  'catalog.designsHeading': 'Leerarrangementen',
  'catalog.trajectsHeading': 'Professionaliseringstrajecten',
  'catalog.trajectCount': '{count, plural, one {# traject} other {# trajects}} found',
  'catalog.trajectCountOne': '1 traject found',
  'catalog.trajectNone': 'No approved trajects found.',
  'catalog.trajectEyebrow': 'Professionaliseringstraject',
  'catalog.trajectSize': '{ects} ECTS · {hours} hours of study',
  'catalog.trajectItemCount': 'Leerarrangementen',
  'catalog.trajectOutcomes': 'Learning outcomes covered',
  'catalog.trajectItems': 'Leerarrangementen in this traject',
  'catalog.trajectNotFound': 'This traject is not in the catalogue.',
  'catalog.trajectAlternative': 'alternative “{group}”',
  'catalog.trajectNotListed': 'no longer in the catalogue',
};
