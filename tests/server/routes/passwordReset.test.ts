import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePasswordReset, PASSWORD_RESET_VALID_MS } from '../../../server/commands/passwordReset';
import { connectRaw } from '../../support/rawclient';
import { startTestServer, TEST_PASSWORD, type TestServer, type TestUser } from '../../support/server';

// POST /api/auth/password-reset/:token — the second step of a reset link (the admin command's, and
// later issue 23's mail). Tokens are issued here with the command the admin CLI uses.

const NEW_PASSWORD = 'mijn nieuwe wachtzin';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const issue = async (user: TestUser, now?: number) =>
  (await issuePasswordReset(server.running.deps, user.id, now)).token;

const redeem = (token: string, password = NEW_PASSWORD) =>
  server.request('POST', `/api/auth/password-reset/${token}`, { body: { password } });

const login = (user: TestUser, password: string) =>
  server.request('POST', '/api/auth/login', { body: { email: user.email, password } });

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

describe('POST /api/auth/password-reset/:token', () => {
  it('204: the new password works, every session ends and their sockets close at once', async () => {
    const user = await server.signUp('Herstel Een');
    const other = await server.logIn(user);
    const teamId = await server.createTeam(user);
    const created = await server.request('POST', '/api/documents', { cookie: user.cookie, body: { teamId } });
    const { id: docId } = (await created.json()) as { id: string };
    const socket = connectRaw(server.wsUrl, docId, { cookie: other.cookie });
    await socket.opened;

    const response = await redeem(await issue(user));
    expect(response.status).toBe(204);
    // Closed by the request itself, not by a sweep seconds later.
    expect((await socket.closed).reason).toBe('wachtwoord hersteld');
    for (const session of [user, other]) {
      expect((await server.request('GET', '/api/me', { cookie: session.cookie })).status).toBe(401);
    }
    expect((await login(user, TEST_PASSWORD)).status).toBe(401);
    expect((await login(user, NEW_PASSWORD)).status).toBe(200);
  });

  it('410 with a Dutch message for a used, an expired or an unknown token', async () => {
    const user = await server.signUp('Herstel Twee');
    const token = await issue(user);
    expect((await redeem(token)).status).toBe(204);
    const used = await redeem(token, 'weer een ander wachtwoord');
    expect(used.status).toBe(410);
    expect(await errorOf(used)).toEqual({
      code: 'reset_link_gone',
      message: expect.stringContaining('verlopen of al gebruikt'),
    });
    expect((await login(user, NEW_PASSWORD)).status).toBe(200);

    const expired = await issue(user, Date.now() - PASSWORD_RESET_VALID_MS - 1000);
    expect((await redeem(expired)).status).toBe(410);
    expect((await redeem('bestaatniet')).status).toBe(410);
  });

  it('a refused password (too short) leaves the token usable', async () => {
    const user = await server.signUp('Herstel Drie');
    const token = await issue(user);
    expect((await redeem(token, 'kort')).status).toBe(400);
    expect((await redeem(token)).status).toBe(204);
  });

  it('a reset uses up the user’s other open links', async () => {
    const user = await server.signUp('Herstel Vier');
    const first = await issue(user);
    const second = await issue(user);
    expect((await redeem(second)).status).toBe(204);
    expect((await redeem(first)).status).toBe(410);
  });

  it('of two redemptions at once, exactly one succeeds', async () => {
    const user = await server.signUp('Herstel Vijf');
    const token = await issue(user);
    const statuses = (await Promise.all([redeem(token), redeem(token, 'een tweede wachtwoord')])).map(
      (response) => response.status,
    );
    expect(statuses.sort()).toEqual([204, 410]);
  });
});
