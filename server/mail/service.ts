import type { AppDeps } from '../deps';
import type { Env } from '../env';
import { log } from '../log';
import { mailNotifications } from './notificationMailer';
import { startMailSender, type MailSender } from './sender';

const HOUR_MS = 60 * 60 * 1000;
/** Sent and given-up rows (bodies already blanked) stay a week: what was sent when stays visible. */
const KEEP_FINISHED_MS = 7 * 24 * HOUR_MS;

/** Mail as the rest of the server sees it (`deps.mail`). */
export interface MailService {
  /** Whether SMTP_URL is set: only then is anything queued. */
  readonly enabled: boolean;
  /** The origin links in background mail start with: PUBLIC_ORIGIN, else where this server listens. */
  origin(): string;
  /** Sends queued mail soon; call after the transaction that queued it committed. */
  kick(): void;
  /** Turns due notifications into mail now (what the timer does); resolves with the mails queued. */
  runNotifications(now?: number): Promise<number>;
  /** Sends what is due now; resolves with the number sent. */
  flush(): Promise<number>;
}

/** A mail service with its timers, started by startServer. */
export interface RunningMail extends MailService {
  /** Sets the origin once the server listens (without PUBLIC_ORIGIN, the port is known only then). */
  listening(origin: string): void;
  stop(): Promise<void>;
}

/** Mail off: nothing is queued or sent (tests that build deps by hand, SMTP_URL unset). */
export const NO_MAIL: MailService = {
  enabled: false,
  origin: () => 'http://localhost',
  kick: () => {},
  runNotifications: () => Promise.resolve(0),
  flush: () => Promise.resolve(0),
};

/**
 * Starts sending mail from the outbox (with SMTP_URL) and turning notifications into mail every
 * MAIL_NOTIFY_SECONDS. Without SMTP_URL the notification job still runs, marking them handled, so
 * turning mail on later does not send a backlog.
 */
export function startMail(
  deps: Pick<AppDeps, 'stores' | 'transaction'>,
  env: Pick<
    Env,
    | 'SMTP_URL'
    | 'MAIL_FROM'
    | 'MAIL_RETRY_SECONDS'
    | 'MAIL_NOTIFY_SECONDS'
    | 'MAIL_DIGEST_HOUR'
    | 'PUBLIC_ORIGIN'
  >,
): RunningMail {
  let origin = env.PUBLIC_ORIGIN ?? 'http://localhost';
  let key: Promise<Uint8Array> | undefined;
  const sender: MailSender | undefined = env.SMTP_URL
    ? startMailSender(deps.stores.mailOutbox, {
        smtpUrl: env.SMTP_URL,
        from: env.MAIL_FROM,
        retryMs: env.MAIL_RETRY_SECONDS * 1000,
      })
    : undefined;
  // Runs one after another: a call during a run waits for it, then runs with its own `now`.
  let notifying: Promise<unknown> = Promise.resolve();
  const notifyOnce = async (now: number): Promise<number> => {
    try {
      const queued = await mailNotifications(
        deps,
        {
          enabled: sender !== undefined,
          origin,
          digestHour: env.MAIL_DIGEST_HOUR,
          unsubscribeKey: () => (key ??= deps.stores.mailPreferences.unsubscribeKey()),
        },
        now,
      );
      if (queued > 0) sender?.kick();
      return queued;
    } catch (error) {
      key = undefined;
      log.error('turning notifications into mail failed', { error: String(error) });
      return 0;
    }
  };
  let waiting = 0;
  const runNotifications = (now?: number): Promise<number> => {
    waiting++;
    const run = notifying.then(() => {
      waiting--;
      return notifyOnce(now ?? Date.now());
    });
    notifying = run;
    return run;
  };
  // A tick while a run waits is dropped: the waiting run does its work.
  const tick = () => {
    if (waiting === 0) void runNotifications();
  };
  const notifyTimer = setInterval(tick, env.MAIL_NOTIFY_SECONDS * 1000);
  notifyTimer.unref();
  const sweepTimer = setInterval(
    () =>
      void deps.stores.mailOutbox
        .deleteFinishedBefore(Date.now() - KEEP_FINISHED_MS)
        .catch((error: unknown) => {
          log.warn('could not remove old outbox rows', { error: String(error) });
        }),
    HOUR_MS,
  );
  sweepTimer.unref();
  return {
    enabled: sender !== undefined,
    origin: () => origin,
    kick: () => sender?.kick(),
    runNotifications,
    flush: () => sender?.runOnce() ?? Promise.resolve(0),
    listening: (own) => {
      origin = env.PUBLIC_ORIGIN ?? own;
    },
    stop: async () => {
      clearInterval(notifyTimer);
      clearInterval(sweepTimer);
      await notifying;
      await sender?.stop();
    },
  };
}
