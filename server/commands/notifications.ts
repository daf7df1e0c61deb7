import { STATUS_LABELS_NL, type DesignStatus } from '../../shared/domain/lifecycle';
import { can } from '../../shared/domain/roles';
import type { DocumentSummary } from '../../shared/schemas/documents';
import type { Notification } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import { actorText, renderNotificationText } from '../presenters/notificationText';
import { documentPath } from '../presenters/paths';
import { DELETED_USER_NAME } from '../stores/users';

/** GET /api/notifications — the caller's latest 100 and the unread count. */
export async function listNotifications(deps: Pick<AppDeps, 'stores'>, userId: string) {
  const store = deps.stores.rounds;
  return {
    unread: await store.unreadCount(userId),
    items: (await store.notifications(userId)).map((row): Notification => ({
      id: row.id,
      kind: row.kind as Notification['kind'],
      // The actor's name as it is now: a deleted account is "verwijderde gebruiker" everywhere.
      text: renderNotificationText(row.text, row.actor_id ? row.actor_name : null),
      link: row.link,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? DELETED_USER_NAME } : null,
      createdAt: new Date(row.created_at).toISOString(),
      readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
    })),
  };
}

/** POST /api/notifications/read — some or all of the caller's own notifications. */
export async function markNotificationsRead(
  deps: Pick<AppDeps, 'stores'>,
  userId: string,
  input: { ids?: number[] | undefined; all?: boolean | undefined },
) {
  const store = deps.stores.rounds;
  await store.markRead(userId, input.all ? 'all' : (input.ids ?? []));
  return { unread: await store.unreadCount(userId) };
}

/**
 * Tells the design's team (owners and editors, not who moved it) that its status changed; mailed
 * like every notification. Call inside the transaction that records the move.
 */
export async function notifyStatusChange(
  deps: Pick<AppDeps, 'stores'>,
  move: { document: DocumentSummary; from: DesignStatus; to: DesignStatus; actorId: string },
): Promise<void> {
  const { document } = move;
  if (!document.teamId) return;
  const text = actorText(
    ` zette "${document.title}" van "${STATUS_LABELS_NL[move.from]}" op "${STATUS_LABELS_NL[move.to]}".`,
  );
  for (const member of await deps.stores.teams.members(document.teamId)) {
    if (member.userId === move.actorId || !can(member.role, 'document.edit')) continue;
    await deps.stores.rounds.notify({
      userId: member.userId,
      kind: 'design_status',
      text,
      link: documentPath(document),
      actorId: move.actorId,
      docId: document.id,
    });
  }
}
