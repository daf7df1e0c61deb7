import type { Notification } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';
import { renderNotificationText } from '../presenters/notificationText';
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
