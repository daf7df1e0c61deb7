import type { Executor } from '../db/database';
import { DEFAULT_EMAIL_NOTIFICATIONS, type EmailNotifications } from '../../shared/domain/mail';

/** A notification to be mailed, with who caused it and where. */
export interface MailableNotification {
  id: number;
  kind: string;
  text: string;
  link: string;
  /** The message it is about, unless deleted (a mention's body, with its `@[Naam](id)` markup). */
  commentBody: string | null;
  actorId: string | null;
  actorName: string | null;
  docId: string | null;
  docTitle: string | null;
  createdAt: number;
}

/** Someone with notifications not yet mailed. */
export interface PendingRecipient {
  userId: string;
  email: string;
  choice: EmailNotifications;
  oldestAt: number;
}

/** Queries on `notifications` for the mail job (`mailed_at`). */
export function createMailNotificationStore(db: Executor) {
  return {
    /** Everyone with unhandled notifications (a partial index holds only those), with their choice. */
    async pendingRecipients(): Promise<PendingRecipient[]> {
      const rows = await db
        .selectFrom('notifications as n')
        .innerJoin('users as u', 'u.id', 'n.user_id')
        .leftJoin('mail_preferences as p', 'p.user_id', 'n.user_id')
        .select(['n.user_id', 'u.email', 'u.deleted_at', 'u.disabled_at', 'p.email_notifications'])
        .select((eb) => eb.fn.min('n.created_at').as('oldest_at'))
        .where('n.mailed_at', 'is', null)
        .groupBy(['n.user_id', 'u.email', 'u.deleted_at', 'u.disabled_at', 'p.email_notifications'])
        .execute();
      return rows.map((row) => ({
        userId: row.user_id,
        email: row.email,
        // A deleted or disabled account gets no mail; its notifications are just marked handled.
        choice:
          row.deleted_at !== null || row.disabled_at !== null
            ? 'off'
            : (row.email_notifications ?? DEFAULT_EMAIL_NOTIFICATIONS),
        oldestAt: Number(row.oldest_at),
      }));
    },
    /**
     * Marks the person's unhandled notifications handled and returns them, oldest first. One UPDATE
     * claims them: of two instances doing this at once, the second gets none.
     */
    async claim(userId: string, now = Date.now()): Promise<MailableNotification[]> {
      const claimed = await db
        .updateTable('notifications')
        .set({ mailed_at: now })
        .where('user_id', '=', userId)
        .where('mailed_at', 'is', null)
        .returning('id')
        .execute();
      if (claimed.length === 0) return [];
      const rows = await db
        .selectFrom('notifications as n')
        .leftJoin('users as a', 'a.id', 'n.actor_id')
        .leftJoin('documents as d', 'd.id', 'n.doc_id')
        .leftJoin('comments as c', (join) =>
          join.onRef('c.id', '=', 'n.comment_id').on('c.deleted_at', 'is', null),
        )
        .select([
          'n.id',
          'n.kind',
          'n.text',
          'n.link',
          'c.body as comment_body',
          'n.actor_id',
          'a.name as actor_name',
          'n.doc_id',
          'd.title as doc_title',
          'n.created_at',
        ])
        .where(
          'n.id',
          'in',
          claimed.map((row) => row.id),
        )
        .orderBy('n.id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        text: row.text,
        link: row.link,
        commentBody: row.comment_body,
        actorId: row.actor_id,
        actorName: row.actor_name,
        docId: row.doc_id,
        docTitle: row.doc_title,
        createdAt: row.created_at,
      }));
    },
  };
}

export type MailNotificationStore = ReturnType<typeof createMailNotificationStore>;
