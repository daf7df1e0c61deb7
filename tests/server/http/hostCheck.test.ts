import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus } from '../../support/rawclient';
import { startTestServer, type TestOwner, type TestServer } from '../../support/server';
import { hostRequest } from './hostRequest';

/**
 * A request whose Host names another site gets 421 and nothing else (no redirect): a page on a
 * DNS name rebound to this server's address must not reach the app, the API, the metrics or a
 * document socket. The tests' own ways in — 127.0.0.1:PORT and localhost:PORT — keep working.
 */

const METRICS_TOKEN = 'een-lang-genoeg-metrics-token';
const bearer = { authorization: `Bearer ${METRICS_TOKEN}` };

let server: TestServer;
let owner: TestOwner;
let docId: string;
let port: string;

beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN });
  owner = await server.owner();
  docId = await server.createDocument();
  port = String(server.running.port);
});

afterAll(async () => {
  await server.close();
});

const paths = () =>
  [
    ['the app', '/', {}],
    ['a client route', `/d/${docId}`, {}],
    ['the API', '/api/me', {}],
    ['an unknown API route', '/api/bestaat-niet', {}],
    ['the metrics', '/metrics', bearer],
    ['the plain collab route', `/collab/${docId}`, {}],
  ] as const;

describe('a foreign Host (HOST=127.0.0.1, no PUBLIC_ORIGIN)', () => {
  it.each(['evil.example', `evil.example:${'8787'}`, 'rebound.example.nl:80'])(
    '%s: 421 with the error shape on every path, and no redirect',
    async (host) => {
      for (const [name, path, headers] of paths()) {
        const response = await hostRequest(server.url, path, {
          host,
          headers: { ...headers, cookie: owner.cookie },
        });
        expect(response.status, name).toBe(421);
        expect(response.headers.location, name).toBeUndefined();
        expect(JSON.parse(response.text), name).toMatchObject({ error: { code: 'misdirected_request' } });
      }
    },
  );

  it('an unsafe request is refused before it does anything', async () => {
    const response = await hostRequest(server.url, '/api/teams', {
      host: 'evil.example',
      method: 'POST',
      headers: { cookie: owner.cookie, origin: 'http://evil.example' },
      body: { name: 'Via een ander adres', kind: 'atelier' },
    });
    expect(response.status).toBe(421);
    const teams = await server.request('GET', '/api/teams', { cookie: owner.cookie });
    expect(JSON.stringify(await teams.json())).not.toContain('Via een ander adres');
  });

  it('the WebSocket upgrade: 421 before the session or the document is looked at', async () => {
    expect(
      await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, {
        cookie: owner.cookie,
        host: 'evil.example',
        origin: 'http://evil.example',
      }),
    ).toBe(421);
  });

  it.each([
    ['127.0.0.1:PORT', () => `127.0.0.1:${port}`],
    ['localhost:PORT', () => `localhost:${port}`],
    ['the port a load balancer in front listens on', () => '127.0.0.1:9999'],
  ])('%s is this server: served as usual, the socket opens', async (_name, host) => {
    for (const [name, path, headers] of paths()) {
      const response = await hostRequest(server.url, path, {
        host: host(),
        headers: { ...headers, cookie: owner.cookie },
      });
      expect(response.status, name).not.toBe(421);
    }
    const socket = connectRaw(server.wsUrl, docId, {
      cookie: owner.cookie,
      headers: { host: host(), origin: `http://${host()}` },
    });
    await socket.opened;
    socket.terminate();
  });

  it.each(['/api/health', '/api/ready'])(
    '%s answers probes that reach the container by its address, whatever the Host',
    async (path) => {
      expect((await hostRequest(server.url, path, { host: '10.0.3.7:8787' })).status).toBe(200);
    },
  );
});

describe('with PUBLIC_ORIGIN=https://werkplaats.example.nl', () => {
  const PUBLIC = 'https://werkplaats.example.nl';
  let behind: TestServer;

  beforeAll(async () => {
    behind = await startTestServer({ PUBLIC_ORIGIN: PUBLIC, METRICS_TOKEN });
  });

  afterAll(async () => {
    await behind.close();
  });

  it('only its name is served: the listening address gets 421 (HTTP and upgrade)', async () => {
    const listening = `127.0.0.1:${String(behind.running.port)}`;
    for (const path of ['/', '/api/me', '/metrics']) {
      expect((await hostRequest(behind.url, path, { host: listening, headers: bearer })).status, path).toBe(
        421,
      );
      expect(
        (await hostRequest(behind.url, path, { host: 'werkplaats.example.nl', headers: bearer })).status,
        path,
      ).not.toBe(421);
    }
    expect(await refusedUpgradeStatus(`${behind.wsUrl}/${docId}`, { host: listening })).toBe(421);
  });
});

describe('with HOST=0.0.0.0 and no PUBLIC_ORIGIN', () => {
  it('any Host is served (a warning at start says so)', async () => {
    const open = await startTestServer({ HOST: '0.0.0.0' });
    try {
      const url = `http://127.0.0.1:${String(open.running.port)}`;
      expect((await hostRequest(url, '/api/me', { host: 'evil.example' })).status).toBe(401);
    } finally {
      await open.close();
    }
  });
});
