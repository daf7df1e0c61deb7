import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus, syncStep1Frame } from '../../support/rawclient';
import {
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
  sessionCookie,
  startChildServer,
  startTestServer,
  type TestOwner,
  type TestServer,
  type TestUser,
} from '../../support/server';
import { waitFor } from '../../support/yclient';

let server: TestServer;
let docId: string;
let owner: TestOwner;
let outsider: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  docId = await server.createDocument();
  owner = await server.owner();
  outsider = await server.signUp('Buitenstaander');
});

afterAll(async () => {
  await server.close();
});

/** Every way an upgrade is refused, checked before anything is loaded. */
const refusals: Array<{
  name: string;
  status: number;
  path: () => string;
  headers: () => Record<string, string>;
}> = [
  { name: 'no session cookie', status: 401, path: () => docId, headers: () => ({}) },
  {
    name: 'a session cookie with a forged secret',
    status: 401,
    path: () => docId,
    headers: () => ({ cookie: sessionCookie(`${owner.token.split('.')[0]}.${'a'.repeat(52)}`) }),
  },
  {
    name: 'a signed-in user who is not in the team',
    status: 403,
    path: () => docId,
    headers: () => ({ cookie: outsider.cookie }),
  },
  {
    name: 'a foreign Origin (even with a member’s session)',
    status: 403,
    path: () => docId,
    headers: () => ({ cookie: server.cookie, origin: 'https://evil.example' }),
  },
  {
    // Same host, other scheme/port is foreign too.
    name: 'an Origin on another port of the same host',
    status: 403,
    path: () => docId,
    headers: () => ({ cookie: server.cookie, origin: 'http://127.0.0.1:1' }),
  },
  {
    name: 'a foreign Origin without a session',
    status: 403,
    path: () => docId,
    headers: () => ({ origin: 'https://evil.example' }),
  },
  {
    name: 'an unknown document id',
    status: 404,
    path: () => randomUUID(),
    headers: () => ({ cookie: server.cookie }),
  },
  {
    name: 'a malformed document id',
    status: 404,
    path: () => 'not-a-document-id',
    headers: () => ({ cookie: server.cookie }),
  },
];

describe('WebSocket upgrade on /collab/:docId', () => {
  it.each(refusals)('refuses $name with $status, without loading a room', async (refusal) => {
    const path = refusal.path();
    expect(server.running.deps.rooms.size).toBe(0);
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${path}`, refusal.headers())).toBe(refusal.status);
    expect(server.running.deps.rooms.peek(path)).toBeUndefined();
    expect(server.running.deps.rooms.size).toBe(0);
  });

  it('accepts a member with the app’s own Origin (and with no Origin, as non-browser clients send)', async () => {
    const browser = connectRaw(server.wsUrl, docId, {
      cookie: server.cookie,
      headers: { origin: server.url },
    });
    const script = connectRaw(server.wsUrl, docId, { cookie: server.cookie });
    await Promise.all([browser.opened, script.opened]);
    expect(server.running.deps.rooms.peek(docId)?.connections.size).toBe(2);
    browser.terminate();
    script.terminate();
    await Promise.all([browser.closed, script.closed]);
    // The same session in the __Host- cookie a browser keeps over https is accepted too.
    const secure = connectRaw(server.wsUrl, docId, {
      headers: { cookie: `__Host-werkplaats_session=${owner.token}` },
    });
    await secure.opened;
    secure.terminate();
    await secure.closed;
    // The room unloads again, so the refusal cases above stay independent of this one.
    await waitFor(() => server.running.deps.rooms.size === 0, 'the room did not unload');
  });
});

describe('an open socket', () => {
  it('carries only the route’s listeners, which keep nothing of the upgrade alive', async () => {
    const client = connectRaw(server.wsUrl, docId, { cookie: server.cookie });
    await client.opened;
    client.send(syncStep1Frame());
    await waitFor(() => client.frames.length > 0, 'no sync step 2 for the first frame');
    const room = server.running.deps.rooms.peek(docId)!;
    const [connection] = [...room.connections];
    const ws = connection!.socket;
    expect(ws.listenerCount('message')).toBe(1);
    expect(ws.listenerCount('error')).toBe(1);
    // ws's server keeps its own `close` listener (client tracking) next to the route's.
    expect(ws.listenerCount('close')).toBe(2);
    // A text frame closes with 1003, and closing leaves the room.
    client.send('hallo');
    expect((await client.closed).code).toBe(1003);
    await waitFor(() => server.running.deps.rooms.size === 0, 'the room did not unload');
  });

  it('answers a plain HTTP GET with the upgrade’s checks, then 426', async () => {
    expect((await fetch(`${server.url}/collab/${docId}`)).status).toBe(401);
    const member = await fetch(`${server.url}/collab/${docId}`, { headers: { cookie: server.cookie } });
    expect(member.status).toBe(426);
    expect(await member.json()).toMatchObject({ error: { code: 'upgrade_required' } });
    expect(server.running.deps.rooms.size).toBe(0);
  });
});

describe('socket errors (child process, real stderr)', () => {
  it('a client that resets its connection while the upgrade is checked does not take the server down', async () => {
    const dataDir = makeDataDir();
    const child = await startChildServer(dataDir);
    try {
      const { port } = new URL(child.url);
      for (let i = 0; i < 5; i++) {
        const socket = net.connect(Number(port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.write(
          `GET /collab/${randomUUID()} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n` +
            'Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
        // RST while the refusal (401) is being written: Node hands the socket over without an error listener.
        socket.resetAndDestroy();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await fetch(`${child.url}/api/health`)).status).toBe(200);
    } finally {
      child.kill('SIGKILL');
      await child.exited;
      removeDataDir(dataDir);
    }
  });

  it('an oversized frame closes with 1009, is logged through the server’s logger, and the server lives on', async () => {
    const dataDir = makeDataDir();
    const child = await startChildServer(dataDir, { LOG_LEVEL: 'warn', MAX_FRAME_BYTES: String(64 * 1024) });
    try {
      const owner = await createOwnerAt(child.url);
      const childDocId = await createDocumentAt(child.url, owner);
      const raw = connectRaw(child.wsUrl, childDocId, { cookie: owner.cookie });
      await raw.opened;
      raw.send(new Uint8Array(100 * 1024));
      expect((await raw.closed).code).toBe(1009);
      expect((await fetch(`${child.url}/api/health`)).status).toBe(200);

      // route.ts onError logs `collab socket error` at warn level.
      await waitFor(
        () => /collab socket error|Error/.test(child.stderr()),
        () => `nothing on stderr about the oversized frame: ${JSON.stringify(child.stderr())}`,
      );
      expect(child.stderr()).not.toMatch(/ReferenceError/);
      expect(child.stderr()).toMatch(/"level":"warn"[^\n]*"msg":"collab socket error"/);
    } finally {
      child.kill('SIGKILL');
      await child.exited;
      removeDataDir(dataDir);
    }
  });
});
