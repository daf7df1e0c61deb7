import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startTestServer, type TestServer } from '../../support/server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The X-Request-Id of a WebSocket upgrade's answer (101 or a refusal). */
function upgradeRequestId(url: string, headers: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('upgrade', (response) => {
      resolve(response.headers['x-request-id'] as string | undefined);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.headers['x-request-id'] as string | undefined);
      response.destroy();
    });
    socket.once('error', reject);
  });
}

describe('X-Request-Id', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ MAX_BODY_BYTES: '1024', METRICS_TOKEN: 'a-metrics-token-0123456789' });
    await server.owner();
  });
  afterAll(() => server.close());

  const idOf = async (path: string, init: RequestInit = {}) =>
    (await fetch(`${server.url}${path}`, init)).headers.get('x-request-id');

  it('is on every response, errors and refusals included, and differs per request', async () => {
    const ids = [
      await idOf('/api/health'),
      await idOf('/api/no-such-route'),
      await idOf('/api/me'),
      await idOf('/metrics'),
      await idOf('/a/page'),
      // A foreign Origin (403) and a body over MAX_BODY_BYTES (413) are refused by middleware.
      await idOf('/api/auth/login', { method: 'POST', headers: { origin: 'https://elders.example' } }),
      await idOf('/api/auth/login', {
        method: 'POST',
        headers: { origin: server.url, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'x'.repeat(2048) }),
      }),
    ];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes an incoming id that is at most 64 characters of [A-Za-z0-9._-]', async () => {
    for (const id of ['abc', '1-5f84c7a5.trace_0-x', 'a'.repeat(64), '0af7651916cd43dd8448eb211c80319c']) {
      expect(await idOf('/api/health', { headers: { 'x-request-id': id } })).toBe(id);
    }
  });

  it('replaces an incoming id that is longer or could forge a log line or header', async () => {
    for (const id of ['a'.repeat(65), 'a b', 'a,b', 'a"b', 'a\tb', 'a=b', 'å', '../x']) {
      const answered = await idOf('/api/health', { headers: { 'x-request-id': id } });
      expect(answered, JSON.stringify(id)).toMatch(UUID);
    }
  });

  it('is on a WebSocket upgrade too: accepted (101) or refused', async () => {
    const docId = await server.createDocument();
    const url = `${server.wsUrl}/${docId}`;
    const origin = { origin: server.url };
    expect(await upgradeRequestId(url, { ...origin, cookie: server.cookie })).toMatch(UUID);
    expect(await upgradeRequestId(url, origin)).toMatch(UUID);
    expect(await upgradeRequestId(url, { ...origin, cookie: server.cookie, 'x-request-id': 'ws-1' })).toBe(
      'ws-1',
    );
    expect(await upgradeRequestId(url, { ...origin, 'x-request-id': 'a b' })).toMatch(UUID);
    expect(await upgradeRequestId(`${server.url.replace(/^http/, 'ws')}/elders`, origin)).toMatch(UUID);
  });
});
