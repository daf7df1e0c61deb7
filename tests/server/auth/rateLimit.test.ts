import { afterEach, describe, expect, it } from 'vitest';
import type { Env } from '../../../server/env';
import { requestFrom } from '../../support/fromAddress';
import { redisForFile } from '../../support/redisForFile';
import { startTestServer, uniqueEmail, type TestServer } from '../../support/server';
import { TEST_ENGINE } from '../../support/testEngine';

const MAX_PER_ACCOUNT = 3;
const MAX_PER_ADDRESS = 4;

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const redis = redisForFile();

/**
 * Where the limits count: in the server's memory, and — where the server has PostgreSQL, which
 * REDIS_URL needs — in a throwaway Redis, as a cluster's instances do.
 */
const BACKENDS = TEST_ENGINE === 'postgres' ? (['memory', 'redis'] as const) : (['memory'] as const);
let backend: (typeof BACKENDS)[number] = 'memory';

async function start(overrides: Partial<Record<keyof Env, string>>): Promise<TestServer> {
  let shared = {};
  if (backend === 'redis') {
    const started = await redis();
    // Every test's clients come from 127.0.0.1: counts of the last test must not carry over.
    expect(await started.command('FLUSHALL')).toBe('+OK');
    shared = { REDIS_URL: started.url };
  }
  server = await startTestServer({ ...shared, ...overrides });
  return server;
}

async function login(email: string, password: string): Promise<{ status: number; body: unknown }> {
  const response = await server!.request('POST', '/api/auth/login', { body: { email, password } });
  return { status: response.status, body: await response.json() };
}

describe('login rate limit per account', () => {
  it('429 with a Dutch message after LOGIN_MAX_FAILURES_PER_ACCOUNT failures, even with the right password', async () => {
    await start({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_PER_ACCOUNT),
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
    const user = await server!.signUp('Geblokkeerd');
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
      expect((await login(user.email, 'fout wachtwoord')).status).toBe(401);
    }
    const blocked = await login(user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/Te veel inlogpogingen/) },
    });
    // Another account from the same address is not affected.
    const other = await server!.signUp('Niet Geblokkeerd');
    expect((await login(other.email, other.password)).status).toBe(200);
  });

  it('an e-mail without an account gets exactly the same answers: nothing reveals who is registered', async () => {
    await start({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_PER_ACCOUNT),
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
    const registered = await server!.signUp('Wel Geregistreerd');
    const unknown = uniqueEmail('nooit-geregistreerd');

    const answers = { registered: [] as unknown[], unknown: [] as unknown[] };
    for (let i = 0; i <= MAX_PER_ACCOUNT; i++) {
      answers.registered.push(await login(registered.email, 'fout wachtwoord'));
      answers.unknown.push(await login(unknown, 'fout wachtwoord'));
    }
    expect(answers.unknown).toEqual(answers.registered);
    expect(answers.registered.map((answer) => (answer as { status: number }).status)).toEqual([
      ...Array<number>(MAX_PER_ACCOUNT).fill(401),
      429,
    ]);
  });

  it('counts the account case-insensitively (e-mail addresses are)', async () => {
    await start({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(MAX_PER_ACCOUNT),
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
    const user = await server!.signUp('Hoofdletters');
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) {
      const spelling = i % 2 === 0 ? user.email.toUpperCase() : user.email;
      expect((await login(spelling, 'fout wachtwoord')).status).toBe(401);
    }
    expect((await login(user.email, user.password)).status).toBe(429);
  });
});

describe('login rate limit per address', () => {
  it('429 after LOGIN_MAX_FAILURES_PER_ADDRESS failures from one address, across accounts', async () => {
    await start({
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_PER_ADDRESS),
    });
    const user = await server!.signUp('Adres Test');
    for (let i = 0; i < MAX_PER_ADDRESS; i++) {
      expect((await login(uniqueEmail(`poging-${i}`), 'fout wachtwoord')).status).toBe(401);
    }
    const blocked = await login(user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/Te veel/) },
    });
  });
});

describe('sign-up rate limit per address', () => {
  it('429 with a Dutch message after SIGNUPS_PER_ADDRESS_PER_HOUR new accounts', async () => {
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '2' });
    await server!.signUp('Eerste');
    await server!.signUp('Tweede');
    const response = await server!.request('POST', '/api/auth/signup', {
      body: { email: uniqueEmail('derde'), password: 'lang genoeg wachtwoord', name: 'Derde' },
    });
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/Te veel nieuwe accounts/) },
    });
  });
});

/** A second client address (see requestFrom): someone who is not the account's owner. */
const STRANGER = '127.0.0.2';

describe.each(BACKENDS)('limits counted in %s', (name) => {
  afterEach(() => {
    backend = 'memory';
  });
  const use = () => {
    backend = name;
  };

  it('a stranger guessing from another address is stopped, and the owner still logs in from theirs', async () => {
    use();
    await start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const owner = await server!.signUp('Eigenaar Met Belager');
    const guess = () =>
      requestFrom(STRANGER, server!.url, 'POST', '/api/auth/login', {
        body: { email: owner.email, password: 'geraden wachtwoord' },
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await guess()).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // The right password does not help the stranger's address either: it is out of attempts.
    const stranger = await requestFrom(STRANGER, server!.url, 'POST', '/api/auth/login', {
      body: { email: owner.email, password: owner.password },
    });
    expect(stranger.status).toBe(429);

    expect((await login(owner.email, owner.password)).status).toBe(200);
    // A typo of the owner's own still has its full allowance.
    expect((await login(owner.email, 'tikfout')).status).toBe(401);
    expect((await login(owner.email, owner.password)).status).toBe(200);
  });

  it('parallel guesses are counted before the check: exactly the limit get an answer, the rest 429', async () => {
    use();
    await start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const user = await server!.signUp('Parallel Geraden');
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async () => (await login(user.email, 'parallel geraden')).status),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(9);
  });

  it('parallel guesses at many accounts from one address: the address limit holds as exactly', async () => {
    use();
    await start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '1000', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
    const statuses = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => (await login(uniqueEmail(`spray-${i}`), 'fout')).status),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(4);
  });

  it('a successful login gives its attempt back: logging in often is no failure', async () => {
    use();
    await start({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '2', LOGIN_MAX_FAILURES_PER_ADDRESS: '2' });
    const user = await server!.signUp('Vaak Ingelogd');
    for (let i = 0; i < 6; i++) expect((await login(user.email, user.password)).status).toBe(200);
  });

  it('parallel sign-ups from one address: exactly SIGNUPS_PER_ADDRESS_PER_HOUR succeed', async () => {
    use();
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '2' });
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const response = await server!.request('POST', '/api/auth/signup', {
          body: { email: uniqueEmail(`tegelijk-${i}`), password: 'lang genoeg wachtwoord', name: 'Tegelijk' },
        });
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });
});
