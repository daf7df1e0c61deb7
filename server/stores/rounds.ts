import type { Executor } from '../db/database';
import { commentQueries } from './rounds/comments';
import { linkQueries } from './rounds/links';
import { notificationQueries } from './rounds/notifications';
import { personalDataQueries } from './rounds/personalData';
import { perspectiveQueries } from './rounds/perspectives';
import { responseQueries } from './rounds/responses';
import { reviewerQueries } from './rounds/reviewers';
import { roundQueries } from './rounds/rounds';
import { triageQueries } from './rounds/triage';

export type { CommentRow } from './rounds/comments';
export type { LinkRow } from './rounds/links';
export type { NotificationRow } from './rounds/notifications';
export type { ResponseRow } from './rounds/responses';
export type { SubmittedPerspectiveRow } from './rounds/perspectives';
export type { ReviewerRow } from './rounds/reviewers';
export type { RoundRow } from './rounds/rounds';
export type { TriageRow } from './rounds/triage';

/** Queries on comments, feedback rounds, their reviewers, links, responses, triage and notifications. */
export function createRoundStore(db: Executor) {
  return {
    ...roundQueries(db),
    ...reviewerQueries(db),
    ...linkQueries(db),
    ...responseQueries(db),
    ...triageQueries(db),
    ...commentQueries(db),
    ...notificationQueries(db),
    ...personalDataQueries(db),
    ...perspectiveQueries(db),
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
