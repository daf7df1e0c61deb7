/**
 * Counts attempts per key (an account at an address, a client address) within a window. An attempt
 * is counted before the work it guards and says at once whether it may go ahead, so parallel
 * requests cannot all pass a count that none of them has raised yet. Async because the shared
 * implementation asks Redis.
 */
export interface Limiter {
  /** Counts an attempt for `key`: true when it is within the limit, false (not counted) when not. */
  attempt(key: string): Promise<boolean>;
  /** Takes one counted attempt back (it succeeded, or another limit refused it). */
  refund(key: string): Promise<void>;
  /** Forgets `key` (after a successful login). */
  reset(key: string): Promise<void>;
  /** Whether `key` has used up its attempts in the current window (counts nothing). */
  isBlocked(key: string): Promise<boolean>;
}

/**
 * Sliding-window counter of attempts per key, in this process's memory: one instance alone, or an
 * instance's own count while Redis is unreachable. A restart forgetting the counts is acceptable.
 * Check and count happen in one synchronous step, which is what makes an attempt atomic here.
 */
export class AttemptLimiter implements Limiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts an attempt for `key`: true when it is within the limit, false (not counted) when not. */
  attempt(key: string, now = Date.now()): Promise<boolean> {
    const recent = this.recent(key, now);
    if (recent.length >= this.limit) return Promise.resolve(false);
    recent.push(now);
    this.attempts.set(key, recent);
    if (this.attempts.size > 100_000) this.prune(now);
    return Promise.resolve(true);
  }

  /** Takes the latest counted attempt of `key` back. */
  refund(key: string): Promise<void> {
    const times = this.attempts.get(key);
    times?.pop();
    if (times?.length === 0) this.attempts.delete(key);
    return Promise.resolve();
  }

  /** Forgets `key` (after a successful login). */
  reset(key: string): Promise<void> {
    this.attempts.delete(key);
    return Promise.resolve();
  }

  /** Whether `key` has used up its attempts in the current window. */
  isBlocked(key: string, now = Date.now()): Promise<boolean> {
    return Promise.resolve(this.recent(key, now).length >= this.limit);
  }

  private recent(key: string, now: number): number[] {
    return (this.attempts.get(key) ?? []).filter((time) => now - time < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((time) => now - time >= this.windowMs)) this.attempts.delete(key);
    }
  }
}
