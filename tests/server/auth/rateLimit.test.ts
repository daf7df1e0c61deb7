import { afterEach, describe, expect, it } from 'vitest';
import type { Env } from '../../../server/env';
import { startTestServer, uniqueEmail, type TestServer } from '../../support/server';

const MAX_PER_ACCOUNT = 3;
const MAX_PER_ADDRESS = 4;

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(overrides: Partial<Record<keyof Env, string>>): Promise<TestServer> {
  server = await startTestServer(overrides);
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
