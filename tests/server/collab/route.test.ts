import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, refusedUpgradeStatus } from '../../support/rawclient';
import {
  createDocumentAt,
  makeDataDir,
  removeDataDir,
  startChildServer,
  startTestServer,
  type TestServer,
} from '../../support/server';
import { waitFor } from '../../support/yclient';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe('WebSocket upgrade on /collab/:docId', () => {
  it('refuses an unknown document id with 404, without loading anything', async () => {
    const unknown = randomUUID();
    const loadedBefore = server.running.deps.rooms.size;
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${unknown}`)).toBe(404);
    expect(await refusedUpgradeStatus(`${server.wsUrl}/not-a-document-id`)).toBe(404);
    expect(server.running.deps.rooms.peek(unknown)).toBeUndefined();
    expect(server.running.deps.rooms.size).toBe(loadedBefore);
  });

  it('refuses a foreign Origin with 403, without loading the document', async () => {
    const docId = await server.createDocument();
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, { origin: 'https://evil.example' })).toBe(
      403,
    );
    // Same host, other scheme/port is foreign too.
    expect(await refusedUpgradeStatus(`${server.wsUrl}/${docId}`, { origin: 'http://127.0.0.1:1' })).toBe(
      403,
    );
    expect(server.running.deps.rooms.peek(docId)).toBeUndefined();
  });

  it('accepts the app’s own Origin (and no Origin, as non-browser clients send) and loads the room', async () => {
    const docId = await server.createDocument();
    const browser = connectRaw(server.wsUrl, docId, { headers: { origin: server.url } });
    const script = connectRaw(server.wsUrl, docId);
    await Promise.all([browser.opened, script.opened]);
    expect(server.running.deps.rooms.peek(docId)?.connections.size).toBe(2);
    browser.terminate();
    script.terminate();
    await Promise.all([browser.closed, script.closed]);
  });
});

describe('socket errors (child process, real stderr)', () => {
  it('an oversized frame closes with 1009, is logged through the server’s logger, and the server lives on', async () => {
    const dataDir = makeDataDir();
    const child = await startChildServer(dataDir, { LOG_LEVEL: 'warn', MAX_FRAME_BYTES: String(64 * 1024) });
    try {
      const docId = await createDocumentAt(child.url);
      const raw = connectRaw(child.wsUrl, docId);
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
      expect(child.stderr()).toMatch(/WARN collab socket error/);
    } finally {
      child.kill('SIGKILL');
      await child.exited;
      removeDataDir(dataDir);
    }
  });
});
