import { z } from 'zod';
import { DEFAULT_HOURS_PER_ECTS } from '../../shared/domain/design/types';
import { SIGNUP_MODES } from '../../shared/domain/signupPolicy';

/** A domain (`school.nl`) or all its subdomains (`*.school.nl`). */
const SIGNUP_DOMAIN = /^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/;

/** Sessions, logins, sign-up and the study-load norm. */
export const accountsSettings = {
  /** A session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
  /** A session ends this many days after login, however active. */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  /**
   * Wrong passwords (at login, password change and account deletion) allowed for one account from
   * one client address within LOGIN_WINDOW_MINUTES; then 429 for that account from that address
   * only, so nobody elsewhere can lock its owner out. An IPv6 address counts by its /64.
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Wrong passwords allowed from one client address within the window, across accounts (then 429). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** New accounts allowed per address per hour. */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Who may create an account: `open` (default) everyone; `closed` nobody (operators use `npm run
   * admin -- create-user`); `domains` addresses of SIGNUP_DOMAINS. Closed or another domain gets 403;
   * someone holding a valid team invite or feedback link may always sign up through it.
   */
  SIGNUP: z.enum(SIGNUP_MODES).default('open'),
  /**
   * With SIGNUP=domains, comma-separated: `school.nl` admits exactly `…@school.nl` (any case),
   * `*.school.nl` its subdomains (`…@mail.school.nl`), not school.nl itself.
   */
  SIGNUP_DOMAINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(SIGNUP_DOMAIN, 'SIGNUP_DOMAINS entries look like school.nl or *.school.nl')),
    ),
  /**
   * People one user may add to teams by e-mail per hour (`POST /api/teams/:id/members`), hits and
   * misses alike: an answer says whether an e-mail has an account, so this bounds that probing and
   * adding strangers in bulk. Invite links are not counted.
   */
  MEMBER_ADDS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Hours of study load per ECTS, for the study-load sum and rule R3's message. The seeds give sizes
   * in ECTS only; the default is de gangbare Nederlandse norm (28 uur per ECTS). A lab that counts
   * 25 or 30 hours sets it here; it changes no stored design, only how hours and ECTS compare.
   */
  HOURS_PER_ECTS: z.coerce.number().int().min(20).max(40).default(DEFAULT_HOURS_PER_ECTS),
};
