import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus } from '../../support/rawclient';
import { startTestServer, type TestOwner, type TestServer, type TestUser } from '../../support/server';

/**
 * Cookie tossing: a sibling subdomain (or a man in the middle of any http page of the domain) can
 * plant a plain `werkplaats_session` cookie, never a `__Host-` one. Over https only the latter is
 * read, and wherever both arrive the `__Host-` one wins, whatever their order.
 */

let server: TestServer;
let victim: TestOwner;
let attacker: TestUser;
let docId: string;

beforeAll(async () => {
  server = await startTestServer();
  victim = await server.owner();
  docId = await server.createDocument();
  attacker = await server.signUp('Aanvaller Koekje');
});

afterAll(async () => {
  await server.close();
});

/** What a TLS-terminating proxy adds (isHttps in server/http/origin.ts). */
const HTTPS = { 'x-forwarded-proto': 'https' };
const plain = (token: string) => `werkplaats_session=${token}`;
const host = (token: string) => `__Host-werkplaats_session=${token}`;

async function whoAmI(cookie: string, headers: Record<string, string> = {}) {
  const response = await server.request('GET', '/api/me', { cookie, headers });
  return response.status === 200 ? ((await response.json()) as { id: string }).id : response.status;
}

describe('over https', () => {
  it('a request with only the plain cookie is signed out (401), though its session is valid', async () => {
    expect(await whoAmI(plain(attacker.token), HTTPS)).toBe(401);
    expect(await whoAmI(host(attacker.token), HTTPS)).toBe(attacker.id);
  });

  it('the WebSocket upgrade with only the plain cookie is refused with 401', async () => {
    const url = `${server.wsUrl}/${docId}`;
    expect(await refusedUpgradeStatus(url, { cookie: plain(victim.token), ...HTTPS })).toBe(401);
    const secure = connectRaw(server.wsUrl, docId, { headers: { cookie: host(victim.token), ...HTTPS } });
    await secure.opened;
    secure.terminate();
    await secure.closed;
  });
});

describe('both cookies sent (a tossed one first, as a longer Path puts it)', () => {
  it('the API uses the __Host- session', async () => {
    const both = `${plain(attacker.token)}; ${host(victim.token)}`;
    expect(await whoAmI(both)).toBe(victim.id);
    expect(await whoAmI(both, HTTPS)).toBe(victim.id);
  });

  it('the WebSocket upgrade uses the __Host- session', async () => {
    // The attacker has no access to the victim's document: opening proves whose session was read.
    const socket = connectRaw(server.wsUrl, docId, {
      headers: { cookie: `${plain(attacker.token)}; ${host(victim.token)}` },
    });
    await socket.opened;
    socket.terminate();
    await socket.closed;
  });
});

describe('over http', () => {
  it('the plain cookie still signs in (no __Host- cookie exists without https)', async () => {
    expect(await whoAmI(plain(victim.token))).toBe(victim.id);
  });
});
