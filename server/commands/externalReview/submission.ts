import { randomUUID } from 'node:crypto';
import { EXAMPLE_CRITERIA } from '../../../shared/domain/review';
import type { AppDeps, Stores } from '../../deps';
import { ApiError } from '../../http/apiError';
import { reviewPath } from './paths';
import { actorText } from '../../presenters/notificationText';

/**
 * The toetsingscommissie a design is submitted to: the one named, or the only one there is.
 * 400 when none exists, when the caller must choose, or when the id is no committee.
 */
export async function resolveReviewTeam(
  stores: Pick<Stores, 'reviews'>,
  reviewTeamId: string | undefined,
): Promise<{ id: string; name: string }> {
  const committees = await stores.reviews.committees();
  if (reviewTeamId) {
    const chosen = committees.find((committee) => committee.id === reviewTeamId);
    if (!chosen) throw new ApiError(400, 'review_team_unknown', 'Deze toetsingscommissie bestaat niet.');
    return chosen;
  }
  if (committees.length === 0) {
    throw new ApiError(
      400,
      'no_review_team',
      'Er is nog geen toetsingscommissie. Vraag een beheerder er een aan te maken.',
    );
  }
  if (committees.length > 1) {
    throw new ApiError(
      400,
      'review_team_required',
      'Er zijn meerdere toetsingscommissies: kies bij welke je het ontwerp aanmeldt (reviewTeamId).',
    );
  }
  return committees[0]!;
}

/**
 * Inside the submitting transaction: puts the design in the committee's queue with the version the
 * move froze and the committee's criteria as they are now, and tells the committee's members.
 */
export async function recordSubmission(
  tx: AppDeps,
  input: { docId: string; title: string; reviewTeamId: string; versionId: string; userId: string },
): Promise<void> {
  const id = randomUUID();
  const criteria = (await tx.stores.reviews.frame(input.reviewTeamId)) ?? EXAMPLE_CRITERIA;
  await tx.stores.reviews.insert({
    id,
    docId: input.docId,
    reviewTeamId: input.reviewTeamId,
    versionId: input.versionId,
    criteria,
    submittedBy: input.userId,
  });
  for (const member of await tx.stores.teams.members(input.reviewTeamId)) {
    if (member.userId === input.userId) continue;
    await tx.stores.rounds.notify({
      userId: member.userId,
      kind: 'design_submitted',
      text: actorText(` heeft "${input.title}" aangemeld voor externe toetsing.`),
      link: reviewPath(id),
      actorId: input.userId,
      docId: input.docId,
    });
  }
}

/** Inside the withdrawing transaction: the open submission leaves the committee's queue. */
export async function recordWithdrawal(tx: AppDeps, docId: string, userId: string): Promise<void> {
  const open = await tx.stores.reviews.openFor(docId);
  if (open) await tx.stores.reviews.close(open.id, 'ingetrokken', userId, null);
}
