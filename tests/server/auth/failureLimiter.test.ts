import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../../server/auth/rateLimit';

describe('in-memory failure limiter (one instance alone)', () => {
  it('counts failures in a sliding window: blocked while `limit` failures lie within the last window', async () => {
    const limiter = new FailureLimiter(3, 1_000);
    for (const at of [0, 900, 950]) await limiter.fail('k', at);
    expect(await limiter.isBlocked('k', 960)).toBe(true);
    // The failure at 0 has left the window; the other two have not.
    expect(await limiter.isBlocked('k', 1_000)).toBe(false);
    await limiter.fail('k', 1_000);
    expect(await limiter.isBlocked('k', 1_001)).toBe(true);
  });

  it('keeps keys apart, and reset forgets one', async () => {
    const limiter = new FailureLimiter(2, 60_000);
    for (const key of ['a', 'a', 'b']) await limiter.fail(key, 0);
    expect(await limiter.isBlocked('a', 1)).toBe(true);
    expect(await limiter.isBlocked('b', 1)).toBe(false);
    await limiter.reset('a');
    expect(await limiter.isBlocked('a', 1)).toBe(false);
  });
});
