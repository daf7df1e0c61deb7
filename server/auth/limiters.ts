import type { Redis } from 'ioredis';
import type { Env } from '../env';
import { FailureLimiter, type Limiter } from './rateLimit';
import { RedisFailureLimiter } from './redisLimiter';

const HOUR_MS = 60 * 60 * 1000;

/** The login and sign-up limits (`deps.limiters`). */
export interface Limiters {
  loginByAccount: Limiter;
  loginByAddress: Limiter;
  signupByAddress: Limiter;
}

/** The settings the limits read. */
export type LimiterSettings = Pick<
  Env,
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  | 'LOGIN_MAX_FAILURES_PER_ADDRESS'
  | 'LOGIN_WINDOW_MINUTES'
  | 'SIGNUPS_PER_ADDRESS_PER_HOUR'
>;

/** The limits from `env`: shared through `redis` when given (a cluster), else in this process's memory. */
export function createLimiters(env: LimiterSettings, redis?: Redis): Limiters {
  const loginWindowMs = env.LOGIN_WINDOW_MINUTES * 60_000;
  // The property name is also the Redis key prefix, so the three never count each other's failures.
  const limiter = (name: keyof Limiters, limit: number, windowMs: number): Limiter =>
    redis ? new RedisFailureLimiter(redis, { name, limit, windowMs }) : new FailureLimiter(limit, windowMs);
  return {
    loginByAccount: limiter('loginByAccount', env.LOGIN_MAX_FAILURES_PER_ACCOUNT, loginWindowMs),
    loginByAddress: limiter('loginByAddress', env.LOGIN_MAX_FAILURES_PER_ADDRESS, loginWindowMs),
    signupByAddress: limiter('signupByAddress', env.SIGNUPS_PER_ADDRESS_PER_HOUR, HOUR_MS),
  };
}
