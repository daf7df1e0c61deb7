import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLimiters, type LimiterSettings, type Limiters } from '../../../server/auth/limiters';
import { REDIS_LIMITER_RETRY_MS, REDIS_LIMITER_TIMEOUT_MS } from '../../../server/auth/redisLimiter';
import { setLogLevel } from '../../../server/log';
import { startRedis, type TestRedis } from '../../support/redis';

const SETTINGS: LimiterSettings = {
  LOGIN_MAX_FAILURES_PER_ACCOUNT: 5,
  LOGIN_MAX_FAILURES_PER_ADDRESS: 30,
  LOGIN_WINDOW_MINUTES: 15,
  SIGNUPS_PER_ADDRESS_PER_HOUR: 20,
  MEMBER_ADDS_PER_USER_PER_HOUR: 20,
  RESET_MAILS_PER_EMAIL_PER_HOUR: 3,
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR: 20,
};

/** Longest a check may take while Redis is down or hung: the timeout plus scheduling slack. */
const QUICK_MS = REDIS_LIMITER_TIMEOUT_MS + 500;

let redis: TestRedis;
let clients: Redis[] = [];

beforeAll(async () => {
  // The outage tests make the limiters warn; that is expected here.
  setLogLevel('silent');
  redis = await startRedis();
});

afterEach(async () => {
  for (const client of clients) client.disconnect();
  clients = [];
  // Running and empty again for the next test, whatever this one did to it.
  redis.resume();
  await redis.restart();
});

afterAll(async () => {
  await redis?.stop();
});

/** What one Werkplaats instance holds: its own Redis client and its own limiters. */
async function instance(settings = SETTINGS): Promise<Limiters> {
  const client = new Redis(redis.url);
  // ioredis reports every failed reconnect as an error event; unheard, it prints each one.
  client.on('error', () => {});
  clients.push(client);
  await new Promise((resolve) => client.once('ready', resolve));
  return createLimiters(settings, client);
}

async function timed<T>(check: () => Promise<T>): Promise<{ answer: T; ms: number }> {
  const started = performance.now();
  const answer = await check();
  return { answer, ms: performance.now() - started };
}

describe('limits shared through Redis', () => {
  it('30 failed logins from one address split over two instances block the 31st on both', async () => {
    const [a, b] = [await instance(), await instance()];
    const address = randomUUID();
    for (let i = 0; i < 29; i++) await (i % 2 === 0 ? a : b).passwordByAddress.attempt(address);
    expect(await a.passwordByAddress.isBlocked(address)).toBe(false);
    expect(await b.passwordByAddress.isBlocked(address)).toBe(false);
    await b.passwordByAddress.attempt(address);
    expect(await a.passwordByAddress.isBlocked(address)).toBe(true);
    expect(await b.passwordByAddress.isBlocked(address)).toBe(true);
  });

  it('a reset on one instance (a successful login) clears the count for every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const account = `${randomUUID()}@werkplaats.test`;
    for (let i = 0; i < 5; i++) await (i % 2 === 0 ? a : b).passwordByAccountAddress.attempt(account);
    expect(await a.passwordByAccountAddress.isBlocked(account)).toBe(true);
    await b.passwordByAccountAddress.reset(account);
    expect(await a.passwordByAccountAddress.isBlocked(account)).toBe(false);
    expect(await b.passwordByAccountAddress.isBlocked(account)).toBe(false);
  });

  it('the three limiters keep their own counts for the same key', async () => {
    const equal = { ...SETTINGS, LOGIN_MAX_FAILURES_PER_ADDRESS: 5, SIGNUPS_PER_ADDRESS_PER_HOUR: 5 };
    const limiters = await instance(equal);
    const key = randomUUID();
    for (let i = 0; i < 5; i++) await limiters.passwordByAccountAddress.attempt(key);
    expect(await limiters.passwordByAccountAddress.isBlocked(key)).toBe(true);
    expect(await limiters.passwordByAddress.isBlocked(key)).toBe(false);
    expect(await limiters.signupByAddress.isBlocked(key)).toBe(false);
  });

  it('40 parallel attempts on two instances: exactly the limit go ahead (checked and counted at once)', async () => {
    const [a, b] = [await instance(), await instance()];
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).passwordByAccountAddress.attempt(key)),
    );
    expect(answers.filter(Boolean)).toHaveLength(SETTINGS.LOGIN_MAX_FAILURES_PER_ACCOUNT);
  });

  it('a refund on one instance gives the attempt back on every instance', async () => {
    const [a, b] = [await instance(), await instance()];
    const key = randomUUID();
    for (let i = 0; i < 5; i++) expect(await a.passwordByAccountAddress.attempt(key)).toBe(true);
    expect(await b.passwordByAccountAddress.attempt(key)).toBe(false);
    // The refused attempt was counted in Redis (a fixed window): one refund does not undo a refusal.
    await a.passwordByAccountAddress.refund(key);
    await a.passwordByAccountAddress.refund(key);
    expect(await b.passwordByAccountAddress.attempt(key)).toBe(true);
    expect(await a.passwordByAccountAddress.attempt(key)).toBe(false);
  });

  it('a count ends with its window, also a window shorter than a second', async () => {
    const limiters = await instance({ ...SETTINGS, LOGIN_WINDOW_MINUTES: 0.005 });
    const account = randomUUID();
    for (let i = 0; i < 5; i++) await limiters.passwordByAccountAddress.attempt(account);
    expect(await limiters.passwordByAccountAddress.isBlocked(account)).toBe(true);
    // Redis expires keys in whole seconds: a 300 ms window lasts one second there.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await limiters.passwordByAccountAddress.isBlocked(account)).toBe(false);
  });

  it('stores neither e-mail nor client addresses in Redis', async () => {
    const limiters = await instance();
    const account = `${randomUUID()}@werkplaats.test`;
    await limiters.passwordByAccountAddress.attempt(account);
    const keys = await clients[0]!.keys('*');
    expect(keys.some((key) => key.startsWith('werkplaats:limit:passwordByAccountAddress:'))).toBe(true);
    expect(keys.filter((key) => key.includes(account))).toEqual([]);
  });
});

describe('Redis unreachable: each instance counts for itself', () => {
  it('stopped: checks answer at once from the own count, and sharing resumes when Redis is back', async () => {
    const [a, b] = [await instance(), await instance()];
    const account = `${randomUUID()}@werkplaats.test`;
    for (let i = 0; i < 5; i++) await a.passwordByAccountAddress.attempt(account);
    await redis.kill();
    await Promise.all(clients.map((client) => waitUntilDisconnected(client)));

    // a saw the failures itself; b did not: per instance, neither open to all nor closed to all.
    const onA = await timed(() => a.passwordByAccountAddress.isBlocked(account));
    const onB = await timed(() => b.passwordByAccountAddress.isBlocked(account));
    expect([onA.answer, onB.answer]).toEqual([true, false]);
    // Not even the timeout: a client that knows it is disconnected is not asked to queue the command.
    expect(Math.max(onA.ms, onB.ms)).toBeLessThan(REDIS_LIMITER_TIMEOUT_MS / 2);
    // Failures and resets during the outage answer quickly too, and still count on their instance.
    const other = randomUUID();
    const failing = await timed(async () => {
      for (let i = 0; i < 5; i++) await b.passwordByAccountAddress.attempt(other);
      await b.passwordByAccountAddress.reset(account);
    });
    expect(failing.ms).toBeLessThan(6 * QUICK_MS);
    expect(await b.passwordByAccountAddress.isBlocked(other)).toBe(true);

    // Restarted empty: once the clients reconnect (and the limiters retry), counts are shared again.
    await redis.restart();
    await Promise.all(clients.map((client) => waitUntilReady(client)));
    await sleep(REDIS_LIMITER_RETRY_MS);
    const address = randomUUID();
    for (let i = 0; i < 30; i++) await (i % 2 === 0 ? a : b).passwordByAddress.attempt(address);
    expect(await a.passwordByAddress.isBlocked(address)).toBe(true);
    expect(await b.passwordByAddress.isBlocked(address)).toBe(true);
  });

  it('hung (connection open, no answers): one check waits for the timeout, the next ones not at all', async () => {
    const [a, b] = [await instance(), await instance()];
    const account = `${randomUUID()}@werkplaats.test`;
    for (let i = 0; i < 5; i++) await a.passwordByAccountAddress.attempt(account);
    redis.pause();
    try {
      const onA = await timed(() => a.passwordByAccountAddress.isBlocked(account));
      const onB = await timed(() => b.passwordByAccountAddress.isBlocked(account));
      expect([onA.answer, onB.answer]).toEqual([true, false]);
      expect(Math.max(onA.ms, onB.ms)).toBeLessThan(QUICK_MS);
      expect(Math.min(onA.ms, onB.ms)).toBeGreaterThanOrEqual(REDIS_LIMITER_TIMEOUT_MS - 5);
      const again = await timed(() => a.passwordByAccountAddress.isBlocked(account));
      expect(again.answer).toBe(true);
      expect(again.ms).toBeLessThan(REDIS_LIMITER_TIMEOUT_MS / 2);
    } finally {
      redis.resume();
    }
    // Answering again: after the retry pause the shared count is back (b sees a's failures).
    await sleep(REDIS_LIMITER_RETRY_MS);
    expect(await b.passwordByAccountAddress.isBlocked(account)).toBe(true);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntilDisconnected(client: Redis): Promise<void> {
  if (client.status === 'ready') await new Promise((resolve) => client.once('close', resolve));
}

async function waitUntilReady(client: Redis): Promise<void> {
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
}
