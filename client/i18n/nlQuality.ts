/**
 * Dutch messages of the feedback requirement (R13) and the interne toetsing: the reviewer's
 * perspective, existing offer, and the interne-toetsing questions of the design form (quoted from
 * the seed, 001 l.258–261). Spread into `nl.ts`; `enQuality.ts` mirrors it.
 */
export const nlQuality = {
  'quality.perspective.legend': 'Ik geef feedback als',
  'quality.perspective.hint':
    'Verplicht bij versturen. Voor de interne toetsing is feedback van leraren, scholen of lerarenopleiders nodig; feedback van andere co-creatieteams komt daar bovenop.',
  'quality.perspective.required':
    'Kies eerst als wie je feedback geeft: leraar, school, lerarenopleider, ander co-creatieteam of anders.',
  'quality.perspective.leraar': 'Leraar',
  'quality.perspective.school': 'School',
  'quality.perspective.lerarenopleider': 'Lerarenopleider',
  'quality.perspective.cocreatieteam': 'Ander co-creatieteam',
  'quality.perspective.anders': 'Anders',
  'quality.perspective.label': 'Perspectief',
  'quality.perspective.none': 'niet opgegeven',
  'quality.perspectives.heading': 'Ingediend per perspectief',
  'quality.perspectives.none': 'Nog niemand heeft feedback met een perspectief verstuurd.',
  'quality.origin.legend': 'Soort aanbod',
  'quality.origin.nieuw': 'Nieuw ontwerp — begint als globaal ontwerp',
  'quality.origin.bestaand': 'Bestaand aanbod — meteen naar interne toetsing',
  'quality.origin.existing': 'Bestaand aanbod',
  'quality.internalReview.heading': 'Interne toetsing',
  'quality.internalReview.hint':
    'Beantwoord de vragen van de interne toetsing. Het besluit — voldoet, opwerken of past niet — neemt de eigenaar daarna als statusstap.',
  'quality.internalReview.q.vraagarticulatie':
    'Wat komt uit de regionale vraagarticulatie, waar is de meest behoefte aan en past dit binnen een ontwikkelpad?',
  'quality.internalReview.q.bestaandAanbod':
    'Welk aanbod dat hierbij past is er al in binnen de context van het Educatief Consortium?',
  'quality.internalReview.q.opwerken':
    'Is er aanbod dat nog moet worden opgewerkt om het te laten passen binnen de kaders van het ontwikkelpad en of kwaliteitskader? Zo ja, gaat dat opwerken binnen of buiten het co-creatielab gebeuren?',
  'quality.internalReview.q.direct':
    'Is er aanbod dat al aan zowel de ontwikkelpaden als aan de kwaliteitskaders voldoet, zodat het direct naar het kwaliteitsborgingsstelsel kan worden verstuurd?',
} as const satisfies Record<string, string>;

/** Message keys of the feedback requirement and interne toetsing. */
export type QualityMessageKey = keyof typeof nlQuality;
