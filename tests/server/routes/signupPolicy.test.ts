import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../server/commands/accountAdmin';
import { loadEnv } from '../../../server/env';
import { openRoundNow } from '../../support/rounds';
import {
  sessionCookie,
  sessionTokenOf,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  type TestUser,
} from '../../support/server';

// SIGNUP=open|closed|domains: who may create an account, and the invitation links that let anyone
// through. Test users live at @werkplaats.test.

const servers: TestServer[] = [];
let counter = 0;

async function serverWith(settings: { SIGNUP?: string; SIGNUP_DOMAINS?: string }): Promise<TestServer> {
  const server = await startTestServer(settings);
  servers.push(server);
  return server;
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

function signup(server: TestServer, email: string, invite?: { kind: 'team' | 'round'; token: string }) {
  return server.request('POST', '/api/auth/signup', {
    body: { email, password: TEST_PASSWORD, name: `Aanmelder ${++counter}`, ...(invite ? { invite } : {}) },
  });
}

async function teamInvite(server: TestServer, owner: TestUser & { teamId: string }): Promise<string> {
  const response = await server.request('POST', `/api/teams/${owner.teamId}/invites`, {
    cookie: owner.cookie,
    body: { role: 'editor' },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

const config = async (server: TestServer) => (await server.request('GET', '/api/auth/config')).json();

describe('SIGNUP=open (default)', () => {
  it('lets anyone sign up and says so', async () => {
    const server = await serverWith({});
    expect(await config(server)).toEqual({ signup: 'open', mail: false });
    expect((await signup(server, `iemand${++counter}@elders.example`)).status).toBe(201);
  });
});

describe('SIGNUP=domains', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith({ SIGNUP: 'domains', SIGNUP_DOMAINS: 'Werkplaats.test, *.school.nl' });
  });

  it('tells the client the domains', async () => {
    expect(await config(server)).toEqual({
      signup: 'domains',
      domains: ['werkplaats.test', '*.school.nl'],
      mail: false,
    });
  });

  it.each([
    ['a listed domain', 'docent@werkplaats.test', 201],
    ['a listed domain in capitals', 'Docent@WERKPLAATS.Test', 201],
    ['a subdomain of a *. entry', 'docent@mail.school.nl', 201],
    ['a deeper subdomain of a *. entry', 'docent@a.b.school.nl', 201],
    ['the domain of a *. entry itself', 'docent@school.nl', 403],
    ['a subdomain of an exact entry', 'docent@sub.werkplaats.test', 403],
    ['a domain that merely ends alike', 'docent@myschool.nl', 403],
    ['another domain', 'docent@gmail.example', 403],
  ])('%s (%s): %i', async (_case, email, status) => {
    const [local, domain] = email.split('@');
    const response = await signup(server, `${local}${++counter}@${domain}`);
    expect(response.status).toBe(status);
    if (status === 403) {
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('signup_closed');
      expect(error.message).toContain('werkplaats.test, *.school.nl');
    }
  });

  it('lets someone from elsewhere sign up through a team invite or a feedback link, not a dead one', async () => {
    const owner = await server.owner();
    const token = await teamInvite(server, owner);
    expect(
      (await signup(server, `gast${++counter}@elders.example`, { kind: 'team', token: 'verzonnen' })).status,
    ).toBe(403);
    const guest = await signup(server, `gast${++counter}@elders.example`, { kind: 'team', token });
    expect(guest.status).toBe(201);

    const docId = await server.createDocument({ title: 'Ronde' });
    const round = await openRoundNow(server, owner, docId, 'Feedback');
    const link = await server.request('POST', `/api/rounds/${round.id}/links`, {
      cookie: owner.cookie,
      body: { label: 'Leraren' },
    });
    const { token: roundToken } = (await link.json()) as { token: string };
    const reviewer = await signup(server, `recensent${++counter}@elders.example`, {
      kind: 'round',
      token: roundToken,
    });
    expect(reviewer.status).toBe(201);
    // A round link does not open team invites, and the other way round.
    expect(
      (await signup(server, `x${++counter}@elders.example`, { kind: 'team', token: roundToken })).status,
    ).toBe(403);
  });
});

describe('SIGNUP=closed', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await serverWith({ SIGNUP: 'closed' });
  });

  it('refuses every sign-up with a Dutch message, except through a usable invite', async () => {
    expect(await config(server)).toEqual({ signup: 'closed', mail: false });
    const refused = await signup(server, `docent${++counter}@werkplaats.test`);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain('beheerder');

    // The operator's account (npm run admin -- create-user) owns a team and invites.
    const email = `beheerder${++counter}@werkplaats.test`;
    await createAccount(server.running.deps, { email, name: 'Beheerder', password: TEST_PASSWORD });
    const owner = await server.logIn({ email, password: TEST_PASSWORD });
    const teamId = await server.createTeam(owner);
    const token = await teamInvite(server, { ...owner, teamId });
    const invited = await signup(server, `collega${++counter}@werkplaats.test`, { kind: 'team', token });
    expect(invited.status).toBe(201);
    const accepted = await server.request('POST', `/api/invites/${token}/accept`, {
      cookie: sessionCookie(sessionTokenOf(invited)!),
    });
    expect(accepted.status).toBe(200);
    // Used: it lets nobody else in.
    expect((await signup(server, `derde${++counter}@werkplaats.test`, { kind: 'team', token })).status).toBe(
      403,
    );
  });
});

describe('the settings', () => {
  it('refuse SIGNUP=domains without domains, and entries that are no domain', () => {
    expect(() => loadEnv({ SIGNUP: 'domains' })).toThrow(/SIGNUP_DOMAINS/);
    expect(() => loadEnv({ SIGNUP: 'domains', SIGNUP_DOMAINS: 'school.nl,@gmail.com' })).toThrow(
      /SIGNUP_DOMAINS/,
    );
    expect(() => loadEnv({ SIGNUP: 'half-open' })).toThrow(/SIGNUP/);
    expect(loadEnv({ SIGNUP: 'domains', SIGNUP_DOMAINS: ' School.NL ,*.school.nl' }).SIGNUP_DOMAINS).toEqual([
      'school.nl',
      '*.school.nl',
    ]);
  });
});
