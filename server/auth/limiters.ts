import type { Redis } from 'ioredis';
import type { Env } from '../env';
import { AttemptLimiter, type Limiter } from './rateLimit';
import { RedisAttemptLimiter } from './redisLimiter';

const HOUR_MS = 60 * 60 * 1000;

/** The password, sign-up and member-add limits (`deps.limiters`); see passwordAttempt.ts for how they combine. */
export interface Limiters {
  /**
   * Wrong passwords for one account from one address. Keyed by both, so a stranger elsewhere who
   * guesses at an account uses up only their own attempts, never its owner's.
   */
  passwordByAccountAddress: Limiter;
  /** Wrong passwords from one address, whatever the account (one address spraying many). */
  passwordByAddress: Limiter;
  /** New accounts from one address. */
  signupByAddress: Limiter;
  /** Members added by e-mail, per acting user. */
  memberAddsByUser: Limiter;
  /** Password-reset mails per e-mail address (known or not: the same count, so it tells nothing). */
  resetMailsByEmail: Limiter;
  /** Password-reset requests per client address. */
  resetRequestsByAddress: Limiter;
}

/** The settings the limits read. */
export type LimiterSettings = Pick<
  Env,
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  | 'LOGIN_MAX_FAILURES_PER_ADDRESS'
  | 'LOGIN_WINDOW_MINUTES'
  | 'SIGNUPS_PER_ADDRESS_PER_HOUR'
  | 'MEMBER_ADDS_PER_USER_PER_HOUR'
  | 'RESET_MAILS_PER_EMAIL_PER_HOUR'
  | 'RESET_REQUESTS_PER_ADDRESS_PER_HOUR'
>;

/** The limits from `env`: shared through `redis` when given (a cluster), else in this process's memory. */
export function createLimiters(env: LimiterSettings, redis?: Redis): Limiters {
  const loginWindowMs = env.LOGIN_WINDOW_MINUTES * 60_000;
  // The property name is also the Redis key prefix, so the limits never count each other's attempts.
  const limiter = (name: keyof Limiters, limit: number, windowMs: number): Limiter =>
    redis ? new RedisAttemptLimiter(redis, { name, limit, windowMs }) : new AttemptLimiter(limit, windowMs);
  return {
    passwordByAccountAddress: limiter(
      'passwordByAccountAddress',
      env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginWindowMs,
    ),
    passwordByAddress: limiter('passwordByAddress', env.LOGIN_MAX_FAILURES_PER_ADDRESS, loginWindowMs),
    signupByAddress: limiter('signupByAddress', env.SIGNUPS_PER_ADDRESS_PER_HOUR, HOUR_MS),
    memberAddsByUser: limiter('memberAddsByUser', env.MEMBER_ADDS_PER_USER_PER_HOUR, HOUR_MS),
    resetMailsByEmail: limiter('resetMailsByEmail', env.RESET_MAILS_PER_EMAIL_PER_HOUR, HOUR_MS),
    resetRequestsByAddress: limiter(
      'resetRequestsByAddress',
      env.RESET_REQUESTS_PER_ADDRESS_PER_HOUR,
      HOUR_MS,
    ),
  };
}

/**
 * The key a client address is counted under: an IPv6 address by its /64 (one subscriber's
 * network: one line or one cloud host gets a whole /64, so single addresses cost an attacker
 * nothing), an IPv4-mapped one as the IPv4 address it is.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.padStart(4, '0'))
    .join(':')}::/64`;
}
