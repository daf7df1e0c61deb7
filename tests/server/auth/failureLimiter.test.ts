import { describe, expect, it } from 'vitest';
import { addressKey } from '../../../server/auth/limiters';
import { AttemptLimiter } from '../../../server/auth/rateLimit';

describe('in-memory attempt limiter (one instance alone)', () => {
  it('counts attempts in a sliding window: blocked while `limit` attempts lie within the last window', async () => {
    const limiter = new AttemptLimiter(3, 1_000);
    for (const at of [0, 900, 950]) await limiter.attempt('k', at);
    expect(await limiter.isBlocked('k', 960)).toBe(true);
    // The attempt at 0 has left the window; the other two have not.
    expect(await limiter.isBlocked('k', 1_000)).toBe(false);
    await limiter.attempt('k', 1_000);
    expect(await limiter.isBlocked('k', 1_001)).toBe(true);
  });

  it('keeps keys apart, and reset forgets one', async () => {
    const limiter = new AttemptLimiter(2, 60_000);
    for (const key of ['a', 'a', 'b']) await limiter.attempt(key, 0);
    expect(await limiter.isBlocked('a', 1)).toBe(true);
    expect(await limiter.isBlocked('b', 1)).toBe(false);
    await limiter.reset('a');
    expect(await limiter.isBlocked('a', 1)).toBe(false);
  });

  it('an attempt over the limit is refused and not counted; a refund gives one back', async () => {
    const limiter = new AttemptLimiter(2, 60_000);
    expect([
      await limiter.attempt('k', 0),
      await limiter.attempt('k', 1),
      await limiter.attempt('k', 2),
    ]).toEqual([true, true, false]);
    await limiter.refund('k');
    expect(await limiter.attempt('k', 3)).toBe(true);
    expect(await limiter.attempt('k', 4)).toBe(false);
  });

  it('parallel attempts each take a slot: exactly `limit` of them go ahead', async () => {
    const limiter = new AttemptLimiter(5, 60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => limiter.attempt('k')));
    expect(answers.filter(Boolean)).toHaveLength(5);
  });
});

describe('addressKey: what one client address is counted as', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:0db8:0001:0002::/64'],
    ['2001:db8:1:2::9', '2001:0db8:0001:0002::/64'],
    ['2001:DB8:1:2:ffff::1', '2001:0db8:0001:0002::/64'],
    ['2001:db8::1', '2001:0db8:0000:0000::/64'],
    ['::1', '0000:0000:0000:0000::/64'],
    ['fe80::1%eth0', 'fe80:0000:0000:0000::/64'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
