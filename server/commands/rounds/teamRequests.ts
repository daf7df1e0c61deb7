import { can } from '../../../shared/domain/roles';
import type { ReviewRequest } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { ApiError, notFound } from '../../http/apiError';
import { authorizeTeam } from '../../policies/team';
import { effectiveStatus } from '../../policies/round';
import { roundPath, teamPath, teamRoundPath } from '../../presenters/paths';
import { actorText } from '../../presenters/notificationText';
import type { RoundRow } from '../../stores/rounds';
import type { DocumentSummary } from '../../../shared/schemas/documents';
import { emitRoundChange } from '../roundEvents';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;
type Tx = Parameters<Parameters<Deps['transaction']>[0]>[0];

/*
 * Asking another team to review needs that team's consent: its owners get one request (attributed
 * to the person who asked; no free text of theirs beyond the titles they chose), and its members
 * hear of the round, and may open it, only once an owner accepts. The owners answer for the team
 * because they already decide who works in its name (the same capability as managing members).
 */

/** Whether `userId` answers review requests for `teamId` (its owners): their own request is in at once. */
export async function acceptsAtOnce(
  stores: Deps['stores'],
  userId: string,
  teamId: string,
): Promise<boolean> {
  return can(await stores.teams.role(teamId, userId), 'team.manageMembers');
}

/**
 * Inside inviteTeam's transaction, after the row is in: a team whose owner asked is in at once and
 * its members are told; otherwise its owners get the request.
 */
export async function announceTeamRequest(
  tx: Tx,
  input: { userId: string; round: RoundRow; document: DocumentSummary; team: { id: string; name: string } },
  accepted: boolean,
): Promise<void> {
  const { userId, round, document, team } = input;
  if (accepted) {
    await notifyReviewingTeam(tx, round, document, team, userId);
    return;
  }
  const requestingTeam = document.teamId ? (await tx.stores.teams.get(document.teamId))?.name : undefined;
  for (const member of await tx.stores.teams.members(team.id)) {
    if (!can(member.role, 'team.manageMembers')) continue;
    await tx.stores.rounds.notify({
      userId: member.userId,
      kind: 'review_request',
      text: actorText(
        `${requestingTeam ? ` (${requestingTeam})` : ''} vraagt je team "${team.name}" om feedback op "${document.title}". Accepteer of weiger het verzoek op de teampagina; pas na akkoord horen de leden ervan.`,
      ),
      link: teamPath(team.id),
      actorId: userId,
      docId: null,
    });
  }
}

/** Tells every member of a reviewing team about the round (once the team is in). */
async function notifyReviewingTeam(
  tx: Tx,
  round: RoundRow,
  document: DocumentSummary,
  team: { id: string; name: string },
  actorId: string,
): Promise<void> {
  for (const member of await tx.stores.teams.members(team.id)) {
    await tx.stores.rounds.notify({
      userId: member.userId,
      kind: 'round_invite',
      text: `Je team "${team.name}" is gevraagd om feedback op "${document.title}" (${round.title}).`,
      link: roundPath(round.id),
      actorId,
      docId: null,
    });
  }
}

/** GET /api/teams/:teamId/review-requests — requests waiting for an owner's answer (owners). */
export async function listReviewRequests(
  deps: Deps,
  userId: string,
  teamId: string,
): Promise<ReviewRequest[]> {
  await authorizeTeam(deps.stores, userId, teamId, 'team.manageMembers');
  const now = Date.now();
  // A round that closed meanwhile asks for nothing any more (accepting it would be refused).
  const open = (await deps.stores.rounds.pendingRequestsOfTeam(teamId)).filter(
    (row) => row.status === 'open' && Number(row.deadline) > now,
  );
  return open.map((row) => ({
    roundId: row.round_id,
    roundTitle: row.round_title,
    documentTitle: row.document_title,
    requestingTeam: row.requesting_team,
    requester: row.requester_id ? { id: row.requester_id, name: row.requester_name ?? '' } : null,
    deadline: new Date(Number(row.deadline)).toISOString(),
    requestedAt: new Date(Number(row.invited_at)).toISOString(),
  }));
}

/** POST /api/teams/:teamId/review-requests/:roundId/{accept,decline} — an owner answers for the team. */
export async function answerReviewRequest(
  deps: Deps,
  userId: string,
  teamId: string,
  roundId: string,
  answer: 'accept' | 'decline',
): Promise<void> {
  const { team } = await authorizeTeam(deps.stores, userId, teamId, 'team.manageMembers');
  const round = await deps.stores.rounds.round(roundId);
  const document = round ? await deps.stores.documents.get(round.doc_id) : undefined;
  if (!round || !document) throw notFound('Dit verzoek bestaat niet.');
  await deps.transaction(async (tx) => {
    // The round as it stands now, held until the answer is in: a closed round asks nobody anything.
    const current = await tx.stores.rounds.lockRound(round.id, 'share');
    if (answer === 'accept' && (!current || effectiveStatus(current) !== 'open')) {
      throw new ApiError(409, 'round_not_open', 'Deze feedbackronde is al gesloten.');
    }
    const requester = await tx.stores.rounds.teamRequester(round.id, team.id);
    const done =
      answer === 'accept'
        ? await tx.stores.rounds.acceptTeamRequest(round.id, team.id)
        : await tx.stores.rounds.declineTeamRequest(round.id, team.id);
    if (!done) throw notFound('Dit verzoek bestaat niet of is al beantwoord.');
    if (answer === 'accept') await notifyReviewingTeam(tx, round, document, team, userId);
    if (requester) {
      await tx.stores.rounds.notify({
        userId: requester,
        kind: 'review_request_answered',
        text: `Team "${team.name}" heeft je verzoek om feedback op "${document.title}" ${answer === 'accept' ? 'aangenomen' : 'afgewezen'}.`,
        link: teamRoundPath(document, round.id),
        actorId: userId,
        docId: null,
      });
    }
    await tx.stores.audit.record('round.team_request_answered', {
      teamId: team.id,
      actorId: userId,
      details: { roundId: round.id, answer, requestingTeamId: document.teamId },
    });
  });
  emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
}
