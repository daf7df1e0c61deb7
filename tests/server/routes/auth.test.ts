import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sessionCookie,
  sessionTokenOf,
  startTestServer,
  TEST_PASSWORD,
  uniqueEmail,
  type TestServer,
  type TestUser,
} from '../../support/server';

let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  user = await server.signUp('Anna Account');
});

afterAll(async () => {
  await server.close();
});

async function post(path: string, body: unknown, cookie?: string) {
  const response = await server.request('POST', path, { body, cookie });
  const text = await response.text();
  return { status: response.status, response, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('POST /api/auth/signup', () => {
  it('no 401/403 case (public): 201 with { id, email, name } and a session that signs in', async () => {
    const email = uniqueEmail('Nieuw Account');
    const result = await post('/api/auth/signup', {
      email: ` ${email.toUpperCase()} `,
      password: TEST_PASSWORD,
      name: ' Nieuw ',
    });
    expect(result.status).toBe(201);
    // The e-mail is stored trimmed and in lower case, the name trimmed.
    expect(result.body).toEqual({ id: expect.any(String), email, name: 'Nieuw' });
    const token = sessionTokenOf(result.response);
    expect(token).toBeDefined();
    const me = await server.request('GET', '/api/me', { cookie: sessionCookie(token!) });
    expect(await me.json()).toEqual({ ...(result.body as object), emailNotifications: 'daily' });
  });

  it.each([
    ['the same address', (email: string) => email],
    ['the same address in other case', (email: string) => email.toUpperCase()],
  ])('409 email_taken for %s, with a Dutch message', async (_name, spell) => {
    const result = await post('/api/auth/signup', {
      email: spell(user.email),
      password: TEST_PASSWORD,
      name: 'Dubbel',
    });
    expect(result.status).toBe(409);
    expect(result.body).toEqual({
      error: { code: 'email_taken', message: expect.stringMatching(/e-mailadres/) },
    });
  });

  it.each([
    ['an invalid e-mail', { email: 'geen-adres', password: TEST_PASSWORD, name: 'X' }],
    ['an empty name', { email: uniqueEmail('x'), password: TEST_PASSWORD, name: ' ' }],
    ['an unknown field', { email: uniqueEmail('x'), password: TEST_PASSWORD, name: 'X', role: 'owner' }],
  ])('400 for %s', async (_name, body) => {
    expect((await post('/api/auth/signup', body)).status).toBe(400);
  });
});

describe('POST /api/auth/login', () => {
  it('no 401/403 case (public): 200 with the user and a new session cookie', async () => {
    const result = await post('/api/auth/login', {
      email: user.email.toUpperCase(),
      password: user.password,
    });
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ id: user.id, email: user.email, name: user.name });
    expect(sessionTokenOf(result.response)).toBeDefined();
  });

  it.each([
    ['a wrong password', () => ({ email: user.email, password: 'niet het wachtwoord' })],
    ['an unknown e-mail', () => ({ email: uniqueEmail('onbekend'), password: TEST_PASSWORD })],
  ])('401 invalid_credentials for %s, without a cookie', async (_name, body) => {
    const result = await post('/api/auth/login', body());
    expect(result.status).toBe(401);
    expect(result.body).toEqual({
      error: { code: 'invalid_credentials', message: 'E-mailadres of wachtwoord klopt niet.' },
    });
    expect(sessionTokenOf(result.response)).toBeUndefined();
  });
});

describe('POST /api/auth/logout', () => {
  it('no 401 case: 204 without a session too (it only clears the cookie)', async () => {
    expect((await post('/api/auth/logout', undefined)).status).toBe(204);
  });

  it('204 ends only the current session', async () => {
    const other = await server.logIn(user);
    expect((await post('/api/auth/logout', undefined, other.cookie)).status).toBe(204);
    expect((await server.request('GET', '/api/me', { cookie: other.cookie })).status).toBe(401);
    expect((await server.request('GET', '/api/me', { cookie: user.cookie })).status).toBe(200);
  });
});

describe('POST /api/auth/password', () => {
  it('401 without a session', async () => {
    const result = await post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'nieuw wachtwoord',
    });
    expect(result.status).toBe(401);
  });

  it('no 403 case for access (only ever your own password): 204, and only the new password logs in', async () => {
    const changer = await server.signUp('Wissel Wachtwoord');
    const newPassword = 'mijn nieuwe wachtwoord';
    const result = await post(
      '/api/auth/password',
      { currentPassword: changer.password, newPassword },
      changer.cookie,
    );
    expect(result.status).toBe(204);
    expect((await post('/api/auth/login', { email: changer.email, password: changer.password })).status).toBe(
      401,
    );
    expect((await post('/api/auth/login', { email: changer.email, password: newPassword })).status).toBe(200);
  });
});
