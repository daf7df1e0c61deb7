import type { Round } from '../../../shared/schemas/rounds';
import type { AppDeps } from '../../deps';
import { authorizeRound, type RoundAction } from '../../policies/round';
import { presentRound } from '../../presenters/round';
import type { RoundRow } from '../../stores/rounds';
import { emitRoundChange } from '../roundEvents';
import { notifyRoundTeam } from './notify';

type Deps = Pick<AppDeps, 'db' | 'stores'>;

/** Who closes a round: an owner, or its deadline (through the deadline job). */
export type Closer = { userId: string } | 'deadline';

/**
 * Closes an open round, the same way whoever closes it: the status, an audit record and the
 * notification of the team's owners and editors in one transaction, then the live event. Returns
 * false, doing nothing, when the round is no longer open — so a second run (or a second instance)
 * is harmless.
 */
export function closeRound(deps: Deps, round: RoundRow, closer: Closer, now = Date.now()): boolean {
  const actorId = closer === 'deadline' ? null : closer.userId;
  // Dated at the deadline: readers have seen the round as closed since then.
  const closedAt = closer === 'deadline' ? round.deadline : now;
  const text =
    closer === 'deadline'
      ? `De feedbackronde "${round.title}" is gesloten (deadline verstreken). Tijd voor de triage.`
      : `${deps.stores.users.displayName(closer.userId)} heeft de feedbackronde "${round.title}" gesloten. Tijd voor de triage.`;
  const closed = deps.db.transaction(() => {
    if (!deps.stores.rounds.closeRound(round.id, actorId, closedAt)) return false;
    deps.stores.audit.record('round.closed', {
      teamId: deps.stores.documents.get(round.doc_id)?.teamId ?? null,
      actorId,
      details: { roundId: round.id, documentId: round.doc_id },
    });
    notifyRoundTeam(deps, round, { kind: 'round_closed', text, actorId });
    return true;
  })();
  if (closed) emitRoundChange(round.doc_id, { kind: 'round', roundId: round.id });
  return closed;
}

/** Closes every open round whose deadline has passed (what the deadline job runs); returns how many. */
export function closeDueRounds(deps: Deps, now = Date.now()): number {
  let count = 0;
  for (;;) {
    const due = deps.stores.rounds.overdueRounds(now);
    for (const round of due) if (closeRound(deps, round, 'deadline', now)) count++;
    // Every round in a batch is closed now (here or by someone else), so the next batch is new.
    if (due.length < 100) return count;
  }
}

/**
 * Authorizes a change to a round after closing it if its deadline has passed, so a write meets the
 * status every reader already sees (the triage of a round the deadline job has not reached yet).
 */
export function authorizeRoundChange(
  deps: Deps,
  userId: string,
  roundId: string,
  action: RoundAction,
  now = Date.now(),
) {
  const round = deps.stores.rounds.round(roundId);
  if (round && round.status === 'open' && round.deadline <= now) closeRound(deps, round, 'deadline', now);
  return authorizeRound(deps.stores, userId, roundId, action, now);
}

/** POST /api/rounds/:roundId/close — owners; reviewers lose access to the version, triage starts. */
export function closeRoundByOwner(deps: Deps, userId: string, roundId: string): Round {
  const now = Date.now();
  const { round, access } = authorizeRoundChange(deps, userId, roundId, 'close', now);
  closeRound(deps, round, { userId }, now);
  return presentRound(deps, deps.stores.rounds.round(round.id)!, access, now);
}
