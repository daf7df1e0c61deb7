/**
 * Dutch messages of the server's error codes (`{ error: { code, message } }`), one per code. The
 * Dutch UI shows the server's own message, which names the thing at hand; these stand in when a
 * response has none. `enErrors.ts` mirrors it; tests/client/i18n/serverErrors.test.ts checks that
 * every code the server sends is here.
 */
export const nlErrors = {
  'serverError.unauthenticated': 'Log eerst in.',
  'serverError.unauthorized': 'Geen of een ongeldig token.',
  'serverError.forbidden': 'Je hebt hiervoor geen toegang.',
  'serverError.forbidden_origin': 'Dit verzoek komt niet van Werkplaats zelf en is geweigerd.',
  'serverError.misdirected_request': 'Dit adres hoort niet bij deze Werkplaats.',
  'serverError.not_found': 'Niet gevonden. Het is misschien verwijderd, of de link klopt niet.',
  'serverError.upgrade_required': 'Open dit adres met een WebSocket.',
  'serverError.invalid_body': 'Niet alle invoer is geldig. Controleer de velden en probeer het opnieuw.',
  'serverError.invalid_query': 'Dit adres heeft ongeldige parameters.',
  'serverError.body_too_large': 'Het verzoek is te groot.',
  'serverError.http_error': 'Verzoek mislukt.',
  'serverError.internal': 'Er ging iets mis op de server. Probeer het opnieuw.',
  'serverError.busy': 'Het is nu te druk, probeer het zo opnieuw.',
  'serverError.job_timeout': 'Dit duurde te lang en is gestopt. Probeer het zo opnieuw.',
  'serverError.rate_limited': 'Te veel pogingen achter elkaar. Wacht even en probeer het dan opnieuw.',
  'serverError.too_many_connections':
    'Te veel verbindingen tegelijk. Sluit een paar tabbladen en probeer het opnieuw.',
  'serverError.invalid_credentials': 'E-mailadres of wachtwoord klopt niet.',
  'serverError.wrong_password': 'Je wachtwoord klopt niet.',
  'serverError.account_disabled':
    'Dit account is uitgeschakeld. Neem contact op met de beheerder van deze Werkplaats.',
  'serverError.email_taken':
    'Er bestaat al een account met dit e-mailadres. Log in of herstel je wachtwoord.',
  'serverError.signup_closed':
    'Aanmelden is hier niet open. Heb je een uitnodigingslink? Open die dan eerst.',
  'serverError.reset_link_gone':
    'Deze herstellink is verlopen of al gebruikt. Vraag een nieuwe aan via "Wachtwoord vergeten?" of bij de beheerder.',
  'serverError.unsubscribe_link_unknown': 'Deze afmeldlink klopt niet.',
  'serverError.last_owner': 'Je bent de enige eigenaar van een team. Maak eerst iemand anders eigenaar.',
  'serverError.user_not_found':
    'Er is geen account met dit e-mailadres. Stuur een uitnodigingslink; daarmee kan iemand zich aanmelden.',
  'serverError.invite_unusable': 'Deze uitnodiging is verlopen, ingetrokken of al gebruikt.',
  'serverError.read_only': 'Dit kan nu niet worden gewijzigd: het ligt vast.',
  'serverError.deleted': 'Dit bericht is verwijderd.',
  'serverError.invalid_anchor': 'De reactie wijst niet naar bestaande tekst in dit document.',
  'serverError.invalid_format': 'Kies md, html, print, json of docx als formaat.',
  'serverError.invalid_template': 'Publiceren kan nog niet: los eerst de punten in de controle op.',
  'serverError.invalid_version': 'Dit versienummer kan niet. Een versienummer ziet eruit als 1.0 of 2.3.',
  'serverError.no_changes': 'Er is niets veranderd sinds de vorige versie.',
  'serverError.version_published':
    'Intussen is er een andere versie van dit ontwikkelpad gepubliceerd. Bekijk de wijzigingen en publiceer opnieuw.',
  'serverError.other_template': 'Een leerarrangement kan alleen naar een versie van hetzelfde ontwikkelpad.',
  'serverError.not_newer': 'Die versie is niet nieuwer dan de huidige.',
  'serverError.pin_changed':
    'Dit leerarrangement is intussen naar een andere versie van het ontwikkelpad gezet. Laad de pagina opnieuw.',
  'serverError.other_version':
    'Dit leerarrangement hoort bij een andere versie van het ontwikkelpad dan het traject.',
  'serverError.duplicate_item': 'Een leerarrangement staat maar één keer in een traject.',
  'serverError.transition_refused': 'Deze statuswijziging kan nu niet.',
  'serverError.status_changed':
    'De status is intussen gewijzigd. Bekijk de nieuwe status en probeer het opnieuw.',
  'serverError.version_rate_limited':
    'Van dit document zijn net al veel versies opgeslagen. Wacht een minuut en probeer het dan opnieuw.',
  'serverError.version_count_quota':
    'Dit document heeft het maximum aantal versies. Maak een kopie van het document om verder versies op te slaan.',
  'serverError.version_bytes_quota':
    'De versies van dit document nemen alle ruimte in die een document mag gebruiken. Maak een kopie om verder versies op te slaan.',
  'serverError.team_storage_quota':
    'De opslag van dit team is vol. Verwijder documenten die het team niet meer nodig heeft, of vraag om meer ruimte.',
  'serverError.unknown_team': 'Dit team bestaat niet.',
  'serverError.own_team': 'Je eigen team geeft geen feedback als reviewer; nodig een ander team uit.',
  'serverError.unknown_version': 'Deze versie hoort niet bij dit document.',
  'serverError.unknown_criterion': 'Een antwoord hoort bij een onbekend criterium.',
  'serverError.perspective_required':
    'Kies je perspectief (leraar, school, lerarenopleider, ander co-creatieteam of anders) voordat je je feedback verstuurt.',
  'serverError.unknown_item': 'Dit onderdeel hoort niet bij deze ronde.',
  'serverError.untriaged':
    'Nog niet elk onderdeel heeft een besluit: geef bij elke reactie en elk antwoord aan wat ermee gebeurt.',
  'serverError.round_open': 'Sluit de ronde eerst.',
  'serverError.round_closed': 'Deze feedbackronde is gesloten.',
  'serverError.round_not_open': 'Deze feedbackronde is al gesloten.',
  'serverError.round_completed': 'Deze ronde is afgerond.',
  'serverError.link_closed': 'Deze feedbackronde is al gesloten.',
  'serverError.link_revoked': 'Deze feedbacklink is ingetrokken.',
  'serverError.link_expired': 'Deze feedbacklink is verlopen.',
  'serverError.already_established': 'Deze versie van het ontwikkelpad is al vastgesteld.',
  'serverError.no_license': 'Alleen een co-creatieteam kiest een licentie voor wat het publiceert.',
  'serverError.no_agreement_needed':
    'Alleen voor een leerarrangement van een andere aanbieder is een afspraak nodig.',
} as const satisfies Record<string, string>;

/** Message keys of server error codes. */
export type ErrorMessageKey = keyof typeof nlErrors;
