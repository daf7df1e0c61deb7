import type { Round } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { authorizeRound, type RoundAction } from '../../policies/round';
import { presentRound } from '../../presenters/round';
import type { RoundRow } from '../../stores/rounds';
import { emitRoundChange } from '../roundEvents';
import { notifyRoundTeam } from './notify';

type Deps = Pick<AppDeps, 'transaction' | 'stores'>;

/** Who closes a round: an owner, or its deadline (through the deadline job). */
export type Closer = { userId: string } | 'deadline';

/**
 * Closes an open round, the same way whoever closes it: the status, an audit record and the
 * notification of the team's owners and editors in one transaction, then the live event. Returns
 * false, doing nothing, when the round is no longer open — so a second run (or a second instance)
 * is harmless.
 */
export async function closeRound(
  deps: Deps,
  round: RoundRow,
  closer: Closer,
  now = Date.now(),
): Promise<boolean> {
  const actorId = closer === 'deadline' ? null : closer.userId;
  // Dated at the deadline: readers have seen the round as closed since then.
  const closedAt = closer === 'deadline' ? round.deadline : now;
  const text =
    closer === 'deadline'
      ? `De feedbackronde "${round.title}" is gesloten (deadline verstreken). Tijd voor de triage.`
      : `${await deps.stores.users.displayName(closer.userId)} heeft de feedbackronde "${round.title}" gesloten. Tijd voor de triage.`;
  const closed = await deps.transaction(async (tx) => {
    if (!(await tx.stores.rounds.closeRound(round.id, actorId, closedAt))) return false;
    await tx.stores.audit.record('round.closed', {
      teamId: (await tx.stores.documents.get(round.doc_id))?.teamId ?? null,
      actorId,
      details: { roundId: round.id, documentId: round.doc_id },
    });
    await notifyRoundTeam(tx, round, { kind: 'round_closed', text, actorId });
    return true;
  });
  if (closed) emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return closed;
}

/** Closes every open round whose deadline has passed (what the deadline job runs); returns how many. */
export async function closeDueRounds(deps: Deps, now = Date.now()): Promise<number> {
  let count = 0;
  for (;;) {
    const due = await deps.stores.rounds.overdueRounds(now);
    for (const round of due) if (await closeRound(deps, round, 'deadline', now)) count++;
    // Every round in a batch is closed now (here or by someone else), so the next batch is new.
    if (due.length < 100) return count;
  }
}

/**
 * Authorizes a change to a round after closing it if its deadline has passed, so a write meets the
 * status every reader already sees (the triage of a round the deadline job has not reached yet).
 */
export async function authorizeRoundChange(
  deps: Deps,
  userId: string,
  roundId: string,
  action: RoundAction,
  now = Date.now(),
) {
  const round = await deps.stores.rounds.round(roundId);
  if (round && round.status === 'open' && round.deadline <= now)
    await closeRound(deps, round, 'deadline', now);
  return await authorizeRound(deps.stores, userId, roundId, action, now);
}

/** POST /api/rounds/:roundId/close — owners; reviewers lose access to the version, triage starts. */
export async function closeRoundByOwner(deps: Deps, userId: string, roundId: string): Promise<Round> {
  const now = Date.now();
  const { round, access } = await authorizeRoundChange(deps, userId, roundId, 'close', now);
  // Closed meanwhile (its deadline, another owner): refused as if that had come before the check.
  if (!(await closeRound(deps, round, { userId }, now)))
    await authorizeRound(deps.stores, userId, roundId, 'close');
  return await presentRound(deps, (await deps.stores.rounds.round(round.id))!, access, now);
}
