import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus } from '../../support/rawclient';
import { startTestServer, uniqueEmail, type TestServer } from '../../support/server';
import { hostRequest, sessionCookieOf, type HostResponse } from './hostRequest';

/**
 * With PUBLIC_ORIGIN the own origin is configured, not guessed from the request: unsafe requests
 * and upgrades must come from it (or ALLOWED_ORIGINS), links point to it, and its scheme alone
 * decides https — an X-Forwarded-Proto header can no longer change any of it. The tests are the
 * TLS-terminating proxy: they pass the public name as Host, as nginx does.
 */

const PUBLIC = 'https://werkplaats.example.nl';
const PUBLIC_HOST = 'werkplaats.example.nl';
const PARTNER = 'https://partner.example.nl';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_ORIGIN: PUBLIC, ALLOWED_ORIGINS: PARTNER });
});

afterAll(async () => {
  await server.close();
});

/** A request through the proxy: the public Host, and the given Origin (and more headers). */
function viaProxy(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<HostResponse> {
  return hostRequest(server.url, path, { host: PUBLIC_HOST, method, headers, body });
}

const signUpFrom = (origin: string, headers: Record<string, string> = {}) =>
  viaProxy(
    'POST',
    '/api/auth/signup',
    { origin, ...headers },
    {
      email: uniqueEmail('publiek'),
      password: 'lang genoeg wachtwoord',
      name: 'Publiek',
    },
  );

describe('origin checks with PUBLIC_ORIGIN', () => {
  it('the public origin may sign up: the cookie is __Host- and Secure, as over https', async () => {
    const response = await signUpFrom(PUBLIC);
    expect(response.status, response.text).toBe(201);
    expect(sessionCookieOf(response)).toMatchObject({
      cookie: expect.stringMatching(/^__Host-/),
      secure: true,
    });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('X-Forwarded-Proto: http does not make it plain http', async () => {
    const response = await signUpFrom(PUBLIC, { 'x-forwarded-proto': 'http' });
    expect(response.status, response.text).toBe(201);
    expect(sessionCookieOf(response)).toMatchObject({
      cookie: expect.stringMatching(/^__Host-/),
      secure: true,
    });
  });

  it.each([
    ['the http form of the public origin', 'http://werkplaats.example.nl'],
    ['the listening address', () => server.url],
    ['a foreign origin', 'https://evil.example'],
  ])('%s is refused (403)', async (_name, origin) => {
    const response = await signUpFrom(typeof origin === 'function' ? origin() : origin);
    expect(response.status).toBe(403);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'forbidden_origin' } });
  });

  it('an origin in ALLOWED_ORIGINS is accepted too', async () => {
    expect((await signUpFrom(PARTNER)).status).toBe(201);
  });

  it('invite links point to the public origin', async () => {
    const session = sessionCookieOf(await signUpFrom(PUBLIC))!;
    const headers = { origin: PUBLIC, cookie: session.cookie };
    const team = await viaProxy('POST', '/api/teams', headers, { name: 'Publiek team', kind: 'atelier' });
    expect(team.status, team.text).toBe(201);
    const { id } = JSON.parse(team.text) as { id: string };
    const invite = await viaProxy('POST', `/api/teams/${id}/invites`, headers, { role: 'editor' });
    expect(invite.status, invite.text).toBe(201);
    expect((JSON.parse(invite.text) as { url: string }).url).toMatch(
      /^https:\/\/werkplaats\.example\.nl\/uitnodiging\//,
    );
  });

  it('the WebSocket upgrade: the public origin opens; its http form is refused (403)', async () => {
    const session = sessionCookieOf(await signUpFrom(PUBLIC))!;
    const headers = { origin: PUBLIC, cookie: session.cookie };
    const team = JSON.parse(
      (await viaProxy('POST', '/api/teams', headers, { name: 'Socket', kind: 'atelier' })).text,
    ) as {
      id: string;
    };
    const created = await viaProxy('POST', '/api/documents', headers, { teamId: team.id });
    const { id: docId } = JSON.parse(created.text) as { id: string };

    const socket = connectRaw(server.wsUrl, docId, { headers: { ...headers, host: PUBLIC_HOST } });
    await socket.opened;
    socket.terminate();
    const url = `${server.wsUrl}/${docId}`;
    expect(
      await refusedUpgradeStatus(url, {
        ...headers,
        host: PUBLIC_HOST,
        origin: 'http://werkplaats.example.nl',
      }),
    ).toBe(403);
    // Over https only the __Host- cookie counts, X-Forwarded-Proto or not.
    const plain = session.cookie.replace(/^__Host-/, '');
    expect(
      await refusedUpgradeStatus(url, {
        origin: PUBLIC,
        cookie: plain,
        host: PUBLIC_HOST,
        'x-forwarded-proto': 'http',
      }),
    ).toBe(401);
  });
});

describe('with an http PUBLIC_ORIGIN', () => {
  let plain: TestServer;

  beforeAll(async () => {
    plain = await startTestServer({ PUBLIC_ORIGIN: 'http://werkplaats.test:8080' });
  });

  afterAll(async () => {
    await plain.close();
  });

  const signUp = (origin: string, host = 'werkplaats.test:8080') =>
    hostRequest(plain.url, '/api/auth/signup', {
      host,
      method: 'POST',
      // A proxy claiming https changes nothing once the origin is configured.
      headers: { origin, 'x-forwarded-proto': 'https' },
      body: { email: uniqueEmail('http'), password: 'lang genoeg wachtwoord', name: 'Http' },
    });

  it('X-Forwarded-Proto: https does not make the own origin https', async () => {
    expect((await signUp('https://werkplaats.test:8080')).status).toBe(403);
    const response = await signUp('http://werkplaats.test:8080');
    expect(response.status, response.text).toBe(201);
    expect(sessionCookieOf(response)).toMatchObject({
      cookie: expect.stringMatching(/^werkplaats_session=/),
      secure: false,
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('the own origin is PUBLIC_ORIGIN, not the Host: a proxy passing the name without its port (nginx $host)', async () => {
    const response = await signUp('http://werkplaats.test:8080', 'werkplaats.test');
    expect(response.status, response.text).toBe(201);
    expect((await signUp('http://werkplaats.test', 'werkplaats.test')).status).toBe(403);
  });
});
