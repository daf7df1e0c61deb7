import { can } from '../../../shared/domain/roles';
import type { AppDeps } from '../../deps';
import { roundPath, teamRoundPath } from '../../presenters/paths';
import type { RoundRow } from '../../stores/rounds';

/** Notifies every member of the document's team who may work on the round's outcome (owners and editors). */
export async function notifyRoundTeam(
  deps: Pick<AppDeps, 'stores'>,
  round: RoundRow,
  notification: { kind: string; text: string; actorId: string | null },
): Promise<void> {
  const document = await deps.stores.documents.get(round.doc_id);
  if (!document?.teamId) return;
  for (const member of await deps.stores.teams.members(document.teamId)) {
    if (member.userId === notification.actorId || !can(member.role, 'document.edit')) continue;
    await deps.stores.rounds.notify({
      userId: member.userId,
      ...notification,
      link: teamRoundPath(document, round.id),
      docId: document.id,
    });
  }
}

/** How long before its deadline a round's team and reviewers hear that it nears. */
export const DEADLINE_NOTICE_MS = 48 * 60 * 60 * 1000;

/**
 * Tells the team (owners, editors) and the reviewers of every open round whose deadline is less than
 * 48 hours away, once per round: the notice row is claimed in the same transaction, so a second run
 * or instance sends nothing. Returns the number of rounds noticed.
 */
export async function notifyApproachingDeadlines(
  deps: Pick<AppDeps, 'stores' | 'transaction'>,
  now = Date.now(),
): Promise<number> {
  let count = 0;
  for (const round of await deps.stores.deadlineNotices.dueForNotice(DEADLINE_NOTICE_MS, now)) {
    const noticed = await deps.transaction(async (tx) => {
      if (!(await tx.stores.deadlineNotices.claim(round.id, now))) return false;
      const document = await tx.stores.documents.get(round.doc_id);
      const hours = Math.max(1, Math.round((round.deadline - now) / 3_600_000));
      const text = `De feedbackronde "${round.title}" sluit over ${hours} uur.`;
      await notifyRoundTeam(tx, round, { kind: 'round_deadline', text, actorId: null });
      const told = new Set<string>();
      for (const reviewer of await tx.stores.rounds.reviewers(round.id)) {
        if (told.has(reviewer.user_id)) continue;
        told.add(reviewer.user_id);
        await tx.stores.rounds.notify({
          userId: reviewer.user_id,
          kind: 'round_deadline',
          text: `${text} Geef je feedback op "${document?.title ?? round.title}" voor de deadline.`,
          link: roundPath(round.id),
          actorId: null,
          docId: round.doc_id,
        });
      }
      return true;
    });
    if (noticed) count++;
  }
  return count;
}
