import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, uniqueEmail, type TestServer, type TestUser } from '../../support/server';

let server: TestServer;
let user: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  user = await server.signUp('Wachtwoord Houder');
});

afterAll(async () => {
  await server.close();
});

async function storedHash(userId: string): Promise<string> {
  const row = await server.running.deps.database.db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

function signup(password: string): Promise<Response> {
  return server.request('POST', '/api/auth/signup', {
    body: { email: uniqueEmail('lengte'), password, name: 'Lengte Test' },
  });
}

describe('password storage', () => {
  it('is argon2id with at least OWASP’s minimum cost (m=19456 KiB, t=2, p=1) and a salt', async () => {
    const hash = await storedHash(user.id);
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(
      hash,
    );
    expect(match, hash).not.toBeNull();
    const [, memory, iterations, parallelism, salt] = match!;
    expect(Number(memory)).toBeGreaterThanOrEqual(19_456);
    expect(Number(iterations)).toBeGreaterThanOrEqual(2);
    expect(Number(parallelism)).toBeGreaterThanOrEqual(1);
    // At least 16 bytes of salt (base64 without padding: 22 characters).
    expect(salt!.length).toBeGreaterThanOrEqual(22);
    expect(hash).not.toContain(user.password);
  });

  it('two users with the same password get different hashes (salted)', async () => {
    const other = await server.signUp('Zelfde Wachtwoord', { password: user.password });
    expect(await storedHash(other.id)).not.toBe(await storedHash(user.id));
  });
});

describe('password length', () => {
  it.each([
    { length: 9, status: 400 },
    { length: 257, status: 400 },
  ])('signup with $length characters: $status with a Dutch message', async ({ length, status }) => {
    const response = await signup('p'.repeat(length));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.message).toMatch(/Wachtwoord/);
  });

  it.each([10, 128])('signup with %i characters is accepted, and that password logs in', async (length) => {
    const password = 'w'.repeat(length - 4) + '1234';
    const created = await server.signUp(`Lengte ${length}`, { password });
    const login = await server.logIn({ email: created.email, password });
    expect(login.id).toBe(created.id);
  });

  it('a password change to fewer than 10 characters is refused (400) and changes nothing', async () => {
    const response = await server.request('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: user.password, newPassword: 'te kort' },
    });
    expect(response.status).toBe(400);
    expect((await server.logIn(user)).id).toBe(user.id);
  });

  it('a password change with the wrong current password is refused (403) and changes nothing', async () => {
    const hashBefore = await storedHash(user.id);
    const response = await server.request('POST', '/api/auth/password', {
      cookie: user.cookie,
      body: { currentPassword: 'niet mijn wachtwoord', newPassword: 'een nieuw wachtwoord' },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'wrong_password' } });
    expect(await storedHash(user.id)).toBe(hashBefore);
  });
});
