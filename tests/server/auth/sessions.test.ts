import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sessionCookie,
  sessionTokenOf,
  startTestServer,
  type TestServer,
  type TestUser,
} from '../../support/server';

const IDLE_HOURS = 1;
const MAX_DAYS = 2;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let server: TestServer;
let alice: TestUser;

beforeAll(async () => {
  // Lifetimes from the environment, so the tests below also show that these settings are used.
  server = await startTestServer({
    SESSION_IDLE_HOURS: String(IDLE_HOURS),
    SESSION_MAX_DAYS: String(MAX_DAYS),
  });
  alice = await server.signUp('Alice Sessie');
});

afterAll(async () => {
  await server.close();
});

/** The session's row as stored (secret_hash a Buffer on both engines). */
async function sessionRow(id: string) {
  return await server.running.deps.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The ids of a user's sessions, sorted by id (logins within one millisecond tie on created_at). */
async function sessionIds(userId: string): Promise<string[]> {
  const rows = await server.running.deps.database.db
    .selectFrom('sessions')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((row) => row.id).sort();
}

const idOf = (token: string) => token.split('.')[0]!;
/** The same string with its first character replaced by another base32 character. */
const changeFirst = (text: string) => (text.startsWith('a') ? 'b' : 'a') + text.slice(1);
const secretOf = (token: string) => token.split('.')[1]!;

/** The session's cookie attributes, keyed by lower-case name (`true` for flags). */
function cookieAttributes(response: Response): {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
} {
  const [header] = response.headers.getSetCookie();
  if (!header) throw new Error('no Set-Cookie header');
  const [pair, ...rest] = header.split(';').map((part) => part.trim());
  const [name, value] = pair!.split('=') as [string, string];
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const [key, ...attributeValue] = part.split('=');
    attributes[key!.toLowerCase()] = attributeValue.length ? attributeValue.join('=') : true;
  }
  return { name, value, attributes };
}

async function me(cookie: string | undefined): Promise<Response> {
  return server.request('GET', '/api/me', cookie ? { cookie } : {});
}

describe('the session cookie', () => {
  it('over http: werkplaats_session; HttpOnly; SameSite=Lax; Path=/; Max-Age = SESSION_MAX_DAYS; not Secure', async () => {
    const response = await server.request('POST', '/api/auth/login', {
      body: { email: alice.email, password: alice.password },
    });
    expect(response.status).toBe(200);
    const cookie = cookieAttributes(response);
    expect(cookie.name).toBe('werkplaats_session');
    expect(cookie.attributes).toEqual({
      httponly: true,
      samesite: 'Lax',
      path: '/',
      'max-age': String(MAX_DAYS * 24 * 60 * 60),
    });
  });

  it('behind a TLS proxy (x-forwarded-proto: https): __Host-werkplaats_session, Secure, Path=/, no Domain', async () => {
    // The Origin check behind a proxy is tested in tests/server/http/origin.test.ts.
    const response = await server.request('POST', '/api/auth/login', {
      body: { email: alice.email, password: alice.password },
      // Behind the proxy the browser's page (and so its Origin) is https.
      headers: { 'x-forwarded-proto': 'https', origin: server.url.replace('http:', 'https:') },
    });
    expect(response.status).toBe(200);
    const cookie = cookieAttributes(response);
    expect(cookie.name).toBe('__Host-werkplaats_session');
    expect(cookie.attributes).toMatchObject({ secure: true, httponly: true, samesite: 'Lax', path: '/' });
    expect(cookie.attributes.domain).toBeUndefined();

    // The browser sends it back under the same name, and it signs in.
    const signedIn = await me(`__Host-werkplaats_session=${cookie.value}`);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ id: alice.id });

    // Logging out over https clears the __Host- cookie.
    const logout = await server.request('POST', '/api/auth/logout', {
      cookie: `__Host-werkplaats_session=${cookie.value}`,
      headers: { 'x-forwarded-proto': 'https', origin: server.url.replace('http:', 'https:') },
    });
    expect(logout.status).toBe(204);
    const cleared = cookieAttributes(logout);
    expect(cleared.name).toBe('__Host-werkplaats_session');
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toMatchObject({ 'max-age': '0', secure: true, path: '/' });
  });
});

describe('what is stored', () => {
  it('only a 32-byte SHA-256 of the secret, never the token or the secret', async () => {
    const token = alice.token;
    const [id, secret] = token.split('.') as [string, string];
    // 160-bit id and 256-bit secret, base32: 32 and 52 characters.
    expect(id).toMatch(/^[a-z2-7]{32}$/);
    expect(secret).toMatch(/^[a-z2-7]{52}$/);

    const row = await sessionRow(id);
    expect(row?.user_id).toBe(alice.id);
    expect(row?.secret_hash).toBeInstanceOf(Buffer);
    expect(row?.secret_hash.length).toBe(32);
    const hash = Buffer.from(row!.secret_hash);
    expect(hash.equals(createHash('sha256').update(secret).digest())).toBe(true);
    const stored = JSON.stringify(row) + hash.toString('latin1');
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(token);
  });
});

describe('forged tokens', () => {
  const cases: Array<[string, () => string]> = [
    [
      'a valid id with one character of the secret changed',
      () => `${idOf(alice.token)}.${changeFirst(secretOf(alice.token))}`,
    ],
    ['a valid id with another session’s secret', () => `${idOf(alice.token)}.${secretOf(otherToken)}`],
    ['the right secret under another id', () => `${changeFirst(idOf(alice.token))}.${secretOf(alice.token)}`],
    ['a valid id without a secret', () => `${idOf(alice.token)}.`],
    ['only the id', () => idOf(alice.token)],
    ['an extra segment', () => `${alice.token}.x`],
    ['the secret alone', () => secretOf(alice.token)],
  ];
  let otherToken: string;

  beforeAll(async () => {
    otherToken = (await server.logIn(alice)).token;
  });

  it.each(cases)('%s: 401, and the cookie is cleared', async (_name, forge) => {
    const response = await me(sessionCookie(forge()));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    const cleared = cookieAttributes(response);
    expect([cleared.name, cleared.value, cleared.attributes['max-age']]).toEqual([
      'werkplaats_session',
      '',
      '0',
    ]);
    // The real session is untouched.
    expect((await me(alice.cookie)).status).toBe(200);
  });
});

describe('lifetimes', () => {
  async function setTimes(token: string, times: { createdAt?: number; lastActiveAt?: number }) {
    await server.running.deps.database.db
      .updateTable('sessions')
      .set({ created_at: times.createdAt, last_active_at: times.lastActiveAt })
      .where('id', '=', idOf(token))
      .execute();
  }

  it.each([
    { name: 'idle just under SESSION_IDLE_HOURS', idleMs: IDLE_HOURS * HOUR - MINUTE, alive: true },
    { name: 'idle just over SESSION_IDLE_HOURS', idleMs: IDLE_HOURS * HOUR + MINUTE, alive: false },
  ])('$name: alive = $alive', async ({ idleMs, alive }) => {
    const session = await server.logIn(alice);
    await setTimes(session.token, { lastActiveAt: Date.now() - idleMs });

    const response = await me(session.cookie);
    expect(response.status).toBe(alive ? 200 : 401);
    const row = await sessionRow(idOf(session.token));
    if (alive) {
      // Activity moves the idle deadline: last_active_at is now again.
      expect(row!.last_active_at).toBeGreaterThan(Date.now() - MINUTE);
    } else {
      expect(row, 'an expired session is deleted when it is presented').toBeUndefined();
    }
  });

  it.each([
    { name: 'created just under SESSION_MAX_DAYS ago', ageMs: MAX_DAYS * 24 * HOUR - MINUTE, alive: true },
    {
      name: 'created just over SESSION_MAX_DAYS ago (however active)',
      ageMs: MAX_DAYS * 24 * HOUR + MINUTE,
      alive: false,
    },
  ])('$name: alive = $alive', async ({ ageMs, alive }) => {
    const session = await server.logIn(alice);
    await setTimes(session.token, { createdAt: Date.now() - ageMs, lastActiveAt: Date.now() });

    expect((await me(session.cookie)).status).toBe(alive ? 200 : 401);
    expect((await sessionRow(idOf(session.token))) !== undefined).toBe(alive);
  });
});

describe('session rotation and ending', () => {
  it('every login creates a new session with a different token', async () => {
    const before = await sessionIds(alice.id);
    const first = await server.logIn(alice);
    const second = await server.logIn(alice);
    expect(first.token).not.toBe(second.token);
    expect(idOf(first.token)).not.toBe(idOf(second.token));
    expect(await sessionIds(alice.id)).toEqual([...before, idOf(first.token), idOf(second.token)].sort());
    expect(sessionTokenOf(await me(first.cookie))).toBeUndefined();
  });

  it('logout deletes the session row; the token no longer signs in', async () => {
    const session = await server.logIn(alice);
    expect(await sessionRow(idOf(session.token))).toBeDefined();

    const response = await server.request('POST', '/api/auth/logout', { cookie: session.cookie });
    expect(response.status).toBe(204);
    expect(await sessionRow(idOf(session.token))).toBeUndefined();
    expect((await me(session.cookie)).status).toBe(401);
    expect((await me(alice.cookie)).status).toBe(200);
  });

  it('a password change deletes every other session of the user and keeps the current one', async () => {
    const bob = await server.signUp('Bob Wachtwoord');
    const laptop = await server.logIn(bob);
    const phone = await server.logIn(bob);
    expect(await sessionIds(bob.id)).toHaveLength(3);

    const response = await server.request('POST', '/api/auth/password', {
      cookie: laptop.cookie,
      body: { currentPassword: bob.password, newPassword: 'een ander wachtwoord' },
    });
    expect(response.status).toBe(204);

    expect(await sessionIds(bob.id)).toEqual([idOf(laptop.token)]);
    expect((await me(laptop.cookie)).status).toBe(200);
    expect((await me(phone.cookie)).status).toBe(401);
    expect((await me(bob.cookie)).status).toBe(401);
    // Alice's sessions are not touched.
    expect((await me(alice.cookie)).status).toBe(200);
  });
});
