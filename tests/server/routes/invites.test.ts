import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/roles';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';

let server: TestServer;
let owner: TestOwner;
let first: TestUser;
let second: TestUser;
let member: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  [first, second, member] = await Promise.all([
    server.signUp('Eerste Gast'),
    server.signUp('Tweede Gast'),
    server.signUp('Al Lid'),
  ]);
  await server.addMember(owner, owner.teamId, member, 'editor');
});

afterAll(async () => {
  await server.close();
});

/** A fresh invite to the owner's team. */
async function invite(role: Role, teamId = owner.teamId): Promise<{ id: string; token: string }> {
  const response = await server.request('POST', `/api/teams/${teamId}/invites`, {
    cookie: owner.cookie,
    body: { role },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

async function accept(user: { cookie: string } | undefined, token: string) {
  const response = await server.request(
    'POST',
    `/api/invites/${token}/accept`,
    user ? { cookie: user.cookie } : {},
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function show(token: string) {
  const response = await server.request('GET', `/api/invites/${token}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function roleOf(teamId: string, userId: string): Promise<Role | undefined> {
  return await server.running.deps.stores.teams.role(teamId, userId);
}

describe('GET /api/invites/:token', () => {
  it('no 401 case: public, so someone without an account sees what they are invited to', async () => {
    const { token } = await invite('commenter');
    const response = await show(token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      teamName: 'Testteam',
      teamKind: 'atelier',
      role: 'commenter',
      roleLabel: 'commentator',
      expiresAt: expect.any(String),
      usable: true,
      problem: null,
    });
  });

  it('404 for a token that does not exist (no 403 case: the token is the access)', async () => {
    const { token } = await invite('viewer');
    const forged = (token.startsWith('a') ? 'b' : 'a') + token.slice(1);
    expect((await show(forged)).status).toBe(404);
  });
});

describe('POST /api/invites/:token/accept', () => {
  it('401 without a session', async () => {
    const { token } = await invite('viewer');
    expect((await accept(undefined, token)).status).toBe(401);
    expect((await show(token)).body).toMatchObject({ usable: true });
  });

  it('no 403 case: anyone signed in who holds the link joins with the invite’s role', async () => {
    const teamId = await server.createTeam(owner, { name: 'Uitnodigingsteam' });
    const { token } = await invite('commenter', teamId);
    expect(await accept(first, token)).toEqual({ status: 200, body: { teamId, role: 'commenter' } });
    expect(await roleOf(teamId, first.id)).toBe('commenter');
  });

  it('is single use: a second acceptance gets 410, and the invite shows why', async () => {
    const teamId = await server.createTeam(owner, { name: 'Eenmalig' });
    const { token } = await invite('editor', teamId);
    expect((await accept(first, token)).status).toBe(200);

    const again = await accept(second, token);
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({
      error: { code: 'invite_unusable', message: expect.stringMatching(/gebruikt/) },
    });
    expect(await roleOf(teamId, second.id)).toBeUndefined();
    expect((await show(token)).body).toMatchObject({
      usable: false,
      problem: expect.stringMatching(/gebruikt/),
    });
  });

  it('410 when expired', async () => {
    const teamId = await server.createTeam(owner, { name: 'Verlopen' });
    const { id, token } = await invite('viewer', teamId);
    await server.running.deps.database.db
      .updateTable('invites')
      .set({ expires_at: Date.now() - 1000 })
      .where('id', '=', id)
      .execute();

    const response = await accept(first, token);
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ error: { message: expect.stringMatching(/verlopen/) } });
    expect(await roleOf(teamId, first.id)).toBeUndefined();
    expect((await show(token)).body).toMatchObject({
      usable: false,
      problem: expect.stringMatching(/verlopen/),
    });
  });

  it('410 when revoked', async () => {
    const teamId = await server.createTeam(owner, { name: 'Ingetrokken' });
    const { id, token } = await invite('viewer', teamId);
    const revoked = await server.request('DELETE', `/api/teams/${teamId}/invites/${id}`, {
      cookie: owner.cookie,
    });
    expect(revoked.status).toBe(204);

    const response = await accept(first, token);
    expect(response.status).toBe(410);
    expect(response.body).toMatchObject({ error: { message: expect.stringMatching(/ingetrokken/) } });
    expect(await roleOf(teamId, first.id)).toBeUndefined();
  });

  it('a member keeps a higher role they already have', async () => {
    const { token } = await invite('viewer');
    expect(await accept(member, token)).toEqual({
      status: 200,
      body: { teamId: owner.teamId, role: 'editor' },
    });
    expect(await roleOf(owner.teamId, member.id)).toBe('editor');
  });

  it('a member with a lower role is raised to the invite’s role', async () => {
    const teamId = await server.createTeam(owner, { name: 'Promotie' });
    await server.addMember(owner, teamId, second, 'viewer');
    const { token } = await invite('editor', teamId);
    expect(await accept(second, token)).toEqual({ status: 200, body: { teamId, role: 'editor' } });
    expect(await roleOf(teamId, second.id)).toBe('editor');
  });
});
