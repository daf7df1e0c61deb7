import type { RoundReviewers } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError, notFound } from '../../http/apiError';
import { authorizeLockedRound, authorizeRound } from '../../policies/round';
import { presentReviewers } from '../../presenters/reviewers';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';
import { acceptsAtOnce, announceTeamRequest } from './teamRequests';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;

/** GET /api/rounds/:roundId/reviewers — invited teams, links and who has responded (team only). */
export async function roundReviewers(deps: Deps, userId: string, roundId: string): Promise<RoundReviewers> {
  const { round } = await authorizeRound(deps.stores, userId, roundId, 'viewReviewers');
  return presentReviewers(deps, round);
}

/**
 * POST /api/rounds/:roundId/teams — asks a whole team to review (owners; not the document's own
 * team). It reviews once one of its owners accepts; at once when the inviter owns it.
 */
export async function inviteTeam(
  deps: Deps,
  userId: string,
  roundId: string,
  teamId: string,
): Promise<RoundReviewers> {
  const { round, document } = await authorizeRoundChange(deps, userId, roundId, 'invite');
  const team = await deps.stores.teams.get(teamId);
  if (!team) throw new ApiError(400, 'unknown_team', 'Dit team bestaat niet.');
  if (team.id === document.teamId) {
    throw new ApiError(
      400,
      'own_team',
      'Je eigen team geeft geen feedback als reviewer; nodig een ander team uit.',
    );
  }
  await deps.transaction(async (tx) => {
    // Open until the team is in (a team invited to a closed round would be asked for nothing).
    await authorizeLockedRound(tx.stores, userId, round.id, 'invite', 'share');
    // Another team's owners must consent before its members hear of the round (teamRequests.ts).
    const accepted = await acceptsAtOnce(tx.stores, userId, team.id);
    if (!(await tx.stores.rounds.inviteTeam(round.id, team.id, userId, accepted))) return;
    await announceTeamRequest(tx, { userId, round, document, team }, accepted);
    await tx.stores.audit.record('round.team_invited', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, invitedTeamId: team.id, invitedTeamName: team.name, pending: !accepted },
    });
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return presentReviewers(deps, round);
}

/** DELETE /api/rounds/:roundId/teams/:teamId */
export async function removeTeam(
  deps: Deps & Pick<AppDeps, 'rooms'>,
  userId: string,
  roundId: string,
  teamId: string,
): Promise<void> {
  const { round } = await authorizeRoundChange(deps, userId, roundId, 'invite');
  await deps.transaction(async (tx) => {
    // While open only: a closed round keeps the record of who was asked.
    await authorizeLockedRound(tx.stores, userId, round.id, 'invite', 'share');
    if (!(await tx.stores.rounds.removeTeam(round.id, teamId)))
      throw notFound('Dit team is niet uitgenodigd.');
  });
  // Its members' event streams on the round end now, not at their next keep-alive.
  for (const member of await deps.stores.teams.members(teamId)) await deps.rooms.refreshAccess(member.userId);
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
}

/**
 * DELETE /api/rounds/:roundId/reviewers/:userId — one reviewer who joined through a link, at any
 * time (also after closing). Members of an invited team leave with their team. What they wrote
 * stays; their open event streams close.
 */
export async function removeReviewer(
  deps: Deps & Pick<AppDeps, 'rooms'>,
  userId: string,
  roundId: string,
  reviewerId: string,
): Promise<void> {
  const { round, document } = await authorizeRoundChange(deps, userId, roundId, 'manage');
  await deps.transaction(async (tx) => {
    if (!(await tx.stores.rounds.removeIndividualReviewer(round.id, reviewerId)))
      throw notFound('Deze persoon doet niet via een link mee als reviewer.');
    await tx.stores.audit.record('round.reviewer_removed', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, userId: reviewerId },
    });
  });
  await deps.rooms.refreshAccess(reviewerId);
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
}

/** GET /api/teams-directory — teams to invite as reviewers (name, kind, lab). */
export async function teamsDirectory(deps: Pick<AppDeps, 'stores'>, query: string | undefined) {
  return { teams: await deps.stores.teams.directory(query ?? '') };
}
