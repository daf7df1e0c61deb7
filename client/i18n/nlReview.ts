import { EXAMPLE_FRAME_NOTICE_NL, STATUS_NOTE_PARKED_NL } from '../../shared/domain/review';

/**
 * Dutch messages of the externe toetsing: the toetsingscommissie, its queue, quality frame and
 * judgements, and the lifecycle's consequential moves. Spread into `nl.ts`; `enReview.ts` mirrors it.
 */
export const nlReview = {
  'teamKind.toetsingscommissie': 'toetsingscommissie',
  'lifecycle.status.geparkeerd': 'Geparkeerd (past niet binnen de kaders)',
  'lifecycle.reason.submit_no_closed_round':
    'Aanmelden voor externe toetsing kan nog niet: nog geen feedbackronde die aan R13 voldoet.',
  'lifecycle.parkedHint': STATUS_NOTE_PARKED_NL,
  'lifecycle.byReviewTeam': 'Beslissing van de toetsingscommissie waarbij het ontwerp is aangemeld.',
  'lifecycle.move.submit': 'Aanmelden voor externe toetsing',
  'lifecycle.move.withdraw': 'Terugtrekken',
  'lifecycle.move.park': 'Parkeren — past niet binnen de kaders',
  'lifecycle.move.reopen': 'Heropenen',
  'lifecycle.confirm.submit':
    'Aanmelden bij de toetsingscommissie? Het ontwerp ligt dan vast tot de commissie beslist of jullie het terugtrekken.',
  'lifecycle.confirm.withdraw':
    'Terugtrekken uit de externe toetsing? Het ontwerp verlaat de wachtrij van de toetsingscommissie en gaat terug naar interne toetsing.',
  'lifecycle.confirm.park': 'Parkeren? Het ontwerp wordt alleen-lezen tot een eigenaar het heropent.',
  'lifecycle.confirm.yes': 'Ja, doorgaan',
  'lifecycle.reviewTeam': 'Toetsingscommissie',
  'lifecycle.consortiumNote': 'Toelichting namens het Educatief Consortium',
  'review.committeesLoading': 'Toetsingscommissies laden…',
  'review.noCommittee': 'Er is nog geen toetsingscommissie. Vraag een beheerder er een aan te maken.',
  'review.queueHeading': 'Wachtrij externe toetsing',
  'review.queueEmpty': 'Er zijn geen aangemelde ontwerpen.',
  'review.queueItem': '{title} — {team}',
  'review.state.open': 'Wacht op beoordeling',
  'review.state.goedgekeurd': 'Goedgekeurd',
  'review.state.afgekeurd': 'Afgekeurd',
  'review.state.ingetrokken': 'Teruggetrokken',
  'review.submittedAt': 'Aangemeld op {date}',
  'review.frameHeading': 'Kwaliteitskader',
  'review.frameExample': EXAMPLE_FRAME_NOTICE_NL,
  'review.frameEdit': 'Kwaliteitskader bewerken',
  'review.frameSave': 'Kwaliteitskader opslaan',
  'review.frameSaved': 'Het kwaliteitskader is opgeslagen. Nieuwe aanmeldingen worden ermee beoordeeld.',
  'review.frameAdd': 'Criterium toevoegen',
  'review.frameRemove': 'Verwijderen',
  'review.criterionTitle': 'Criterium {number}',
  'review.criterionDescription': 'Omschrijving van criterium {number}',
  'review.heading': 'Externe toetsing: {title}',
  'review.loading': 'Aanmelding laden…',
  'review.fromTeam': 'Van team {team}, aangemeld op {date}',
  'review.submittedVersion': 'De aangemelde versie',
  'review.submittedVersionHint':
    'Je beoordeelt precies wat is aangemeld; latere wijzigingen tellen niet mee.',
  'review.openVersion': 'Aangemelde versie lezen',
  'review.judgementHeading': 'Beoordeling per criterium',
  'review.verdict.voldoet': 'Voldoet',
  'review.verdict.voldoet-niet': 'Voldoet niet',
  'review.verdict.nvt': 'N.v.t.',
  'review.verdictLegend': 'Oordeel over “{criterion}”',
  'review.note': 'Toelichting bij “{criterion}”',
  'review.saveJudgements': 'Beoordeling opslaan',
  'review.judgementsSaved': 'De beoordeling is opgeslagen.',
  'review.decisionHeading': 'Besluit',
  'review.report': 'Rapport (verplicht bij afkeuren)',
  'review.approve': 'Goedkeuren en publiceren',
  'review.reject': 'Afkeuren',
  'review.confirmApprove':
    'Goedkeuren? Het ontwerp wordt gepubliceerd in de openbare catalogus; dat is niet terug te draaien.',
  'review.confirmReject':
    'Afkeuren? Het team krijgt het rapport en kan het ontwerp opwerken en opnieuw aanmelden.',
  'review.reportMissing': 'Schrijf een rapport: afkeuren kan alleen met toelichting.',
  'review.decided': 'Besloten: {state}.',
  'review.conflicted':
    'Je bent lid van het team dat dit ontwerp maakte; je kunt het lezen maar niet beoordelen.',
  'review.readOnlyRole': 'Alleen eigenaren en bewerkers van de commissie beoordelen.',
  'review.designReportHeading': 'Rapport van de externe toetsing',
  'review.designReportFrom': '{team}, {state} op {date}',
  'review.addressed': 'Verwerkt',
  'review.addressedHint':
    'Vink af wat jullie hebben opgewerkt; bij opnieuw aanmelden toetst de commissie opnieuw.',
  'serverError.admin_only': 'Alleen een beheerder maakt een toetsingscommissie aan.',
  'serverError.no_review_team': 'Er is nog geen toetsingscommissie. Vraag een beheerder er een aan te maken.',
  'serverError.review_team_required':
    'Er zijn meerdere toetsingscommissies: kies bij welke je het ontwerp aanmeldt.',
  'serverError.review_team_unknown': 'Deze toetsingscommissie bestaat niet.',
  'serverError.review_team_only':
    'Alleen de toetsingscommissie waarbij het ontwerp is aangemeld, beslist over goedkeuren of afkeuren.',
  'serverError.reviewer_conflict':
    'Je bent lid van het team dat dit ontwerp maakte en beoordeelt het daarom niet.',
  'serverError.review_closed': 'Over dit ontwerp is al besloten; de beoordeling ligt vast.',
  'serverError.criteria_unjudged': 'Beoordeel eerst elk criterium van het kwaliteitskader.',
  'serverError.approval_with_failures': 'Goedkeuren kan niet zolang een criterium "voldoet niet" heeft.',
  'serverError.duplicate_criterion': 'Twee criteria hebben hetzelfde id.',
  'review.noJudgement': 'Niet beoordeeld',
} as const satisfies Record<string, string>;

/** Message keys of the externe toetsing (`enReview` in enReview.ts has exactly these). */
export type ReviewMessageKey = keyof typeof nlReview;
