import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/roles';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';

let server: TestServer;
let owner: TestOwner;
/** The owner's main team: editor, viewer and co-owner are members; outsider and joiner are not. */
let teamId: string;
let editor: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let coOwner: TestUser;
let joiner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
  teamId = owner.teamId;
  [editor, viewer, outsider, coOwner, joiner] = await Promise.all([
    server.signUp('Eva Bewerker'),
    server.signUp('Vera Lezer'),
    server.signUp('Bo Buitenstaander'),
    server.signUp('Mede Eigenaar'),
    server.signUp('Jan Nieuwkomer'),
  ]);
  await server.addMember(owner, teamId, editor, 'editor');
  await server.addMember(owner, teamId, viewer, 'viewer');
});

afterAll(async () => {
  await server.close();
});

type Body = Record<string, unknown> | undefined;

/** The two tests every endpoint starts with (STYLE.md). */
function accessGuards(
  method: string,
  path: () => string,
  body: () => Body,
  withoutAccess: () => TestUser,
): void {
  it('401 without a session', async () => {
    const response = await server.request(method, path(), { body: body() });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('403 for a user without access', async () => {
    const response = await server.request(method, path(), { cookie: withoutAccess().cookie, body: body() });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
  });
}

async function call(user: { cookie: string }, method: string, path: string, body?: unknown) {
  const response = await server.request(method, path, { cookie: user.cookie, body });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

async function roleOf(team: string, userId: string): Promise<Role | undefined> {
  return await server.running.deps.stores.teams.role(team, userId);
}

/** A new team owned by `owner` with the given extra members (for tests that change memberships). */
async function freshTeam(members: Array<[TestUser, Role]> = []): Promise<string> {
  const id = await server.createTeam(owner, { name: `Team ${randomUUID().slice(0, 4)}` });
  for (const [user, role] of members) await server.addMember(owner, id, user, role);
  return id;
}

describe('POST /api/teams', () => {
  it('401 without a session', async () => {
    const response = await server.request('POST', '/api/teams', { body: { name: 'X', kind: 'atelier' } });
    expect(response.status).toBe(401);
  });

  it('no 403 case: any signed-in user may create a team, and becomes its owner', async () => {
    const created = await call(outsider, 'POST', '/api/teams', {
      name: 'Eigen atelier',
      kind: 'atelier',
      lab: 'Lab Noord',
      consortium: 'Consortium Zuid',
    });
    expect(created.status).toBe(201);
    const { id } = created.body as { id: string };
    expect(await roleOf(id, outsider.id)).toBe('owner');
    expect((await call(outsider, 'GET', `/api/teams/${id}`)).body).toMatchObject({
      id,
      name: 'Eigen atelier',
      kind: 'atelier',
      lab: 'Lab Noord',
      consortium: 'Consortium Zuid',
      role: 'owner',
    });
  });

  it.each([
    ['an unknown kind', { name: 'X', kind: 'school' }],
    ['an empty name', { name: '  ', kind: 'atelier' }],
    ['no kind', { name: 'X' }],
    ['an unknown field', { name: 'X', kind: 'atelier', owner: 'iemand' }],
  ])('400 for %s', async (_name, body) => {
    const response = await call(owner, 'POST', '/api/teams', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'invalid_body' } });
  });
});

describe('GET /api/teams', () => {
  it('401 without a session', async () => {
    expect((await server.request('GET', '/api/teams')).status).toBe(401);
  });

  it('403 for a user without access: an outsider does not see the team', async () => {
    const list = (await call(outsider, 'GET', '/api/teams')).body as Array<{ id: string }>;
    expect(list.map((team) => team.id)).not.toContain(teamId);
  });

  it('lists my teams with my role in each', async () => {
    const list = (await call(editor, 'GET', '/api/teams')).body as Array<{ id: string; role: Role }>;
    expect(list).toContainEqual(expect.objectContaining({ id: teamId, role: 'editor', kind: 'atelier' }));
  });
});

describe('GET /api/teams/:teamId', () => {
  accessGuards(
    'GET',
    () => `/api/teams/${teamId}`,
    () => undefined,
    () => outsider,
  );

  it('404 for an unknown team', async () => {
    expect((await call(owner, 'GET', `/api/teams/${randomUUID()}`)).status).toBe(404);
  });

  it('the team with the caller’s role and capabilities', async () => {
    const response = await call(viewer, 'GET', `/api/teams/${teamId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: teamId,
      role: 'viewer',
      capabilities: ['team.read', 'document.read'],
    });
  });
});

describe('PATCH /api/teams/:teamId', () => {
  accessGuards(
    'PATCH',
    () => `/api/teams/${teamId}`,
    () => ({ name: 'Gekaapt' }),
    () => editor,
  );

  it('the owner renames the team and sets lab and consortium', async () => {
    const id = await freshTeam();
    const response = await call(owner, 'PATCH', `/api/teams/${id}`, { name: 'Hernoemd', lab: 'Lab West' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id, name: 'Hernoemd', lab: 'Lab West', kind: 'atelier' });
  });
});

describe('GET /api/teams/:teamId/members', () => {
  accessGuards(
    'GET',
    () => `/api/teams/${teamId}/members`,
    () => undefined,
    () => outsider,
  );

  it('every member sees who is in the team, with roles', async () => {
    const response = await call(viewer, 'GET', `/api/teams/${teamId}/members`);
    expect(response.status).toBe(200);
    const members = response.body as Array<{ userId: string; role: Role; name: string; email: string }>;
    expect(members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: owner.id, role: 'owner', email: owner.email, name: owner.name }),
        expect.objectContaining({ userId: editor.id, role: 'editor' }),
        expect.objectContaining({ userId: viewer.id, role: 'viewer' }),
      ]),
    );
    expect(members.map((member) => member.userId)).not.toContain(outsider.id);
  });
});

describe('POST /api/teams/:teamId/members', () => {
  accessGuards(
    'POST',
    () => `/api/teams/${teamId}/members`,
    () => ({ email: outsider.email, role: 'owner' }),
    () => editor,
  );

  it('404 user_not_found for an e-mail without an account', async () => {
    const response = await call(owner, 'POST', `/api/teams/${teamId}/members`, {
      email: 'niemand@werkplaats.test',
      role: 'viewer',
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: 'user_not_found' } });
  });

  it('201 adds an existing user; adding them again changes their role', async () => {
    const id = await freshTeam();
    const added = await call(owner, 'POST', `/api/teams/${id}/members`, {
      email: joiner.email,
      role: 'viewer',
    });
    expect(added).toEqual({ status: 201, body: { userId: joiner.id } });
    expect(await roleOf(id, joiner.id)).toBe('viewer');
    const again = await call(owner, 'POST', `/api/teams/${id}/members`, {
      email: joiner.email,
      role: 'editor',
    });
    expect(again.status).toBe(201);
    expect(await roleOf(id, joiner.id)).toBe('editor');
  });

  it('403 when it would demote the last owner', async () => {
    const id = await freshTeam();
    const response = await call(owner, 'POST', `/api/teams/${id}/members`, {
      email: owner.email,
      role: 'viewer',
    });
    expect(response.status).toBe(403);
    expect(await roleOf(id, owner.id)).toBe('owner');
  });
});

describe('PATCH /api/teams/:teamId/members/:userId', () => {
  accessGuards(
    'PATCH',
    () => `/api/teams/${teamId}/members/${viewer.id}`,
    () => ({ role: 'editor' }),
    () => editor,
  );

  it('403 for a member promoting themselves', async () => {
    const response = await call(editor, 'PATCH', `/api/teams/${teamId}/members/${editor.id}`, {
      role: 'owner',
    });
    expect(response.status).toBe(403);
    expect(await roleOf(teamId, editor.id)).toBe('editor');
  });

  it('404 for someone who is not a member', async () => {
    const response = await call(owner, 'PATCH', `/api/teams/${teamId}/members/${outsider.id}`, {
      role: 'viewer',
    });
    expect(response.status).toBe(404);
    expect(await roleOf(teamId, outsider.id)).toBeUndefined();
  });

  it('403: the last owner cannot be demoted', async () => {
    const id = await freshTeam([[editor, 'editor']]);
    const response = await call(owner, 'PATCH', `/api/teams/${id}/members/${owner.id}`, { role: 'editor' });
    expect(response.status).toBe(403);
    expect(await roleOf(id, owner.id)).toBe('owner');
  });

  it('with a second owner, either owner can be demoted', async () => {
    const id = await freshTeam([[coOwner, 'owner']]);
    expect(
      (await call(coOwner, 'PATCH', `/api/teams/${id}/members/${owner.id}`, { role: 'editor' })).status,
    ).toBe(204);
    expect(await roleOf(id, owner.id)).toBe('editor');
    // Now coOwner is the last owner.
    expect(
      (await call(coOwner, 'PATCH', `/api/teams/${id}/members/${coOwner.id}`, { role: 'viewer' })).status,
    ).toBe(403);
  });
});

describe('DELETE /api/teams/:teamId/members/:userId', () => {
  accessGuards(
    'DELETE',
    () => `/api/teams/${teamId}/members/${viewer.id}`,
    () => undefined,
    () => editor,
  );

  it('the owner removes a member', async () => {
    const id = await freshTeam([[joiner, 'editor']]);
    expect((await call(owner, 'DELETE', `/api/teams/${id}/members/${joiner.id}`)).status).toBe(204);
    expect(await roleOf(id, joiner.id)).toBeUndefined();
  });

  it('any member may leave', async () => {
    const id = await freshTeam([[joiner, 'viewer']]);
    expect((await call(joiner, 'DELETE', `/api/teams/${id}/members/${joiner.id}`)).status).toBe(204);
    expect(await roleOf(id, joiner.id)).toBeUndefined();
  });

  it('403: the last owner cannot leave, also not from a team with other members', async () => {
    for (const members of [[], [[editor, 'editor']]] as Array<Array<[TestUser, Role]>>) {
      const id = await freshTeam(members);
      const response = await call(owner, 'DELETE', `/api/teams/${id}/members/${owner.id}`);
      expect(response.status).toBe(403);
      expect(await roleOf(id, owner.id)).toBe('owner');
    }
  });

  it('404 for someone who is not a member', async () => {
    expect((await call(owner, 'DELETE', `/api/teams/${teamId}/members/${outsider.id}`)).status).toBe(404);
  });
});

describe('GET /api/teams/:teamId/invites', () => {
  accessGuards(
    'GET',
    () => `/api/teams/${teamId}/invites`,
    () => undefined,
    () => editor,
  );

  it('lists invites without their tokens', async () => {
    const created = await call(owner, 'POST', `/api/teams/${teamId}/invites`, { role: 'commenter' });
    const { id, token } = created.body as { id: string; token: string };
    const response = await call(owner, 'GET', `/api/teams/${teamId}/invites`);
    expect(response.status).toBe(200);
    const invites = response.body as Array<Record<string, unknown>>;
    expect(invites).toContainEqual(
      expect.objectContaining({ id, role: 'commenter', usedAt: null, revokedAt: null }),
    );
    expect(JSON.stringify(invites)).not.toContain(token);
  });
});

describe('POST /api/teams/:teamId/invites', () => {
  accessGuards(
    'POST',
    () => `/api/teams/${teamId}/invites`,
    () => ({ role: 'owner' }),
    () => editor,
  );

  it('201 with a single-use link that expires after 7 days by default', async () => {
    const before = Date.now();
    const response = await call(owner, 'POST', `/api/teams/${teamId}/invites`, { role: 'editor' });
    expect(response.status).toBe(201);
    const invite = response.body as { id: string; token: string; url: string; role: Role; expiresAt: string };
    expect(invite.role).toBe('editor');
    expect(invite.url).toBe(`${server.url}/uitnodiging/${invite.token}`);
    // 256 bits of randomness, base32.
    expect(invite.token).toMatch(/^[a-z2-7]{52}$/);
    const days = (Date.parse(invite.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
  });

  it.each([0, 31, 1.5])('400 for expiresInDays %s', async (expiresInDays) => {
    const response = await call(owner, 'POST', `/api/teams/${teamId}/invites`, {
      role: 'viewer',
      expiresInDays,
    });
    expect(response.status).toBe(400);
  });
});

describe('DELETE /api/teams/:teamId/invites/:inviteId', () => {
  let inviteId: string;

  beforeAll(async () => {
    inviteId = (
      (await call(owner, 'POST', `/api/teams/${teamId}/invites`, { role: 'viewer' })).body as { id: string }
    ).id;
  });

  accessGuards(
    'DELETE',
    () => `/api/teams/${teamId}/invites/${inviteId}`,
    () => undefined,
    () => editor,
  );

  it('revokes the invite', async () => {
    expect((await call(owner, 'DELETE', `/api/teams/${teamId}/invites/${inviteId}`)).status).toBe(204);
    expect((await server.running.deps.stores.invites.get(inviteId))?.revokedAt).not.toBeNull();
  });

  it('404 for an invite of another team, even for the owner of that other team', async () => {
    // The outsider owns a team of their own and tries to revoke this team's invite through it.
    const ownTeam = await server.createTeam(outsider);
    const { id } = (await call(owner, 'POST', `/api/teams/${teamId}/invites`, { role: 'viewer' })).body as {
      id: string;
    };
    expect((await call(outsider, 'DELETE', `/api/teams/${ownTeam}/invites/${id}`)).status).toBe(404);
    expect((await server.running.deps.stores.invites.get(id))?.revokedAt).toBeNull();
  });
});

describe('GET /api/teams/:teamId/documents', () => {
  accessGuards(
    'GET',
    () => `/api/teams/${teamId}/documents`,
    () => undefined,
    () => outsider,
  );

  it('every member sees the team’s documents', async () => {
    const docId = await server.createDocument({ title: 'Teamdocument' });
    const response = await call(viewer, 'GET', `/api/teams/${teamId}/documents`);
    expect(response.status).toBe(200);
    expect(response.body).toContainEqual(
      expect.objectContaining({ id: docId, title: 'Teamdocument', teamId }),
    );
  });
});

describe('GET /api/teams/:teamId/audit', () => {
  accessGuards(
    'GET',
    () => `/api/teams/${teamId}/audit`,
    () => undefined,
    () => outsider,
  );

  it('403 for every role but owner', async () => {
    const id = await freshTeam([
      [editor, 'editor'],
      [viewer, 'viewer'],
    ]);
    for (const user of [editor, viewer])
      expect((await call(user, 'GET', `/api/teams/${id}/audit`)).status).toBe(403);
    expect((await call(owner, 'GET', `/api/teams/${id}/audit`)).status).toBe(200);
  });

  it('records creation, members, roles and invites, newest first, with the actor’s name', async () => {
    const id = await freshTeam();
    await server.addMember(owner, id, editor, 'viewer');
    expect(
      (await call(owner, 'PATCH', `/api/teams/${id}/members/${editor.id}`, { role: 'editor' })).status,
    ).toBe(204);
    const accepted = (await call(owner, 'POST', `/api/teams/${id}/invites`, { role: 'commenter' })).body as {
      id: string;
      token: string;
    };
    expect((await call(joiner, 'POST', `/api/invites/${accepted.token}/accept`)).status).toBe(200);
    const revoked = (await call(owner, 'POST', `/api/teams/${id}/invites`, { role: 'viewer' })).body as {
      id: string;
    };
    expect((await call(owner, 'DELETE', `/api/teams/${id}/invites/${revoked.id}`)).status).toBe(204);

    const response = await call(owner, 'GET', `/api/teams/${id}/audit`);
    expect(response.status).toBe(200);
    const events = response.body as Array<{
      id: number;
      action: string;
      actorId: string;
      actorName: string;
      details: Record<string, unknown>;
    }>;
    expect(events.map((event) => [event.action, event.actorName])).toEqual([
      ['invite.revoked', owner.name],
      ['invite.created', owner.name],
      ['invite.accepted', joiner.name],
      ['invite.created', owner.name],
      ['member.role_changed', owner.name],
      ['member.added', owner.name],
      ['team.created', owner.name],
    ]);
    expect(events.map((event) => event.id)).toEqual(
      [...events.map((event) => event.id)].sort((a, b) => b - a),
    );
    const byAction = (action: string) => events.find((event) => event.action === action)!;
    expect(byAction('member.added').details).toMatchObject({ userId: editor.id, role: 'viewer' });
    expect(byAction('member.role_changed').details).toMatchObject({
      userId: editor.id,
      role: 'editor',
      previousRole: 'viewer',
    });
    expect(byAction('invite.accepted').details).toMatchObject({ inviteId: accepted.id, role: 'commenter' });
    expect(byAction('invite.revoked').details).toMatchObject({ inviteId: revoked.id });
    // The audit trail never holds invite tokens.
    expect(JSON.stringify(events)).not.toContain(accepted.token);
  });
});
