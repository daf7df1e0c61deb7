import { ROLE_LABELS_NL, TEAM_KIND_LABELS_NL } from '../../shared/domain/roles';
import { combineCatalogs } from './catalogs';
import { nlErrors } from './nlErrors';
import { nlComments } from './nlComments';
import { nlDesigns } from './nlDesigns';
import { nlTemplates } from './nlTemplates';
import { nlRounds } from './nlRounds';
import { nlAuth } from './nlAuth';
import { nlMail } from './nlMail';
import { nlTrajects } from './nlTrajects';
import { nlVersions } from './nlVersions';
import { nlSearch } from './nlSearch';
import { nlMargin } from './nlMargin';
import { nlOutline } from './nlOutline';
import { nlWelcome } from './nlWelcome';
import { nlExample } from './nlExample';
import { nlQuality } from './nlQuality';
import { nlFrames } from './nlFrames';
import { nlCertificates } from './nlCertificates';
import { nlReview } from './nlReview';

/**
 * Dutch messages of the app shell. Dutch is the default language and the reference for every
 * other: `en.ts` must have exactly the keys of `nl`. `{name}` placeholders are filled in by `t()`.
 * Role and team-kind names come from shared/domain/roles.ts, the words the server uses too.
 */
export const nlApp = {
  'app.name': 'Werkplaats',
  'app.skipToContent': 'Naar inhoud',
  'app.homeLink': 'Werkplaats — naar Mijn teams',
  'app.loading': 'Laden…',

  'language.groupLabel': 'Taal',
  'language.nl': 'NL — Nederlands',
  'language.en': 'EN — English',

  'common.retry': 'Opnieuw proberen',
  'common.save': 'Opslaan',
  'common.cancel': 'Annuleren',
  'common.creating': 'Bezig met aanmaken…',
  'common.optional': 'Optioneel',
  'common.breadcrumb': 'Kruimelpad',
  'common.toMyTeams': 'Naar Mijn teams',

  'header.userMenu': 'Account',
  'header.signedInAs': 'Ingelogd als',
  'header.myTeams': 'Mijn teams',
  'header.account': 'Mijn account',
  'header.logout': 'Uitloggen',
  'header.login': 'Inloggen',
  'header.signup': 'Aanmelden',

  'role.owner': ROLE_LABELS_NL.owner,
  'role.editor': ROLE_LABELS_NL.editor,
  'role.commenter': ROLE_LABELS_NL.commenter,
  'role.viewer': ROLE_LABELS_NL.viewer,
  'teamKind.atelier': TEAM_KIND_LABELS_NL.atelier,
  'teamKind.cocreatieteam': TEAM_KIND_LABELS_NL.cocreatieteam,

  'error.title': 'Er ging iets mis',
  'error.body':
    'Deze pagina kon niet worden getoond. Laad de pagina opnieuw; je wijzigingen zijn lokaal bewaard.',
  'error.reload': 'Pagina opnieuw laden',
  'error.network': 'Geen verbinding met de server. Controleer je internetverbinding en probeer het opnieuw.',
  'error.unknown': 'Er ging iets mis ({status}). Probeer het opnieuw.',

  'signup.pageTitle': 'Aanmelden',
  'signup.heading': 'Account aanmaken',
  'signup.intro': 'Met een account werk je samen met je team aan leerarrangementen en ontwikkelpaden.',
  'signup.name': 'Naam',
  'signup.email': 'E-mailadres',
  'signup.password': 'Wachtwoord',
  'signup.passwordRule': 'Minstens {min} tekens. Een zin van een paar woorden is sterk en goed te onthouden.',
  'signup.submit': 'Account aanmaken',
  'signup.submitting': 'Bezig met aanmaken…',
  'signup.haveAccount': 'Heb je al een account?',
  'signup.toLogin': 'Inloggen',

  'login.pageTitle': 'Inloggen',
  'login.heading': 'Inloggen',
  'login.needed': 'Log in om verder te gaan.',
  'login.accountDeleted': 'Je account is verwijderd.',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.passwordMissing': 'Vul je wachtwoord in',
  'login.submit': 'Inloggen',
  'login.submitting': 'Bezig met inloggen…',
  'login.noAccount': 'Nog geen account?',
  'login.toSignup': 'Account aanmaken',

  'home.pageTitle': 'Mijn teams',
  'home.heading': 'Mijn teams',
  'home.teamsHeading': 'Teams waar je lid van bent',
  'home.loading': 'Teams laden…',
  'home.empty':
    'Je bent nog geen lid van een team. Maak hieronder een team aan, of vraag een eigenaar om een uitnodigingslink.',
  'home.recentHeading': 'Recente documenten',
  'home.documentsLoading': 'Documenten laden…',
  'home.noDocuments': 'Er zijn nog geen documenten in je teams.',

  'team.kind': 'Soort',
  'team.lab': 'Co-creatielab',
  'team.consortium': 'Educatief Consortium',
  'team.myRole': 'Jouw rol',
  'team.storage': 'Opslag: {used} van {quota}',
  'team.loading': 'Team laden…',
  'team.notFound': 'Team niet gevonden',
  'team.noAccess': 'Geen toegang tot dit team',

  'newTeam.heading': 'Nieuw team',
  'newTeam.name': 'Naam van het team',
  'newTeam.kind': 'Soort team',
  'newTeam.kindHint':
    'Een atelier schrijft ontwikkelpaden; een co-creatieteam ontwerpt leerarrangementen in een co-creatielab.',
  'newTeam.lab': 'Co-creatielab',
  'newTeam.consortium': 'Educatief Consortium',
  'newTeam.submit': 'Team aanmaken',

  'teamEdit.open': 'Teamgegevens wijzigen',
  'teamEdit.heading': 'Teamgegevens wijzigen',
  'teamEdit.saved': 'Teamgegevens opgeslagen.',

  'teamDocs.heading': 'Documenten',
  'teamDocs.empty': 'Dit team heeft nog geen documenten.',
  'teamDocs.emptyCanCreate': 'Dit team heeft nog geen documenten. Maak hieronder het eerste aan.',

  'document.untitled': 'Naamloos document',
  'document.updatedAt': 'Laatst gewijzigd',

  'newDocument.heading': 'Nieuw document',
  'newDocument.titleLabel': 'Titel',
  'newDocument.titleHint': 'Optioneel — je kunt de titel later nog wijzigen.',
  'newDocument.submit': 'Nieuw document aanmaken',

  'members.heading': 'Leden',
  'members.loading': 'Leden laden…',
  'members.you': '{name} (jij)',
  'members.roleOf': 'Rol van {name}',
  'members.saveRole': 'Rol opslaan',
  'members.forName': 'voor {name}',
  'members.remove': 'Uit team verwijderen',
  'members.confirmRemoveLabel': '{name} verwijderen',
  'members.confirmRemove': 'Weet je zeker dat je {name} uit het team wilt verwijderen?',
  'members.confirmRemoveYes': 'Ja, verwijderen',
  'members.roleChanged': 'De rol van {name} is nu {role}.',
  'members.removed': '{name} is uit het team verwijderd.',
  'members.added': '{email} is toegevoegd als {role}.',

  'addMember.heading': 'Lid toevoegen',
  'addMember.hint': 'Voor iemand die al een account heeft. Anders: maak hieronder een uitnodigingslink.',
  'addMember.email': 'E-mailadres',
  'addMember.role': 'Rol',
  'addMember.submit': 'Lid toevoegen',

  'invites.heading': 'Uitnodigen via link',
  'invites.hint':
    'Een uitnodigingslink is één keer te gebruiken. Wie hem opent, kan een account aanmaken en wordt lid met de gekozen rol.',
  'invites.role': 'Rol voor wie de link gebruikt',
  'invites.days': 'Geldig (dagen)',
  'invites.daysRule': 'Kies 1 tot 30 dagen',
  'invites.submit': 'Uitnodigingslink maken',
  'invites.created':
    'Uitnodigingslink gemaakt (rol: {role}). Kopieer hem nu: de link wordt maar één keer getoond.',
  'invites.link': 'Uitnodigingslink',
  'invites.listHeading': 'Uitnodigingen',
  'invites.createdAt': 'Gemaakt',
  'invites.expiresAt': 'geldig tot',
  'invites.expiredAt': 'verlopen op',
  'invites.status.open': 'open',
  'invites.status.used': 'gebruikt',
  'invites.status.revoked': 'ingetrokken',
  'invites.status.expired': 'verlopen',
  'invites.revoke': 'Intrekken',
  'invites.revokeWhich': '(uitnodiging als {role}, gemaakt {date})',
  'invites.revoked': 'De uitnodiging is ingetrokken.',

  'copy.button': 'Link kopiëren',
  'copy.done': 'Gekopieerd.',
  'copy.manual':
    'Kopiëren lukte niet automatisch. De link is geselecteerd: kopieer hem met Ctrl+C (Cmd+C op een Mac).',

  'reviewRequests.heading': 'Verzoeken om feedback',
  'reviewRequests.hint':
    'Andere teams vragen jullie team om feedback. De leden horen er pas van na jullie akkoord.',
  'reviewRequests.none': 'Geen openstaande verzoeken.',
  'reviewRequests.item': '{requester} ({team}) vraagt feedback op "{document}" ({round}), tot {deadline}.',
  'reviewRequests.accept': 'Accepteren',
  'reviewRequests.decline': 'Weigeren',
  'reviewRequests.declineQuestion':
    'Het verzoek om feedback op "{document}" weigeren? De vrager krijgt bericht.',
  'reviewRequests.declineYes': 'Ja, weigeren',
  'reviewRequests.accepted': 'Geaccepteerd: de leden zijn uitgenodigd voor "{document}".',
  'reviewRequests.declined': 'Het verzoek voor "{document}" is geweigerd.',
  'leave.heading': 'Team verlaten',
  'leave.button': 'Team verlaten',
  'leave.confirm': 'Weet je zeker dat je dit team wilt verlaten? Je verliest de toegang tot de documenten.',
  'leave.confirmYes': 'Ja, team verlaten',

  'audit.heading': 'Logboek',
  'audit.loading': 'Logboek laden…',
  'audit.empty': 'Nog niets vastgelegd.',
  'audit.someone': 'iemand',
  'audit.formerMember': 'een oud-lid',
  'audit.unknown': '{actor}: {action}',
  'audit.auth.signup': '{actor} heeft een account aangemaakt',
  'audit.auth.login': '{actor} is ingelogd',
  'audit.auth.login_failed': 'Mislukte inlogpoging voor het account van {actor}',
  'audit.auth.logout': '{actor} is uitgelogd',
  'audit.auth.password_changed': '{actor} heeft het wachtwoord gewijzigd',
  'audit.account.exported': '{actor} heeft de eigen gegevens gedownload',
  'audit.account.deleted': '{actor} heeft het account verwijderd',
  'audit.team.created': '{actor} heeft het team aangemaakt',
  'audit.team.updated': '{actor} heeft de teamgegevens gewijzigd',
  'audit.member.added': '{actor} heeft {subject} toegevoegd als {role}',
  'audit.member.role_changed': '{actor} heeft de rol van {subject} gewijzigd van {previousRole} in {role}',
  'audit.member.removed': '{actor} heeft {subject} uit het team verwijderd',
  'audit.member.left': '{actor} heeft het team verlaten',
  'audit.round.link_revoked':
    '{actor} heeft een feedbacklink ingetrokken; wie via die link meedeed, is geen reviewer meer',
  'audit.round.reviewer_removed': '{actor} heeft een reviewer uit een feedbackronde verwijderd',
  'audit.round.request_accepted': '{actor} heeft een verzoek om feedback van een ander team aangenomen',
  'audit.round.request_declined': '{actor} heeft een verzoek om feedback van een ander team geweigerd',
  'audit.invite.created': '{actor} heeft een uitnodigingslink gemaakt als {role}, {days} dagen geldig',
  'audit.invite.revoked': '{actor} heeft een uitnodigingslink ingetrokken',
  'audit.invite.accepted': '{actor} heeft een uitnodiging aangenomen en is lid als {role}',
  'audit.document.created': '{actor} heeft het document „{title}” aangemaakt',

  'invite.pageTitle': 'Uitnodiging',
  'invite.loading': 'Uitnodiging laden…',
  'invite.unavailableHeading': 'Uitnodiging niet beschikbaar',
  'invite.heading': 'Uitnodiging voor {team}',
  'invite.team': 'Team',
  'invite.role': 'Je rol',
  'invite.expires': 'Geldig tot',
  'invite.unusable': 'Deze uitnodiging kan niet meer worden gebruikt.',
  'invite.signedInAs': 'Je bent ingelogd als {name}.',
  'invite.accept': 'Uitnodiging aannemen',
  'invite.needAccount':
    'Om de uitnodiging aan te nemen heb je een account nodig. Daarna kom je weer op deze pagina terug.',
  'invite.signup': 'Account aanmaken',
  'invite.login': 'Inloggen',

  'account.pageTitle': 'Mijn account',
  'account.heading': 'Mijn account',
  'account.signedInAs': 'Je bent ingelogd met {email}.',
  'account.nameHeading': 'Naam wijzigen',
  'account.name': 'Naam',
  'account.nameHint': 'Zo zien anderen je in documenten, ledenlijsten en het logboek.',
  'account.saveName': 'Naam opslaan',
  'account.nameSaved': 'Je naam is opgeslagen.',
  'account.passwordHeading': 'Wachtwoord wijzigen',
  'account.currentPassword': 'Huidig wachtwoord',
  'account.currentPasswordMissing': 'Vul je huidige wachtwoord in',
  'account.newPassword': 'Nieuw wachtwoord',
  'account.changePassword': 'Wachtwoord wijzigen',
  'account.passwordChanged':
    'Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd: op andere apparaten en browsers moet je opnieuw inloggen.',
  'account.exportHeading': 'Mijn gegevens downloaden',
  'account.exportBody':
    'Download alles wat Werkplaats over jou bewaart (account, teams, sessies, activiteit) als JSON-bestand.',
  'account.exportLink': 'Mijn gegevens downloaden (JSON)',
  'account.deleteHeading': 'Account verwijderen',
  'account.deleteBody':
    'Je naam en e-mailadres worden verwijderd. Wat je in documenten hebt geschreven blijft staan, als van „verwijderde gebruiker”. Teams waarvan je het enige lid bent, worden ook verwijderd.',
  'account.deleteOpen': 'Account verwijderen…',
  'account.deleteConfirm': 'Dit kan niet ongedaan worden gemaakt. Bevestig met je wachtwoord.',
  'account.deletePassword': 'Wachtwoord',
  'account.deletePasswordMissing': 'Vul je wachtwoord in om te bevestigen',
  'account.deleteSubmit': 'Account definitief verwijderen',

  'notFound.pageTitle': 'Niet gevonden',
  'notFound.heading': 'Document niet gevonden',
  'notFound.body': 'Dit document bestaat niet (meer), of de link is niet helemaal goed overgenomen.',
  'notFound.pageHeading': 'Pagina niet gevonden',
  'notFound.pageBody': 'Op dit adres staat geen pagina.',

  'editor.team': 'Team',
  'editor.titleLabel': 'Titel',
  'editor.loading': 'Document laden…',
  'editor.noSections': 'Dit document heeft nog geen secties.',
  'editor.tooDeep':
    'Deze tekst is te diep genest om te tonen ({depth} niveaus, het maximum is {max}). Zet onder Versies een eerdere versie terug.',
  'editor.presenceLabel': 'Nu in dit document',
  'editor.presenceYou': '{name} (jij)',
  'editor.anonymous': 'Anoniem',
  'editor.readOnlyBanner': 'Je bekijkt dit document als {role} — je kunt niet bewerken.',
  'editor.sessionEnded':
    'Je sessie is beëindigd (uitgelogd, wachtwoord gewijzigd of verlopen). Log opnieuw in om verder te werken.',
  'editor.loginAgain': 'Opnieuw inloggen',
  'editor.accessWithdrawn':
    'Je hebt geen toegang meer tot dit document: je bent uit het team verwijderd of je rol is gewijzigd.',
  'editor.documentTooLarge':
    'Dit document is te groot: je laatste wijziging is niet opgeslagen. Herlaad de pagina en verwijder inhoud of verdeel de tekst over meer documenten.',
  'editor.reload': 'Pagina herladen',
  'editor.noAccessHeading': 'Geen toegang tot dit document',
  'editor.noAccessBody':
    'Dit document hoort bij een team waar je geen lid van bent. Vraag een eigenaar van het team om een uitnodigingslink.',

  'status.connecting': 'Verbinden…',
  'status.saved': 'Opgeslagen',
  'status.saving': 'Bezig met opslaan…',
  'status.offline': 'Offline — je wijzigingen blijven bewaard',
  'status.offlineReadOnly': 'Offline',
  'status.readOnly': 'Alleen lezen — live bijgewerkt',
  'status.sessionEnded': 'Sessie beëindigd',
  'status.accessWithdrawn': 'Geen toegang meer',
  'status.documentTooLarge': 'Document te groot',

  'toolbar.label': 'Opmaak voor {section}',
  'toolbar.bold': 'Vet',
  'toolbar.italic': 'Cursief',
  'toolbar.heading': 'Tussenkop H{level}',
  'toolbar.bulletList': 'Opsomming',
  'toolbar.orderedList': 'Genummerde lijst',
  'toolbar.undo': 'Ongedaan maken',
  'toolbar.redo': 'Opnieuw uitvoeren',
  'toolbar.link': 'Link (Ctrl+K)',
  'link.form': 'Link',
  'link.address': 'Adres van de link',
  'link.hint': 'Een webadres (www.…) of een e-mailadres.',
  'link.invalid': 'Dit is geen webadres of e-mailadres. Bijvoorbeeld: www.slo.nl of naam@school.nl.',
  'link.apply': 'Link toepassen',
  'link.remove': 'Link weghalen',
  'link.cancel': 'Annuleren',
} as const satisfies Record<string, string>;

/** Message keys of the app shell (`enApp` in en.ts has exactly these). */
export type AppMessageKey = keyof typeof nlApp;

/** Every Dutch message: the app shell and each feature's file, no key in two files. */
export const nl = combineCatalogs(
  nlApp,
  nlTemplates,
  nlDesigns,
  nlVersions,
  nlReview,
  nlComments,
  nlRounds,
  nlTrajects,
  nlFrames,
  nlAuth,
  nlMail,
  nlErrors,
  nlSearch,
  nlWelcome,
  nlExample,
  nlQuality,
  nlCertificates,
  nlMargin,
  nlOutline,
);

/** Every message key. */
export type MessageKey = keyof typeof nl;

/** A complete set of messages for one language. */
export type Messages = Record<MessageKey, string>;
