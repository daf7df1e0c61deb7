import { z } from 'zod';

/** Outgoing mail and its limits. */
export const mailSettings = {
  /**
   * The SMTP server mail leaves through: `smtp://user:pass@host:port` (STARTTLS when the server
   * offers it; a server offering neither TLS nor login works too) or `smtps://…` (TLS from the
   * first byte, port 465). Unset: no mail at all — reset and invite links are copied by hand, the
   * UI promises no mail. Mail is queued in the database and sent by a background job, so a slow or
   * failing SMTP server never holds up a request.
   */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      if (!URL.canParse(value) || !/^smtps?:$/.test(new URL(value).protocol)) {
        ctx.addIssue({ code: 'custom', message: 'expected smtp://user:pass@host:port or smtps://…' });
        return z.NEVER;
      }
      return value;
    }),
  /** The From header of every mail, exactly as given: `Werkplaats <noreply@school.nl>`. */
  MAIL_FROM: z.string().min(3).default('Werkplaats <noreply@localhost>'),
  /**
   * Seconds before a failed mail is tried again; doubled per attempt up to an hour, given up after
   * two days (a reset mail after its link's hour). Lower only for tests.
   */
  MAIL_RETRY_SECONDS: z.coerce.number().positive().default(30),
  /**
   * How often notifications are turned into mail for people who chose `immediately`: a mention
   * reaches them within this time (plus sending). Each run is one indexed query when nothing is new.
   */
  MAIL_NOTIFY_SECONDS: z.coerce.number().positive().max(60).default(20),
  /** Hour of the day (server's time zone, TZ) the daily digest goes out. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Password-reset mails one address may ask for per hour; beyond it the answer stays 202, no mail. */
  RESET_MAILS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Password-reset requests one client address may make per hour (beyond it 429). */
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
};
