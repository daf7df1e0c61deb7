/*
 * Feedback rounds, one file per concern: opening and editing (create), reading (read), reviewers
 * and the teams directory (reviewers), links for individual reviewers (links), answers to the
 * criteria (responses), closing by owner or deadline (close, deadlineJob), triage, completion and
 * the summary (triage), what rule R13 weighs of them (evidence) and carrying threads over to the live draft (carryOver). Who may do what is
 * decided in server/policies/round.ts; what the API shows in server/presenters/.
 */
export { carryOver } from './carryOver';
export { closeDueRounds, closeRoundByOwner } from './close';
export { createRound, updateRound } from './create';
export { designLifeContext, feedbackEvidence } from './evidence';
export { startDeadlineJob } from './deadlineJob';
export { acceptRoundLink, createRoundLink, describeRoundLink, revokeRoundLink } from './links';
export { getRound, listRounds, myReviewRounds, roundVersion, roundVersionState } from './read';
export { listResponses, saveResponses } from './responses';
export { inviteTeam, removeReviewer, removeTeam, roundReviewers, teamsDirectory } from './reviewers';
export { completeRound, roundSummary, triageItem } from './triage';
