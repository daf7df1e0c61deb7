import type { nlMargin } from './nlMargin';

/** English messages of comments beside the text; the keys of `nlMargin`. */
export const enMargin: Record<keyof typeof nlMargin, string> = {
  'margin.commentOnSelection': 'Comment',
  'margin.commentOnSelectionLabel': 'Comment on the selected text',
  'margin.heading': 'Comments in the margin',
  'margin.allComments': 'All comments',
  'margin.notShown':
    '{count, plural, one {# comment is} other {# comments are}} only in the list of all comments.',
};
