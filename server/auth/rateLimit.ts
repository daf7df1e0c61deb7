/**
 * Counts failures per key (an account's e-mail, a client address) and says when a key has used up
 * its allowance. Async because the shared implementation asks Redis.
 */
export interface Limiter {
  /** Whether `key` has used up its failures in the current window. */
  isBlocked(key: string): Promise<boolean>;
  /** Records a failure for `key`. */
  fail(key: string): Promise<void>;
  /** Forgets `key` (after a successful login). */
  reset(key: string): Promise<void>;
}

/**
 * Sliding-window counter of failures per key, in this process's memory: one instance alone, or an
 * instance's own count while Redis is unreachable. A restart forgetting the counts is acceptable.
 */
export class FailureLimiter implements Limiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Whether `key` has used up its failures in the current window. */
  isBlocked(key: string, now = Date.now()): Promise<boolean> {
    return Promise.resolve(this.recent(key, now).length >= this.limit);
  }

  /** Records a failure for `key`. */
  fail(key: string, now = Date.now()): Promise<void> {
    const recent = this.recent(key, now);
    recent.push(now);
    this.failures.set(key, recent);
    if (this.failures.size > 100_000) this.prune(now);
    return Promise.resolve();
  }

  /** Forgets `key` (after a successful login). */
  reset(key: string): Promise<void> {
    this.failures.delete(key);
    return Promise.resolve();
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((time) => now - time < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((time) => now - time >= this.windowMs)) this.failures.delete(key);
    }
  }
}
