import { randomUUID } from 'node:crypto';
import { generateSecureRandomString, hashSecret } from '../../auth/tokens';
import type { AppDeps } from '../../deps';
import { ApiError, notFound } from '../../http/apiError';
import { authorizeLockedRound, effectiveStatus } from '../../policies/round';
import { actorText } from '../../presenters/notificationText';
import type { RoundRow } from '../../stores/rounds';
import { emitRoundChange } from '../roundEvents';
import { authorizeRoundChange } from './close';
import { notifyRoundTeam } from './notify';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;

const DAY = 24 * 60 * 60 * 1000;

/** POST /api/rounds/:roundId/links — an expiring link for individual reviewers; the token is shown once. */
export async function createRoundLink(
  deps: Deps,
  userId: string,
  roundId: string,
  input: { label?: string | undefined; expiresInDays?: number | undefined },
) {
  await authorizeRoundChange(deps, userId, roundId, 'invite');
  const token = generateSecureRandomString(32);
  const id = randomUUID();
  const expiresAt = await deps.transaction(async (tx) => {
    // Open until the link is stored, with the deadline as it stands now.
    const { round, document } = await authorizeLockedRound(tx.stores, userId, roundId, 'invite', 'share');
    const expiresAt = Math.min(Date.now() + (input.expiresInDays ?? 14) * DAY, round.deadline);
    await tx.stores.rounds.insertLink({
      id,
      roundId: round.id,
      tokenHash: hashSecret(token),
      label: input.label ?? '',
      createdBy: userId,
      expiresAt,
    });
    await tx.stores.audit.record('round.link_created', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, linkId: id, label: input.label ?? '' },
    });
    return expiresAt;
  });
  return { id, token, url: `/feedback/${token}`, expiresAt: new Date(expiresAt).toISOString() };
}

/**
 * DELETE /api/rounds/:roundId/links/:linkId — at any time, also after the round closed. Whoever
 * joined through the link stops being a reviewer with it (a forwarded link is cleaned up by
 * revoking it); what they wrote stays. Their open event streams close.
 */
export async function revokeRoundLink(
  deps: Deps & Pick<AppDeps, 'rooms'>,
  userId: string,
  roundId: string,
  linkId: string,
): Promise<void> {
  const { round, document } = await authorizeRoundChange(deps, userId, roundId, 'manage');
  const removed = await deps.transaction(async (tx) => {
    if (!(await tx.stores.rounds.revokeLink(round.id, linkId)))
      throw notFound('Deze link bestaat niet of is al ingetrokken.');
    // After the revocation, which waits for any join holding the link: no join is missed.
    const reviewers = await tx.stores.rounds.removeReviewersOfLink(linkId);
    await tx.stores.audit.record('round.link_revoked', {
      teamId: document.teamId,
      actorId: userId,
      details: { roundId: round.id, linkId, removedReviewers: reviewers.length },
    });
    return reviewers;
  });
  for (const reviewerId of removed) await deps.rooms.refreshAccess(reviewerId);
  if (removed.length > 0) emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
}

/** The link behind a token, its round, and whether it still lets someone in. */
async function linkState(deps: Pick<AppDeps, 'stores'>, token: string) {
  const link = await deps.stores.rounds.linkByHash(hashSecret(token));
  const round = link ? await deps.stores.rounds.round(link.round_id) : undefined;
  if (!link || !round) return null;
  return { link, round, status: linkStatus(round, link) };
}

/** Whether a link lets someone in now, and if not why. */
function linkStatus(
  round: RoundRow,
  link: { revoked_at: number | null; expires_at: number },
  now = Date.now(),
): 'open' | 'expired' | 'revoked' | 'closed' {
  if (effectiveStatus(round, now) !== 'open') return 'closed';
  if (link.revoked_at !== null) return 'revoked';
  return link.expires_at <= now ? 'expired' : 'open';
}

/** Whether a round link lets someone in now (sign-up through it passes a closed SIGNUP). */
export async function roundLinkOpen(deps: Pick<AppDeps, 'stores'>, token: string): Promise<boolean> {
  return (await linkState(deps, token))?.status === 'open';
}

/** GET /api/round-links/:token — what the link is for (public: shown before signing up). */
export async function describeRoundLink(deps: Pick<AppDeps, 'stores'>, token: string) {
  const state = await linkState(deps, token);
  if (!state) throw notFound('Deze feedbacklink bestaat niet.');
  const document = await deps.stores.documents.get(state.round.doc_id);
  const team = document?.teamId ? await deps.stores.teams.get(document.teamId) : undefined;
  return {
    round: {
      id: state.round.id,
      title: state.round.title,
      deadline: new Date(state.round.deadline).toISOString(),
      documentTitle: document?.title ?? '',
      teamName: team?.name ?? '',
    },
    status: state.status,
  };
}

const REFUSED = {
  closed: 'Deze feedbackronde is al gesloten.',
  revoked: 'Deze feedbacklink is ingetrokken.',
  expired: 'Deze feedbacklink is verlopen.',
} as const;

/** POST /api/round-links/:token/accept — the signed-in visitor becomes a reviewer of that round. */
export async function acceptRoundLink(
  deps: Deps,
  userId: string,
  token: string,
): Promise<{ roundId: string }> {
  const state = await linkState(deps, token);
  if (!state) throw notFound('Deze feedbacklink bestaat niet.');
  if (state.status !== 'open') throw new ApiError(410, `link_${state.status}`, REFUSED[state.status]);
  const { round, link } = state;
  const joined = await deps.transaction(async (tx) => {
    // The round and the link as they stand now, held until the reviewer is in: a close or a
    // revocation committed since the check above refuses as it would have before it.
    const current = await tx.stores.rounds.lockRound(round.id, 'share');
    const currentLink = await tx.stores.rounds.lockLink(link.id);
    if (!current || !currentLink) throw notFound('Deze feedbacklink bestaat niet.');
    const status = linkStatus(current, currentLink);
    if (status !== 'open') throw new ApiError(410, `link_${status}`, REFUSED[status]);
    if (!(await tx.stores.rounds.addIndividualReviewer(round.id, userId, link.id))) return false;
    await notifyRoundTeam(tx, round, {
      kind: 'round_feedback',
      text: actorText(` doet mee als reviewer in "${round.title}".`),
      actorId: userId,
    });
    return true;
  });
  if (joined) emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return { roundId: round.id };
}
