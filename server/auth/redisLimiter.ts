import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { log } from '../log';
import { AttemptLimiter, type Limiter } from './rateLimit';

/**
 * How long a call waits for Redis before answering from the instance's own count. Redis answers in
 * well under a millisecond; a login already spends ~100 ms in argon2, so this cannot make it hang.
 */
export const REDIS_LIMITER_TIMEOUT_MS = 250;

/**
 * After Redis failed to answer, calls go straight to the own count for this long: a hung Redis
 * then costs one login in a second the timeout, not every login, and commands do not pile up.
 */
export const REDIS_LIMITER_RETRY_MS = 1_000;

/** What a Redis-backed limiter counts. */
export interface RedisLimiterOptions {
  /** Distinguishes this limiter's keys from the others' (`werkplaats:limit:<name>:…`) and names it in logs. */
  name: string;
  /** Attempts allowed per key within the window. */
  limit: number;
  windowMs: number;
  timeoutMs?: number;
}

const UNAVAILABLE = Symbol('redis unavailable');

/**
 * Attempts counted in Redis, so every instance using it sees the same count. rate-limiter-flexible's
 * counter is a fixed window that starts at a key's first attempt (not a sliding one): a key is
 * blocked from its `limit`-th attempt until that window ends, and a burst straddling a window's end
 * can reach 2 × limit − 1 — the same long-run rate, which is what stops guessing.
 *
 * Redis unreachable or slow: the call answers from this instance's own sliding-window count, kept
 * alongside all along, so the limits hold per instance (N × limit across the cluster) instead of
 * failing open (no limit at all: an attacker's best moment) or closed (nobody can log in while Redis
 * is down, though logins need only PostgreSQL). rate-limiter-flexible's insuranceLimiter does the
 * same only from the first error on, waits on a hung connection, and cannot say that it took over.
 */
export class RedisAttemptLimiter implements Limiter {
  private readonly shared: RateLimiterRedis;
  private readonly local: AttemptLimiter;
  private readonly timeoutMs: number;
  /** Set while Redis is considered unavailable: until then, calls skip it. */
  private retryAt: number | undefined;

  /** `redis` must be a client in normal mode (not subscribed): the counts are Lua scripts and MULTIs. */
  constructor(
    redis: Redis,
    private readonly options: RedisLimiterOptions,
  ) {
    this.shared = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `werkplaats:limit:${options.name}`,
      points: options.limit,
      // Whole seconds, at least one: the library rounds down, and 0 would mean a key never expires.
      duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
      // While ioredis reconnects, a check fails at once instead of waiting in its offline queue.
      rejectIfRedisNotReady: true,
    });
    this.local = new AttemptLimiter(options.limit, options.windowMs);
    this.timeoutMs = options.timeoutMs ?? REDIS_LIMITER_TIMEOUT_MS;
  }

  /**
   * Counts an attempt for `key` across the cluster in one Lua script (check and count cannot be
   * split by another instance's attempt): true when it is within the limit.
   */
  async attempt(key: string): Promise<boolean> {
    const local = await this.local.attempt(key);
    const shared = await this.tryRedis(() =>
      this.shared.consume(storeKey(key)).then(
        () => true,
        (refusal: unknown) => {
          // The library refuses with the count (over the limit, counted all the same: the fixed
          // window ends when it would have anyway); anything else is Redis failing.
          if (refusal instanceof RateLimiterRes) return false;
          throw refusal;
        },
      ),
    );
    return shared === UNAVAILABLE ? local : shared;
  }

  /**
   * Takes one attempt back, here and in Redis. Should the key have expired since the attempt (the
   * window ended during one password check), this leaves one extra attempt in the next window.
   */
  async refund(key: string): Promise<void> {
    await this.local.refund(key);
    await this.tryRedis(() => this.shared.reward(storeKey(key), 1));
  }

  /** Forgets `key` on every instance (and here, for when Redis is down). */
  async reset(key: string): Promise<void> {
    await this.local.reset(key);
    await this.tryRedis(() => this.shared.delete(storeKey(key)));
  }

  /** Whether `key` has used up its attempts, counted across the cluster. */
  async isBlocked(key: string): Promise<boolean> {
    const counted = await this.tryRedis(() => this.shared.get(storeKey(key)));
    if (counted === UNAVAILABLE) return await this.local.isBlocked(key);
    return (counted?.consumedPoints ?? 0) >= this.options.limit;
  }

  private async tryRedis<T>(operation: () => Promise<T>): Promise<T | typeof UNAVAILABLE> {
    if (this.retryAt !== undefined && Date.now() < this.retryAt) return UNAVAILABLE;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      // race() keeps a handler on the operation, so its late rejection is not unhandled.
      const result = await Promise.race([operation(), timeout]);
      if (this.retryAt !== undefined) {
        this.retryAt = undefined;
        log.info('login limits shared through Redis again', { limiter: this.options.name });
      }
      return result;
    } catch (error) {
      if (this.retryAt === undefined) {
        log.warn('Redis unavailable: login limits count per instance until it answers', {
          limiter: this.options.name,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      this.retryAt = Date.now() + REDIS_LIMITER_RETRY_MS;
      return UNAVAILABLE;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A key as stored in Redis: hashed, so no e-mail address or client address sits in Redis. */
function storeKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
