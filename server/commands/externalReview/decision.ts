import { checkTransition, type DesignStatus } from '../../../shared/domain/lifecycle';
import { decisionProblem } from '../../../shared/domain/review';
import type { AppDeps } from '../../deps';
import { ApiError, notFound } from '../../http/apiError';
import { authorizeDecision } from '../../policies/review';
import { documentPath } from '../../presenters/paths';
import { actorText } from '../../presenters/notificationText';
import { publishedProjection, refreshTeamAccess, statusView, type DesignMoveInput } from '../designMoves';
import { recordedMove, statusChangedMeanwhile } from '../statusMoves';
import { createVersion } from '../versions';

const PROBLEM_MESSAGES = {
  criteria_unjudged: 'Beoordeel eerst elk criterium van het kwaliteitskader.',
  approval_with_failures: 'Goedkeuren kan niet zolang een criterium "voldoet niet" heeft.',
} as const;

/**
 * The toetsingscommissie's decision on a submitted design (`aangemeld` → goedgekeurd | afgekeurd):
 * only an owner or editor of the committee it was submitted to, outside the design's team (403 for
 * anyone else, the submitting team included, and nothing changes). Every criterion must be judged;
 * approval publishes the catalog's frozen copy in the same transaction, and the design team is told.
 */
export async function decideReview(
  deps: AppDeps,
  userId: string,
  docId: string,
  from: DesignStatus,
  input: DesignMoveInput,
) {
  const document = await deps.stores.documents.get(docId);
  if (!document) throw notFound('Dit document bestaat niet.');
  const assignment = await authorizeDecision(
    deps.stores,
    userId,
    await deps.stores.reviews.openFor(docId),
    document.teamId,
  );
  // The decision's gates are the table and the note only; the design's rules were checked at submission.
  const check = checkTransition(from, input.to, { results: [], outcome: input.outcome, note: input.note });
  if (!check.ok) throw new ApiError(400, 'transition_refused', check.reason);
  const decision = input.to as 'goedgekeurd' | 'afgekeurd';
  const problem = decisionProblem(
    assignment.criteria,
    await deps.stores.reviews.judgements(assignment.id),
    decision,
  );
  if (problem) throw new ApiError(400, problem, PROBLEM_MESSAGES[problem]);
  const { outcome, note, versionLabel } = recordedMove(input);
  const publication = decision === 'goedgekeurd' ? await publishedProjection(deps, docId) : null;
  await deps.transaction(async (tx) => {
    const move = { from, to: input.to, outcome, note, actorId: userId };
    if (!(await tx.stores.lifecycle.recordTransition(docId, move)))
      throw statusChangedMeanwhile('dit leerarrangement');
    if (!(await tx.stores.reviews.close(assignment.id, decision, userId, note)))
      throw statusChangedMeanwhile('dit leerarrangement');
    // Only this decision publishes (001 l.271): the catalog's copy of the approved state.
    if (publication)
      await tx.stores.lifecycle.publish(docId, publication.projection, publication.state, userId);
    await createVersion(tx, userId, docId, { label: versionLabel, note, status: input.to });
    await tx.stores.audit.record('design.status_changed', {
      teamId: document.teamId,
      actorId: userId,
      details: {
        documentId: docId,
        from,
        to: input.to,
        outcome,
        note,
        reviewTeamId: assignment.reviewTeamId,
      },
    });
    if (document.teamId) {
      for (const member of await tx.stores.teams.members(document.teamId)) {
        await tx.stores.rounds.notify({
          userId: member.userId,
          kind: 'design_decided',
          text: actorText(
            ` heeft "${document.title}" namens de toetsingscommissie ${decision === 'goedgekeurd' ? 'goedgekeurd' : 'afgekeurd'}.`,
          ),
          link: documentPath(document),
          actorId: userId,
          docId,
        });
      }
    }
  });
  await refreshTeamAccess(deps, document.teamId);
  // The design's rules are not the committee's to see; the steps are shown without them.
  return statusView(deps, docId, []);
}
