import type { Executor } from '../../db/database';

/** An in-app notification, with the name of the user who caused it. */
export interface NotificationRow {
  id: number;
  user_id: string;
  kind: string;
  text: string;
  link: string;
  actor_id: string | null;
  actor_name: string | null;
  created_at: number;
  read_at: number | null;
}

/** Queries on `notifications`. */
export function notificationQueries(db: Executor) {
  return {
    async notify(notification: {
      userId: string;
      kind: string;
      text: string;
      link: string;
      actorId: string | null;
      docId: string | null;
      /** The message it is about (mention, reply): its mail quotes it. */
      commentId?: string | undefined;
    }): Promise<void> {
      await db
        .insertInto('notifications')
        .values({
          user_id: notification.userId,
          kind: notification.kind,
          text: notification.text,
          link: notification.link,
          actor_id: notification.actorId,
          doc_id: notification.docId,
          comment_id: notification.commentId ?? null,
          created_at: Date.now(),
        })
        .execute();
    },
    /** The user's latest 100 notifications, newest first. */
    notifications(userId: string): Promise<NotificationRow[]> {
      return db
        .selectFrom('notifications as n')
        .leftJoin('users as u', 'u.id', 'n.actor_id')
        .selectAll('n')
        .select('u.name as actor_name')
        .where('n.user_id', '=', userId)
        .orderBy('n.id', 'desc')
        .limit(100)
        .execute();
    },
    async unreadCount(userId: string): Promise<number> {
      const row = await db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    /** Marks some or all of the user's own unread notifications read; others' ids are ignored. */
    async markRead(userId: string, ids: number[] | 'all'): Promise<void> {
      if (ids !== 'all' && ids.length === 0) return;
      let update = db
        .updateTable('notifications')
        .set({ read_at: Date.now() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') update = update.where('id', 'in', ids);
      await update.execute();
    },
  };
}
