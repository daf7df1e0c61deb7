import { can } from '../../../shared/domain/roles';
import type { AppDeps } from '../../deps';
import { teamRoundPath } from '../../presenters/paths';
import type { RoundRow } from '../../stores/rounds';

/** Notifies every member of the document's team who may work on the round's outcome (owners and editors). */
export function notifyRoundTeam(
  deps: Pick<AppDeps, 'stores'>,
  round: RoundRow,
  notification: { kind: string; text: string; actorId: string | null },
): void {
  const document = deps.stores.documents.get(round.doc_id);
  if (!document?.teamId) return;
  for (const member of deps.stores.teams.members(document.teamId)) {
    if (member.userId === notification.actorId || !can(member.role, 'document.edit')) continue;
    deps.stores.rounds.notify({
      userId: member.userId,
      ...notification,
      link: teamRoundPath(document, round.id),
      docId: document.id,
    });
  }
}
