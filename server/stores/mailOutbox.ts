import { sql, type Selectable } from 'kysely';
import type { Executor } from '../db/database';
import { isPostgres } from '../db/portable';
import type { MailOutboxTable } from '../db/schema';

/** A mail as it waits in the outbox. */
export type OutboxRow = Selectable<MailOutboxTable>;

/** A mail to queue. */
export interface QueuedMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Not sent after this moment (a reset link is useless after its hour). */
  expiresAt: number;
}

/** Queries on `mail_outbox`. */
export function createMailOutboxStore(db: Executor) {
  return {
    /** Queues a mail, due at once. */
    async enqueue(mail: QueuedMail, now = Date.now()): Promise<void> {
      await db
        .insertInto('mail_outbox')
        .values({
          kind: mail.kind,
          recipient: mail.to,
          subject: mail.subject,
          text_body: mail.text,
          html_body: mail.html,
          headers: JSON.stringify(mail.headers ?? {}),
          created_at: now,
          next_attempt_at: now,
          expires_at: mail.expiresAt,
        })
        .execute();
    },
    /**
     * Claims up to `limit` due mails for `leaseMs` and counts the attempt. On PostgreSQL the rows are
     * locked with SKIP LOCKED, so instances claiming at once each get other rows; a claim whose
     * instance died runs out and the row is due again. SQLite has one writer: the UPDATE is atomic.
     */
    async claimDue(limit: number, leaseMs: number, now = Date.now()): Promise<OutboxRow[]> {
      const lock = isPostgres(db) ? sql` FOR UPDATE SKIP LOCKED` : sql``;
      const result = await sql<OutboxRow>`
        UPDATE mail_outbox SET claimed_until = ${now + leaseMs}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM mail_outbox
          WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ${now}
            AND (claimed_until IS NULL OR claimed_until <= ${now})
          ORDER BY next_attempt_at, id
          LIMIT ${limit}${lock}
        )
        RETURNING *`.execute(db);
      return result.rows;
    },
    /** Marks a mail sent and blanks its bodies: links in them (reset tokens) leave the database. */
    async markSent(id: number, now = Date.now()): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ sent_at: now, claimed_until: null, text_body: '', html_body: '', last_error: null })
        .where('id', '=', id)
        .execute();
    },
    /** Schedules another attempt at `nextAttemptAt`. */
    async retryLater(id: number, nextAttemptAt: number, error: string): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({ next_attempt_at: nextAttemptAt, claimed_until: null, last_error: error.slice(0, 500) })
        .where('id', '=', id)
        .execute();
    },
    /** Gives up on a mail (refused for good, or past its expiry); its bodies are blanked. */
    async markFailed(id: number, error: string, now = Date.now()): Promise<void> {
      await db
        .updateTable('mail_outbox')
        .set({
          failed_at: now,
          claimed_until: null,
          text_body: '',
          html_body: '',
          last_error: error.slice(0, 500),
        })
        .where('id', '=', id)
        .execute();
    },
    /** Removes every mail to `address`, queued or sent (the account is deleted). */
    async forgetRecipient(address: string): Promise<void> {
      await db.deleteFrom('mail_outbox').where('recipient', '=', address).execute();
    },
    /** Removes mails sent or given up on before `before` (housekeeping). */
    async deleteFinishedBefore(before: number): Promise<void> {
      await db
        .deleteFrom('mail_outbox')
        .where((eb) => eb.or([eb('sent_at', '<', before), eb('failed_at', '<', before)]))
        .execute();
    },
  };
}

export type MailOutboxStore = ReturnType<typeof createMailOutboxStore>;
