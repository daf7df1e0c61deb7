import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/database';
import { DEFAULT_EMAIL_NOTIFICATIONS, type EmailNotifications } from '../../shared/domain/mail';

/** Queries on `mail_preferences` and the unsubscribe key in `mail_keys`. */
export function createMailPreferenceStore(db: Executor) {
  return {
    /** The person's choice; `daily` when they never made one. */
    async get(userId: string): Promise<EmailNotifications> {
      const row = await db
        .selectFrom('mail_preferences')
        .select('email_notifications')
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row?.email_notifications ?? DEFAULT_EMAIL_NOTIFICATIONS;
    },
    /** Sets the person's choice. */
    async set(userId: string, choice: EmailNotifications): Promise<void> {
      await db
        .insertInto('mail_preferences')
        .values({ user_id: userId, email_notifications: choice })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ email_notifications: choice }))
        .execute();
    },
    /** The unsubscribe links' key: made once by whichever instance asks first, then the same for all. */
    async unsubscribeKey(): Promise<Uint8Array> {
      await db
        .insertInto('mail_keys')
        .values({ name: 'unsubscribe', secret: randomBytes(32) })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('mail_keys')
        .select('secret')
        .where('name', '=', 'unsubscribe')
        .executeTakeFirstOrThrow();
      return row.secret;
    },
  };
}

export type MailPreferenceStore = ReturnType<typeof createMailPreferenceStore>;
