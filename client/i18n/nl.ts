/**
 * Dutch messages — the default language and the reference for every other language: `en.ts` must
 * have exactly these keys. `{name}` placeholders are filled in by `t()`.
 */
export const nl = {
  'app.name': 'Werkplaats',
  'app.skipToContent': 'Naar inhoud',
  'app.homeLink': 'Werkplaats — naar de startpagina',
  'app.loading': 'Laden…',

  'language.groupLabel': 'Taal',
  'language.nl': 'NL — Nederlands',
  'language.en': 'EN — English',

  'identity.nameLabel': 'Je naam',

  'error.title': 'Er ging iets mis',
  'error.body':
    'Deze pagina kon niet worden getoond. Laad de pagina opnieuw; je wijzigingen zijn lokaal bewaard.',
  'error.reload': 'Pagina opnieuw laden',
  'error.network': 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
  'error.unknown': 'Er ging iets mis ({status}). Probeer het opnieuw.',

  'list.pageTitle': 'Documenten',
  'list.heading': 'Documenten',
  'list.loading': 'Documenten laden…',
  'list.empty': 'Er zijn nog geen documenten. Maak hierboven je eerste document aan.',
  'list.allHeading': 'Alle documenten',
  'list.untitled': 'Naamloos document',
  'list.updatedAt': 'Laatst gewijzigd',
  'list.retry': 'Opnieuw proberen',
  'list.newHeading': 'Nieuw document',
  'list.titleLabel': 'Titel',
  'list.titleHint': 'Optioneel — je kunt de titel later nog wijzigen.',
  'list.create': 'Nieuw document aanmaken',
  'list.creating': 'Bezig met aanmaken…',

  'notFound.pageTitle': 'Niet gevonden',
  'notFound.heading': 'Document niet gevonden',
  'notFound.body': 'Dit document bestaat niet (meer), of de link is niet helemaal goed overgenomen.',
  'notFound.pageHeading': 'Pagina niet gevonden',
  'notFound.pageBody': 'Op dit adres staat geen pagina.',
  'notFound.back': 'Naar alle documenten',

  'editor.back': 'Alle documenten',
  'editor.titleLabel': 'Titel',
  'editor.loading': 'Document laden…',
  'editor.noSections': 'Dit document heeft nog geen secties.',
  'editor.presenceLabel': 'Nu in dit document',
  'editor.presenceYou': '{name} (jij)',
  'editor.anonymous': 'Anoniem',

  'status.saved': 'Opgeslagen',
  'status.saving': 'Bezig met opslaan…',
  'status.offline': 'Offline — je wijzigingen blijven bewaard',

  'toolbar.label': 'Opmaak voor {section}',
  'toolbar.bold': 'Vet',
  'toolbar.italic': 'Cursief',
  'toolbar.heading': 'Tussenkop H3',
  'toolbar.bulletList': 'Opsomming',
  'toolbar.orderedList': 'Genummerde lijst',
  'toolbar.undo': 'Ongedaan maken',
  'toolbar.redo': 'Opnieuw uitvoeren',
} as const satisfies Record<string, string>;

/** Every message key. */
export type MessageKey = keyof typeof nl;

/** A complete set of messages for one language. */
export type Messages = Record<MessageKey, string>;
