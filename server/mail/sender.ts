import type { Transporter } from 'nodemailer';
import { log } from '../log';
import type { MailOutboxStore, OutboxRow } from '../stores/mailOutbox';

/** How often the outbox is looked at when nobody kicked it (another instance queued, a retry fell due). */
const POLL_MS = 2_000;
/** Mails claimed per round. */
const BATCH = 20;
/**
 * How long a claim holds: longer than one send can take (the timeouts below), so a live sender
 * never loses its rows to another instance, yet a dead one's rows are due again in minutes.
 */
const LEASE_MS = 5 * 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** Settings of the sender. */
export interface MailSenderOptions {
  smtpUrl: string;
  from: string;
  /** First retry delay; doubled per attempt up to an hour. */
  retryMs: number;
}

/** The running sender. */
export interface MailSender {
  /** Looks at the outbox soon (after a commit that queued mail). */
  kick(): void;
  /** Sends what is due now; resolves with the number sent. */
  runOnce(): Promise<number>;
  /** Stops polling and waits for a round in progress. */
  stop(): Promise<void>;
}

/** Delay before attempt `attempts + 1`. */
export function retryDelay(retryMs: number, attempts: number): number {
  return Math.min(MAX_RETRY_MS, retryMs * 2 ** Math.max(0, attempts - 1));
}

/** An SMTP answer in the 5xx range: the server refuses this mail for good (no such mailbox). */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500;
}

/** Starts sending from the outbox: now, on every kick, and every couple of seconds. */
export function startMailSender(outbox: MailOutboxStore, options: MailSenderOptions): MailSender {
  // TLS is used whenever the server offers STARTTLS (or from the start with smtps://); a server
  // offering neither is spoken to in plain text. Short timeouts keep a hung server from holding a
  // claim. Pooled: a connection per mail cost ~110 ms against ~8 ms when reused (a digest morning).
  // nodemailer is loaded at the first mail: a server that sends none never holds its ~80 modules.
  let transport: Promise<Transporter> | undefined;
  const transportOf = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: options.smtpUrl,
        pool: true,
        maxConnections: 2,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      }),
    ));
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  const send = async (row: OutboxRow) => {
    const now = Date.now();
    if (row.expires_at <= now) {
      await outbox.markFailed(row.id, 'expired before it could be sent');
      return false;
    }
    try {
      const mailer = await transportOf();
      await mailer.sendMail({
        from: options.from,
        to: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        headers: JSON.parse(row.headers) as Record<string, string>,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const next = Date.now() + retryDelay(options.retryMs, row.attempts);
      if (permanent(error) || next >= row.expires_at) {
        log.warn('mail given up', { id: row.id, kind: row.kind, error: message });
        await outbox.markFailed(row.id, message);
      } else {
        log.warn('mail not sent, will retry', { id: row.id, kind: row.kind, error: message });
        await outbox.retryLater(row.id, next, message);
      }
      return false;
    }
    await outbox.markSent(row.id);
    return true;
  };

  const round = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      const rows = await outbox.claimDue(BATCH, LEASE_MS);
      for (const row of rows) if (await send(row)) sent++;
      if (rows.length < BATCH || stopped) return sent;
    }
  };

  const runOnce = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await round();
        } while (again && !stopped);
      } catch (error) {
        log.error('mail outbox round failed', { error: String(error) });
      } finally {
        running = undefined;
      }
      return total;
    })();
    return running;
  };

  const timer = setInterval(() => void runOnce(), POLL_MS);
  timer.unref();
  void runOnce();
  return {
    kick: () => void runOnce(),
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await transport?.then((mailer) => mailer.close());
    },
  };
}
