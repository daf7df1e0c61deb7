import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus } from '../../support/rawclient';
import { startTestServer, uniqueEmail, type TestOwner, type TestServer } from '../../support/server';

/**
 * Unsafe methods need an Origin equal to the app's own origin (or one in ALLOWED_ORIGINS): a
 * signed-in victim's browser sends the cookie on a cross-site form or fetch, but not a forged Origin.
 */

let server: TestServer;
let owner: TestOwner;

beforeAll(async () => {
  server = await startTestServer();
  owner = await server.owner();
});

afterAll(async () => {
  await server.close();
});

async function auditCount(): Promise<number> {
  const { count } = await server.running.deps.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return count;
}

/** Unsafe requests, each valid in every other respect (it succeeds with the right Origin). */
const requests: Array<{ name: string; method: string; path: () => string; body: () => unknown }> = [
  {
    name: 'sign-up',
    method: 'POST',
    path: () => '/api/auth/signup',
    body: () => ({ email: uniqueEmail('csrf'), password: 'lang genoeg wachtwoord', name: 'CSRF' }),
  },
  {
    name: 'create a team',
    method: 'POST',
    path: () => '/api/teams',
    body: () => ({ name: 'CSRF', kind: 'atelier' }),
  },
  {
    name: 'create a document',
    method: 'POST',
    path: () => '/api/documents',
    body: () => ({ teamId: owner.teamId, title: 'CSRF' }),
  },
  {
    name: 'rename a team',
    method: 'PATCH',
    path: () => `/api/teams/${owner.teamId}`,
    body: () => ({ name: 'CSRF' }),
  },
  {
    name: 'create an invite',
    method: 'POST',
    path: () => `/api/teams/${owner.teamId}/invites`,
    body: () => ({ role: 'owner' }),
  },
  { name: 'log out', method: 'POST', path: () => '/api/auth/logout', body: () => undefined },
];

const badOrigins: Array<[string, Record<string, string>]> = [
  ['no Origin', {}],
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['Origin "null" (sandboxed frame, file:)', { origin: 'null' }],
  ['the same host on another port', { origin: 'http://127.0.0.1:1' }],
];

describe('unsafe methods from the wrong origin', () => {
  const cases = requests.flatMap((request) =>
    badOrigins.map(([originName, headers]) => ({ ...request, originName, headers })),
  );

  it.each(cases)('$name with $originName: 403 forbidden_origin, nothing happens', async (request) => {
    const auditBefore = await auditCount();
    const response = await fetch(`${server.url}${request.path()}`, {
      method: request.method,
      // The victim's browser sends the session cookie along.
      headers: { 'content-type': 'application/json', cookie: owner.cookie, ...request.headers },
      body: JSON.stringify(request.body() ?? {}),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    // Every one of these requests leaves an audit event when it goes through.
    expect(await auditCount()).toBe(auditBefore);
    // Still signed in: not even the logout went through.
    expect((await server.request('GET', '/api/me', { cookie: owner.cookie })).status).toBe(200);
  });

  it.each(requests)(
    '$name with the app’s own Origin succeeds (the requests above are valid)',
    async (request) => {
      // Logging out here would end the session the other cases use: use a fresh one.
      const cookie = request.name === 'log out' ? (await server.logIn(owner)).cookie : owner.cookie;
      const response = await server.request(request.method, request.path(), { cookie, body: request.body() });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
    },
  );

  it('safe methods need no Origin', async () => {
    const response = await fetch(`${server.url}/api/me`, { headers: { cookie: owner.cookie } });
    expect(response.status).toBe(200);
  });
});

describe('behind a TLS-terminating proxy (x-forwarded-proto: https)', () => {
  // README: "put a TLS-terminating proxy in front for real use". The browser then sends the https
  // origin of the page; the cookie code already honours x-forwarded-proto (server/auth/cookies.ts).
  it('accepts the https Origin of the app itself for a login', async () => {
    const httpsOrigin = server.url.replace(/^http:/, 'https:');
    const response = await server.request('POST', '/api/auth/login', {
      body: { email: owner.email, password: owner.password },
      headers: { origin: httpsOrigin, 'x-forwarded-proto': 'https' },
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  it('accepts the https Origin of the app itself for a WebSocket upgrade', async () => {
    const docId = await server.createDocument();
    // Over https the browser holds (and the server reads) only the __Host- cookie.
    const socket = connectRaw(server.wsUrl, docId, {
      headers: {
        cookie: `__Host-werkplaats_session=${owner.token}`,
        origin: server.url.replace(/^http:/, 'https:'),
        'x-forwarded-proto': 'https',
      },
    });
    try {
      await socket.opened;
    } finally {
      socket.terminate();
    }
  });
});

describe('with ALLOWED_ORIGINS set', () => {
  const ALLOWED = 'https://werkplaats.example';
  let allowedServer: TestServer;

  beforeAll(async () => {
    allowedServer = await startTestServer({ ALLOWED_ORIGINS: `${ALLOWED}, https://tweede.example` });
  });

  afterAll(async () => {
    await allowedServer.close();
  });

  it('an allowed foreign origin may sign up, create a team and a document, and open a socket', async () => {
    const url = allowedServer.url;
    const user = await signUpAtWithOrigin(url, ALLOWED);
    const team = await fetch(`${url}/api/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ALLOWED, cookie: user.cookie },
      body: JSON.stringify({ name: 'Toegestaan', kind: 'atelier' }),
    });
    expect(team.status).toBe(201);
    const { id: teamId } = (await team.json()) as { id: string };
    const document = await fetch(`${url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://tweede.example', cookie: user.cookie },
      body: JSON.stringify({ teamId }),
    });
    expect(document.status).toBe(201);
    const { id: docId } = (await document.json()) as { id: string };

    const socket = connectRaw(allowedServer.wsUrl, docId, {
      cookie: user.cookie,
      headers: { origin: ALLOWED },
    });
    await socket.opened;
    socket.terminate();
    await socket.closed;
    expect(
      await refusedUpgradeStatus(`${allowedServer.wsUrl}/${docId}`, {
        cookie: user.cookie,
        origin: 'https://evil.example',
      }),
    ).toBe(403);
  });

  it('an origin that is not in the list is refused (403)', async () => {
    const response = await fetch(`${allowedServer.url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ email: uniqueEmail('evil'), password: 'lang genoeg wachtwoord', name: 'Evil' }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
  });
});

/** Signs up with an explicit Origin header (the helpers send the server's own). */
async function signUpAtWithOrigin(url: string, origin: string): Promise<{ cookie: string }> {
  const response = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      email: uniqueEmail('toegestaan'),
      password: 'lang genoeg wachtwoord',
      name: 'Toegestaan',
    }),
  });
  expect(response.status).toBe(201);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie };
}
