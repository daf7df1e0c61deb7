import { afterEach, describe, expect, it } from 'vitest';
import { requestFrom } from '../../support/fromAddress';
import { startTestServer, type TestServer, type TestUser } from '../../support/server';

/**
 * Every route that asks for the current password counts a wrong one under the login limits: a
 * stolen session cannot be used to guess the password (to change it, or to delete the account).
 */

const LIMIT = 3;
let server: TestServer;

afterEach(async () => {
  await server?.close();
});

async function start(): Promise<void> {
  server = await startTestServer({
    LOGIN_MAX_FAILURES_PER_ACCOUNT: String(LIMIT),
    LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
  });
}

/** The routes that check the current password, as a request with the password given. */
const CHECKS = {
  'password change': (user: TestUser, password: string) =>
    server.request('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: password, newPassword: 'een nieuw wachtwoord' },
    }),
  'account deletion': (user: TestUser, password: string) =>
    server.request('DELETE', '/api/me', { cookie: user.cookie, body: { password } }),
};

describe.each(Object.entries(CHECKS))('%s', (_, check) => {
  it(`429 with a Dutch message after ${LIMIT} wrong passwords, even with the right one; nothing changed`, async () => {
    await start();
    const user = await server.signUp('Sessie Gestolen');
    for (let i = 0; i < LIMIT; i++) expect((await check(user, `gok nummer ${i}`)).status).toBe(403);
    const limited = await check(user, user.password);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/^Te vaak een verkeerd wachtwoord/) },
    });
    // Neither changed the password nor deleted the account: the old password still opens it.
    expect((await server.request('GET', '/api/me', { cookie: user.cookie })).status).toBe(200);
    const elsewhere = await requestFrom('127.0.0.2', server.url, 'POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(elsewhere.status).toBe(200);
  });

  it('parallel guesses: exactly the limit are checked', async () => {
    await start();
    const user = await server.signUp('Parallel Gegokt');
    const statuses = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => (await check(user, `gok ${i}`)).status),
    );
    expect(statuses.filter((status) => status === 403)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10 - LIMIT);
  });

  it('counts together with the login: guesses here use up the logins from this address', async () => {
    await start();
    const user = await server.signUp('Samen Geteld');
    for (let i = 0; i < LIMIT; i++) expect((await check(user, `gok ${i}`)).status).toBe(403);
    const login = await server.request('POST', '/api/auth/login', {
      body: { email: user.email, password: user.password },
    });
    expect(login.status).toBe(429);
  });
});
