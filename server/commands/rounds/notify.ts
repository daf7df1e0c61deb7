import { can } from '../../../shared/domain/roles';
import type { AppDeps } from '../../deps';
import { teamRoundPath } from '../../presenters/paths';
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
