import { checkTransition, designMover } from '../../shared/domain/lifecycle';
import type { AppDeps } from '../deps';
import { ApiError } from '../http/apiError';
import { authorizeDocument } from '../policies/document';
import { designChecks } from './designs';
import { lifecycleOr404, refreshTeamAccess, statusView, type DesignMoveInput } from './designMoves';
import { decideReview } from './externalReview/decision';
import { recordSubmission, recordWithdrawal, resolveReviewTeam } from './externalReview/submission';
import { recordedMove, statusChangedMeanwhile } from './statusMoves';
import { notifyStatusChange } from './notifications';
import { createVersion } from './versions';

/** The design's status, every next step with whether it is possible now, the history and lineage. */
export async function designStatus(deps: AppDeps, userId: string, docId: string) {
  await authorizeDocument(deps.stores, userId, docId, 'document.read');
  await lifecycleOr404(deps, docId);
  const { results } = await designChecks(deps, userId, docId);
  return statusView(deps, docId, results);
}

/**
 * Moves a design to `to`. The toetsingscommissie's decision goes to decideReview; every other move
 * is the team owner's, and the transition table and gates decide (400 with the Dutch reason).
 * Records the move, an audit entry, a version and — when submitting or withdrawing — the
 * committee's queue entry, all in one transaction; then re-checks every member's open sockets,
 * because entering or leaving external review changes whether anyone may edit.
 */
export async function changeStatus(deps: AppDeps, userId: string, docId: string, input: DesignMoveInput) {
  const current = await deps.stores.lifecycle.get(docId);
  if (current && designMover(current.status, input.to) === 'review-team')
    return decideReview(deps, userId, docId, current.status, input);
  const { document } = await authorizeDocument(deps.stores, userId, docId, 'document.changeStatus');
  const { status: from } = await lifecycleOr404(deps, docId);
  const { results } = await designChecks(deps, userId, docId);
  const check = checkTransition(from, input.to, { results, outcome: input.outcome, note: input.note });
  if (!check.ok) throw new ApiError(400, 'transition_refused', check.reason);
  const submitting = input.to === 'aangemeld-externe-toetsing';
  const reviewTeam = submitting ? await resolveReviewTeam(deps.stores, input.reviewTeamId) : null;
  const { outcome, note, versionLabel } = recordedMove(input);
  await deps.transaction(async (tx) => {
    const move = { from, to: input.to, outcome, note, actorId: userId };
    // Checked against `from` above; a move that came first meanwhile wins, this one is refused.
    if (!(await tx.stores.lifecycle.recordTransition(docId, move)))
      throw statusChangedMeanwhile('dit leerarrangement');
    // Every status change is a version: an immutable snapshot of exactly what moved on.
    const version = await createVersion(tx, userId, docId, {
      label: versionLabel,
      note,
      status: input.to,
    });
    if (reviewTeam) {
      await recordSubmission(tx, {
        docId,
        title: document.title,
        reviewTeamId: reviewTeam.id,
        versionId: version.id,
        userId,
      });
    }
    if (from === 'aangemeld-externe-toetsing') await recordWithdrawal(tx, docId, userId);
    await tx.stores.audit.record('design.status_changed', {
      teamId: document.teamId,
      actorId: userId,
      details: {
        documentId: docId,
        from,
        to: input.to,
        outcome,
        note,
        ...(reviewTeam ? { reviewTeamId: reviewTeam.id } : {}),
      },
    });
    await notifyStatusChange(tx, { document, from, to: input.to, actorId: userId });
  });
  await refreshTeamAccess(deps, document.teamId);
  return designStatus(deps, userId, docId);
}
