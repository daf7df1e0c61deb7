import { afterEach, describe, expect, it } from 'vitest';
import type { Env } from '../../../server/env';
import { connectRaw, refusedUpgradeStatus, type RawClient } from '../../support/rawclient';
import { startTestServer, uniqueEmail, type TestServer } from '../../support/server';

/**
 * Behind a reverse proxy every request arrives from the proxy's address. These tests are that
 * proxy: every request comes from 127.0.0.1 and says in X-Forwarded-For which client it carries.
 * Only with TRUST_PROXY does each client get limits of its own; without it the header is ignored,
 * so a client cannot shed its limits by inventing addresses.
 */

const ALICE = '203.0.113.7';
const BOB = '198.51.100.23';

let server: TestServer | undefined;
const sockets: RawClient[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server?.close();
  server = undefined;
});

async function start(overrides: Partial<Record<keyof Env, string>>): Promise<TestServer> {
  server = await startTestServer(overrides);
  return server;
}

async function signUpVia(forwardedFor: string): Promise<number> {
  const response = await server!.request('POST', '/api/auth/signup', {
    body: { email: uniqueEmail('proxy'), password: 'lang genoeg wachtwoord', name: 'Via de proxy' },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  return response.status;
}

async function logInVia(forwardedFor: string, email: string, password: string): Promise<number> {
  const response = await server!.request('POST', '/api/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': forwardedFor },
  });
  return response.status;
}

/** The address the audit log recorded for the user's latest login. */
async function loggedAddress(userId: string): Promise<unknown> {
  const events = await server!.running.deps.stores.audit.forActor(userId);
  return events.findLast((event) => event.action === 'auth.login')?.details['address'];
}

describe('sign-up budget per address (SIGNUPS_PER_ADDRESS_PER_HOUR=2)', () => {
  it('without TRUST_PROXY: X-Forwarded-For is ignored, everyone behind the proxy shares one budget', async () => {
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '2' });
    expect([await signUpVia(ALICE), await signUpVia(BOB), await signUpVia('192.0.2.99')]).toEqual([
      201, 201, 429,
    ]);
  });

  it('with TRUST_PROXY=1: each client its own budget; a forged left-most entry does not help', async () => {
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '2', TRUST_PROXY: '1' });
    expect([await signUpVia(ALICE), await signUpVia(ALICE)]).toEqual([201, 201]);
    expect(await signUpVia(ALICE)).toBe(429);
    // What Alice's browser claims comes first; the proxy appends the address it saw.
    expect(await signUpVia(`${BOB}, ${ALICE}`)).toBe(429);
    expect([await signUpVia(BOB), await signUpVia(BOB)]).toEqual([201, 201]);
  });

  it('with a list of proxies: only a listed peer is believed, hop by hop', async () => {
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '1', TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    // Through a second, listed proxy (10.0.0.2): still Alice and Bob.
    expect(await signUpVia(`${ALICE}, 10.0.0.2`)).toBe(201);
    expect(await signUpVia(`${BOB}, 10.0.0.2`)).toBe(201);
    expect(await signUpVia(ALICE)).toBe(429);
  });

  it('with a list that does not name the peer: the header is ignored', async () => {
    await start({ SIGNUPS_PER_ADDRESS_PER_HOUR: '1', TRUST_PROXY: '10.0.0.0/8' });
    expect([await signUpVia(ALICE), await signUpVia(BOB)]).toEqual([201, 429]);
  });
});

describe('wrong passwords per address (LOGIN_MAX_FAILURES_PER_ADDRESS=2)', () => {
  const settings = { LOGIN_MAX_FAILURES_PER_ADDRESS: '2', LOGIN_MAX_FAILURES_PER_ACCOUNT: '100' };

  it('without TRUST_PROXY: one client guessing locks out everyone behind the proxy', async () => {
    await start(settings);
    const bob = await server!.signUp('Bob');
    expect(await logInVia(ALICE, bob.email, 'fout wachtwoord')).toBe(401);
    expect(await logInVia(ALICE, bob.email, 'fout wachtwoord')).toBe(401);
    expect(await logInVia(BOB, bob.email, bob.password)).toBe(429);
  });

  it('with TRUST_PROXY=1: the guesser is limited, the others log in; the audit log names the client', async () => {
    await start({ ...settings, TRUST_PROXY: '1' });
    const bob = await server!.signUp('Bob');
    expect(await logInVia(ALICE, bob.email, 'fout wachtwoord')).toBe(401);
    expect(await logInVia(ALICE, bob.email, 'fout wachtwoord')).toBe(401);
    expect(await logInVia(`${BOB}, ${ALICE}`, bob.email, bob.password)).toBe(429);
    expect(await logInVia(BOB, bob.email, bob.password)).toBe(200);
    expect(await loggedAddress(bob.id)).toBe(BOB);
  });

  it('without TRUST_PROXY the audit log names the peer, whatever the header says', async () => {
    await start(settings);
    const bob = await server!.signUp('Bob');
    expect(await logInVia(BOB, bob.email, bob.password)).toBe(200);
    expect(await loggedAddress(bob.id)).toBe('127.0.0.1');
  });
});

describe('sockets and event streams per address (MAX_SOCKETS_PER_ADDRESS=1)', () => {
  async function openSocket(docId: string, cookie: string, forwardedFor: string): Promise<void> {
    const socket = connectRaw(server!.wsUrl, docId, { cookie, headers: { 'x-forwarded-for': forwardedFor } });
    sockets.push(socket);
    await socket.opened;
  }

  const upgradeStatus = (docId: string, cookie: string, forwardedFor: string) =>
    refusedUpgradeStatus(`${server!.wsUrl}/${docId}`, { cookie, 'x-forwarded-for': forwardedFor });

  /** The status an event stream opens with (a 200 is closed again at once). */
  async function streamStatus(docId: string, cookie: string, forwardedFor: string): Promise<number> {
    const abort = new AbortController();
    const response = await fetch(`${server!.url}/api/documents/${docId}/events`, {
      headers: { cookie, accept: 'text/event-stream', 'x-forwarded-for': forwardedFor },
      signal: abort.signal,
    });
    abort.abort();
    return response.status;
  }

  it('with TRUST_PROXY=1: each client its own sockets', async () => {
    await start({ MAX_SOCKETS_PER_ADDRESS: '1', TRUST_PROXY: '1' });
    const docId = await server!.createDocument();
    const { cookie } = await server!.owner();
    await openSocket(docId, cookie, ALICE);
    expect(await upgradeStatus(docId, cookie, ALICE)).toBe(429);
    expect(await upgradeStatus(docId, cookie, `${BOB}, ${ALICE}`)).toBe(429);
    expect(await streamStatus(docId, cookie, ALICE)).toBe(429);
    await openSocket(docId, cookie, BOB);
  });

  it('without TRUST_PROXY: one socket for everyone behind the proxy', async () => {
    await start({ MAX_SOCKETS_PER_ADDRESS: '1' });
    const docId = await server!.createDocument();
    const { cookie } = await server!.owner();
    await openSocket(docId, cookie, ALICE);
    expect(await upgradeStatus(docId, cookie, BOB)).toBe(429);
    expect(await streamStatus(docId, cookie, BOB)).toBe(429);
  });

  it('with TRUST_PROXY=1 an event stream counts for its client too', async () => {
    await start({ MAX_SOCKETS_PER_ADDRESS: '1', TRUST_PROXY: '1' });
    const docId = await server!.createDocument();
    const { cookie } = await server!.owner();
    await openSocket(docId, cookie, ALICE);
    expect(await streamStatus(docId, cookie, BOB)).toBe(200);
  });
});
