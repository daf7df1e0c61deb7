import type { AppDeps } from '../deps';
import { renderNotificationText } from '../presenters/notificationText';
import type { MailableNotification } from '../stores/mailNotifications';
import { messageExcerpt } from './excerpt';
import { digestMail, immediateNotificationMail, type MailNotice } from './messages';
import { renderMail } from './template';
import { UNSUBSCRIBE_PAGE, unsubscribeHeaders, unsubscribeToken } from './unsubscribe';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A notification mail not sent within two days is no longer news. */
const NOTIFICATION_MAIL_VALID_MS = 2 * DAY_MS;

/** What turning notifications into mail needs besides the stores. */
export interface NotificationMailContext {
  /** False without SMTP_URL: notifications are marked handled, nothing is queued. */
  enabled: boolean;
  /** Links start with this origin. */
  origin: string;
  /** Hour of the day (server time) the digest goes out. */
  digestHour: number;
  /** The unsubscribe links' key. */
  unsubscribeKey(): Promise<Uint8Array>;
}

/** The latest moment, at or before `now`, a daily digest was due. */
export function lastDigestMoment(now: number, digestHour: number): number {
  const moment = new Date(now);
  moment.setHours(digestHour, 0, 0, 0);
  return moment.getTime() <= now ? moment.getTime() : moment.getTime() - DAY_MS;
}

const noticeOf = (origin: string, row: MailableNotification): MailNotice => ({
  text: renderNotificationText(row.text, row.actorId ? row.actorName : null),
  where: row.docTitle,
  quote: row.commentBody ? messageExcerpt(row.commentBody) : undefined,
  url: `${origin}${row.link}`,
});

/**
 * Turns unhandled notifications into mail, per person's choice: `immediately` at once (one mail, a
 * list when several came together), `daily` in one digest once a digest moment has passed since
 * the oldest, `off` (and accounts deleted or disabled) never — theirs are just marked handled.
 * Each person's batch is claimed and queued in one transaction, so with several instances it is
 * mailed once. `now` decides only which digests are due. Returns the number of mails queued.
 */
export async function mailNotifications(
  deps: Pick<AppDeps, 'stores' | 'transaction'>,
  context: NotificationMailContext,
  now = Date.now(),
): Promise<number> {
  const digestDue = lastDigestMoment(now, context.digestHour);
  let queued = 0;
  for (const recipient of await deps.stores.mailNotifications.pendingRecipients()) {
    const mailed = context.enabled && recipient.choice !== 'off';
    if (mailed && recipient.choice === 'daily' && recipient.oldestAt >= digestDue) continue;
    const key = mailed ? await context.unsubscribeKey() : undefined;
    queued += await deps.transaction(async (tx) => {
      const rows = await tx.stores.mailNotifications.claim(recipient.userId);
      if (!key || rows.length === 0) return 0;
      const token = unsubscribeToken(key, recipient.userId);
      const links = {
        accountUrl: `${context.origin}/account`,
        unsubscribe: {
          label: 'Geen meldingen meer per mail',
          url: `${context.origin}${UNSUBSCRIBE_PAGE}${encodeURIComponent(token)}`,
        },
      };
      const notices = rows.map((row) => noticeOf(context.origin, row));
      const content =
        recipient.choice === 'daily' ? digestMail(notices, links) : immediateNotificationMail(notices, links);
      await tx.stores.mailOutbox.enqueue({
        kind: recipient.choice === 'daily' ? 'digest' : 'notification',
        to: recipient.email,
        ...renderMail(content),
        headers: unsubscribeHeaders(context.origin, token),
        expiresAt: Date.now() + NOTIFICATION_MAIL_VALID_MS,
      });
      return 1;
    });
  }
  return queued;
}
