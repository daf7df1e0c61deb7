/**
 * The interne toetsing as a form (001 §4.2, l.243–261): the team answers the seed's questions in
 * the design document; the decision itself (voldoet, opwerken, past niet) is a lifecycle move.
 */

/** The questions of 001 l.258–261, quoted; ids are the keys of the answers in the document. */
export const INTERNAL_REVIEW_QUESTIONS = [
  {
    id: 'vraagarticulatie',
    question:
      'Wat komt uit de regionale vraagarticulatie, waar is de meest behoefte aan en past dit binnen een ontwikkelpad?',
  },
  {
    id: 'bestaandAanbod',
    question: 'Welk aanbod dat hierbij past is er al in binnen de context van het Educatief Consortium?',
  },
  {
    id: 'opwerken',
    question:
      'Is er aanbod dat nog moet worden opgewerkt om het te laten passen binnen de kaders van het ontwikkelpad en of kwaliteitskader? Zo ja, gaat dat opwerken binnen of buiten het co-creatielab gebeuren?',
  },
  {
    id: 'direct',
    question:
      'Is er aanbod dat al aan zowel de ontwikkelpaden als aan de kwaliteitskaders voldoet, zodat het direct naar het kwaliteitsborgingsstelsel kan worden verstuurd?',
  },
] as const;

export type InternalReviewQuestionId = (typeof INTERNAL_REVIEW_QUESTIONS)[number]['id'];

/** The team's answer per question (empty string: not answered yet). */
export type InternalReviewAnswers = Record<InternalReviewQuestionId, string>;
