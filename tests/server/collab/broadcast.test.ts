import { createRequire } from 'node:module';
import type { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preframe } from '../../../server/collab/connection';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, waitFor, type TestClient } from '../../support/yclient';

/**
 * Broadcasts are framed once (preframe) and written to each socket as one buffer; this relies on
 * ws's internals staying as they are, so the tests pin both the bytes and the internals.
 */

/** ws's own framing (not in its type definitions). */
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};

describe('preframe', () => {
  it('builds exactly the frame ws builds, for every length encoding', () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]) {
      const message = new Uint8Array(length).map((_, i) => (i * 31) % 251);
      const list = Sender.frame(Buffer.from(message), {
        fin: true,
        rsv1: false,
        opcode: 2,
        mask: false,
        readOnly: false,
      });
      expect(preframe(message).equals(Buffer.concat(list)), `length ${length}`).toBe(true);
    }
  });
});

describe('broadcast through a real server', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
  });

  it('takes the one-write path (ws internals as expected) and readers get small and large updates intact', async () => {
    const docId = await server.createDocument();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const readers = await Promise.all(
      [0, 1, 2].map(() => connectSynced(server.wsUrl, docId, { cookie: server.cookie })),
    );
    clients.push(writer, ...readers);
    const room = server.running.deps.rooms.peek(docId)!;
    expect(room.connections.size).toBe(4);
    for (const connection of room.connections) {
      const internals = connection.socket as unknown as {
        _sender: { _state: number; _queue: unknown[] };
        _socket: { write: unknown };
      };
      expect(internals._sender._state).toBe(0);
      expect(Array.isArray(internals._sender._queue)).toBe(true);
      expect(typeof internals._socket.write).toBe('function');
    }
    // Count one-write sends on the server side.
    let rawWrites = 0;
    for (const connection of room.connections) {
      const raw = (connection.socket as unknown as { _socket: { write: (data: Buffer) => boolean } })._socket;
      const write = raw.write.bind(raw);
      raw.write = (data: Buffer) => {
        rawWrites++;
        return write(data);
      };
    }
    const text = writer.doc.getText('t');
    text.insert(0, 'klein');
    text.insert(5, ` ${'groot'.repeat(20_000)}`); // > 64 KiB: the 8-byte length form
    for (let i = 0; i < 50; i++) text.insert(0, `${i},`);
    const expected = text.toString();
    await waitFor(
      () => readers.every((reader) => reader.doc.getText('t').toString() === expected),
      'readers did not converge',
    );
    expect(rawWrites).toBeGreaterThan(0);
  });

  it('falls back to ws when ws has a frame of its own queued, keeping the order', async () => {
    const docId = await server.createDocument();
    const writer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    clients.push(writer, reader);
    const room = server.running.deps.rooms.peek(docId)!;
    const readerSide = [...room.connections].at(-1)!;
    const socket = readerSide.socket as WebSocket & { _sender: { _state: number; dequeue(): void } };
    let fallbacks = 0;
    const send = socket.send.bind(socket);
    socket.send = ((data: Uint8Array) => {
      fallbacks++;
      return send(data);
    }) as typeof socket.send;
    // Pretend ws is busy (as while it deflates or reads a Blob): the next broadcasts go through ws.
    socket._sender._state = 1;
    writer.doc.getText('t').insert(0, 'via ws');
    await waitFor(() => fallbacks > 0, 'no fallback send');
    // ws ends its busy state by sending what it queued: then the direct path is taken again.
    socket._sender._state = 0;
    socket._sender.dequeue();
    writer.doc.getText('t').insert(0, 'direct ');
    await waitFor(() => reader.doc.getText('t').toString() === 'direct via ws', 'reader out of order');
  });
});
