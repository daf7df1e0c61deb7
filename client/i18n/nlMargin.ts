/**
 * Dutch messages of comments beside the text: the floating "Reageer" button on a selection and
 * the threads in the margin. `enMargin.ts` mirrors it.
 */
export const nlMargin = {
  'margin.commentOnSelection': 'Reageer',
  'margin.commentOnSelectionLabel': 'Reageer op de geselecteerde tekst',
  'margin.heading': 'Reacties in de kantlijn',
  'margin.allComments': 'Alle reacties',
  'margin.notShown':
    '{count, plural, one {# reactie staat} other {# reacties staan}} alleen in het overzicht van alle reacties.',
} as const satisfies Record<string, string>;
