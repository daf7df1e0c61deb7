import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestOwner, type TestServer } from '../../support/server';
import { connectSynced, waitFor, type TestClient } from '../../support/yclient';

const DELETED_NAME = 'verwijderde gebruiker';

let server: TestServer;
let owner: TestOwner;
let clients: TestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
});

afterAll(async () => {
  await server.close();
});

afterEach(() => {
  for (const client of clients) client.destroy();
  clients = [];
});

async function call(user: { cookie: string } | undefined, method: string, path: string, body?: unknown) {
  const response = await server.request(method, path, { cookie: user?.cookie, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

/** How many rows of `table` belong to the user. */
async function rowsOf(table: 'sessions' | 'memberships', userId: string): Promise<number> {
  const { count } = await server.running.deps.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return count;
}

describe('GET /api/me', () => {
  it('401 without a session', async () => {
    expect((await call(undefined, 'GET', '/api/me')).status).toBe(401);
  });

  it('no 403 case: always the caller’s own profile', async () => {
    expect((await call(owner, 'GET', '/api/me')).body).toEqual({
      id: owner.id,
      email: owner.email,
      name: owner.name,
      emailNotifications: 'daily',
    });
  });
});

describe('PATCH /api/me', () => {
  it('401 without a session', async () => {
    expect((await call(undefined, 'PATCH', '/api/me', { name: 'Niemand' })).status).toBe(401);
  });

  it('no 403 case: changes only the caller’s own name', async () => {
    const user = await server.signUp('Oude Naam');
    const response = await call(user, 'PATCH', '/api/me', { name: '  Nieuwe Naam ' });
    expect(response.body).toEqual({
      id: user.id,
      email: user.email,
      name: 'Nieuwe Naam',
      emailNotifications: 'daily',
    });
    expect((await call(user, 'GET', '/api/me')).body).toMatchObject({ name: 'Nieuwe Naam' });
    expect((await call(owner, 'GET', '/api/me')).body).toMatchObject({ name: owner.name });
  });

  it.each([
    ['an empty name', { name: ' ' }],
    ['an e-mail change', { name: 'X', email: 'ander@werkplaats.test' }],
  ])('400 for %s', async (_name, body) => {
    expect((await call(owner, 'PATCH', '/api/me', body)).status).toBe(400);
  });
});

describe('GET /api/me/export (AVG: inzage en dataportabiliteit)', () => {
  it('401 without a session', async () => {
    expect((await call(undefined, 'GET', '/api/me/export')).status).toBe(401);
  });

  it('no 403 case: a JSON download of the caller’s own data: profile, teams, sessions, activity', async () => {
    const user = await server.signUp('Inge Inzage');
    const teamId = await server.createTeam(user, { name: 'Inzageteam', kind: 'cocreatieteam' });
    await server.addMember(owner, owner.teamId, user, 'commenter');

    const response = await call(user, 'GET', '/api/me/export');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    const data = response.body as {
      user: Record<string, unknown>;
      teams: Array<Record<string, unknown>>;
      sessions: unknown[];
      activity: Array<{ action: string; teamId: string | null }>;
    };
    expect(data.user).toMatchObject({ id: user.id, email: user.email, name: 'Inge Inzage' });
    expect(data.teams).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: teamId, name: 'Inzageteam', role: 'owner' }),
        expect.objectContaining({ id: owner.teamId, role: 'commenter' }),
      ]),
    );
    expect(data.sessions).toHaveLength(1);
    expect(data.activity).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'auth.signup' }),
        expect.objectContaining({ action: 'team.created', teamId }),
      ]),
    );
    // Never secrets: no password hash, no session token or its hash.
    expect(response.text).not.toContain('$argon2');
    expect(response.text).not.toContain(user.token.split('.')[1]);
    expect(response.text).not.toMatch(/secret|password/i);
    // Nobody else's export: the owner's e-mail appears in neither.
    expect(response.text).not.toContain(owner.email);
  });
});

describe('DELETE /api/me (AVG: recht op vergetelheid)', () => {
  it('401 without a session', async () => {
    expect((await call(undefined, 'DELETE', '/api/me', { password: 'wat dan ook' })).status).toBe(401);
  });

  it('403 for a wrong password (no 403 for access: only ever the caller’s own account)', async () => {
    const user = await server.signUp('Verkeerd Wachtwoord');
    const response = await call(user, 'DELETE', '/api/me', { password: 'niet mijn wachtwoord' });
    expect(response.status).toBe(403);
    expect((await call(user, 'GET', '/api/me')).status).toBe(200);
  });

  it('409 while the last owner of a team with other members; nothing is deleted', async () => {
    const [lastOwner, member] = await Promise.all([
      server.signUp('Laatste Eigenaar'),
      server.signUp('Gewoon Lid'),
    ]);
    const teamId = await server.createTeam(lastOwner, { name: 'Niet Zonder Eigenaar' });
    await server.addMember(lastOwner, teamId, member, 'editor');

    const response = await call(lastOwner, 'DELETE', '/api/me', { password: lastOwner.password });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      error: { code: 'last_owner', message: expect.stringContaining('Niet Zonder Eigenaar') },
    });
    expect((await call(lastOwner, 'GET', '/api/me')).status).toBe(200);
    expect(await server.running.deps.stores.teams.role(teamId, lastOwner.id)).toBe('owner');
  });

  it('204: anonymises the account, ends its sessions and sockets, frees the e-mail, keeps contributions', async () => {
    const [dora, mia] = await Promise.all([server.signUp('Dora Vertrekt'), server.signUp('Mia Blijft')]);
    const otherSession = await server.logIn(dora);
    // Dora joins the owner's team through an invite: an audit event with her as actor.
    const invite = await call(owner, 'POST', `/api/teams/${owner.teamId}/invites`, { role: 'editor' });
    const { token } = invite.body as { token: string };
    expect((await call(dora, 'POST', `/api/invites/${token}/accept`)).status).toBe(200);
    // A team only she is in (deleted with her account) and one she hands over to Mia first.
    const soloTeam = await server.createTeam(dora, { name: 'Alleen Dora' });
    const soloDoc = await call(dora, 'POST', '/api/documents', { teamId: soloTeam, title: 'Dora’s schets' });
    const { id: soloDocId } = soloDoc.body as { id: string };
    const sharedTeam = await server.createTeam(dora, { name: 'Gedeeld' });
    await server.addMember(dora, sharedTeam, mia, 'editor');
    expect(
      (await call(dora, 'PATCH', `/api/teams/${sharedTeam}/members/${mia.id}`, { role: 'owner' })).status,
    ).toBe(204);
    const docId = await server.createDocument({ title: 'Teamdocument' });
    const socket = await connectSynced(server.wsUrl, docId, { cookie: otherSession.cookie });
    clients.push(socket);

    const response = await call(dora, 'DELETE', '/api/me', { password: dora.password });
    expect(response.status).toBe(204);

    // Sessions: every one ended, open sockets closed with 4401.
    expect((await call(dora, 'GET', '/api/me')).status).toBe(401);
    expect((await call(otherSession, 'GET', '/api/me')).status).toBe(401);
    expect(await rowsOf('sessions', dora.id)).toBe(0);
    await waitFor(() => socket.socket.closeCode !== null, 'the deleted user’s socket stayed open');
    expect(socket.socket.closeCode).toBe(4401);

    // Personal data gone; the row stays so contributions keep an (anonymous) author.
    const row = await server.running.deps.database.db
      .selectFrom('users')
      .select(['email', 'name', 'password_hash', 'deleted_at'])
      .where('id', '=', dora.id)
      .executeTakeFirst();
    expect(row).toMatchObject({ name: DELETED_NAME, password_hash: '' });
    expect(row?.email).not.toContain(dora.email.split('@')[0]);
    expect(row?.deleted_at).not.toBeNull();

    // Memberships: gone from every team; the solo team and its document are deleted.
    expect(await rowsOf('memberships', dora.id)).toBe(0);
    expect(await server.running.deps.stores.teams.get(soloTeam)).toBeUndefined();
    expect(await server.running.deps.stores.documents.get(soloDocId)).toBeUndefined();
    expect(await server.running.deps.stores.teams.role(sharedTeam, mia.id)).toBe('owner');
    const members = (await call(owner, 'GET', `/api/teams/${owner.teamId}/members`)).body as Array<{
      userId: string;
    }>;
    expect(members.map((member) => member.userId)).not.toContain(dora.id);

    // The team's audit trail keeps the event, attributed to "verwijderde gebruiker".
    const audit = (await call(owner, 'GET', `/api/teams/${owner.teamId}/audit`)).body as Array<{
      action: string;
      actorId: string;
      actorName: string;
    }>;
    const joined = audit.find((event) => event.action === 'invite.accepted' && event.actorId === dora.id);
    expect(joined?.actorName).toBe(DELETED_NAME);
    expect(JSON.stringify(audit)).not.toContain('Dora Vertrekt');

    // The e-mail address is free again: the old password no longer logs in, a new account can be made.
    const login = await server.request('POST', '/api/auth/login', {
      body: { email: dora.email, password: dora.password },
    });
    expect(login.status).toBe(401);
    const again = await server.signUp('Dora Opnieuw', { email: dora.email });
    expect(again.id).not.toBe(dora.id);
    expect(await server.running.deps.stores.teams.role(owner.teamId, again.id)).toBeUndefined();
  });
});
