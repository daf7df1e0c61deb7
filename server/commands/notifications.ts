import type { Notification } from '../../shared/schemas/rounds';
import type { AppDeps } from '../deps';

/** GET /api/notifications — the caller's latest 100 and the unread count. */
export async function listNotifications(deps: Pick<AppDeps, 'stores'>, userId: string) {
  const store = deps.stores.rounds;
  return {
    unread: await store.unreadCount(userId),
    items: (await store.notifications(userId)).map((row): Notification => ({
      id: row.id,
      kind: row.kind as Notification['kind'],
      text: row.text,
      link: row.link,
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? 'Verwijderd account' } : null,
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
