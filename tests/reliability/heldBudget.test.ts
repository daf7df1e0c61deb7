import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawClients } from '../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../support/server';

/**
 * Updates that build on content the server does not have are held per socket (missingDeps.test.ts).
 * Held updates cost memory until their base arrives, so they are bounded in bytes per socket and
 * per document, not only in number (64 frames of MAX_FRAME_BYTES would be ~640 MiB per socket at
 * 10 MiB frames). The frame limit is raised here so that the held budget, not it, is what closes.
 */

const MiB = 1024 * 1024;
let server: TestServer;
const raws = rawClients(() => server);

afterEach(async () => {
  raws.closeAll();
  await server.close();
});

const open = (docId: string) => raws.open(docId);

/** An update of `bytes` text that builds on an insertion the server never receives. */
function dependent(clientID: number, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, 'a');
  const vector = Y.encodeStateVector(doc);
  doc.getText('t').insert(1, 'x'.repeat(bytes));
  const update = Y.encodeStateAsUpdate(doc, vector);
  doc.destroy();
  return update;
}

describe('held updates have a byte budget', () => {
  it('sixteen 8 MiB dependency-less frames close their socket at the first (1009); nothing is stored', async () => {
    server = await startTestServer({ MAX_FRAME_BYTES: String(10 * MiB) });
    const docId = await server.createDocument();
    const bystander = await open(docId);
    const hostile = await open(docId);
    const big = dependent(9_001, 8 * MiB);
    for (let i = 0; i < 16; i++) hostile.sendUpdate(big);
    const closed = await hostile.closed;
    await bystander.roundTrip();
    expect(closed.code).toBe(1009);
    expect(hostile.acked).toBe(0);
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
    expect(bystander.socket.readyState).toBe(bystander.socket.OPEN);
    expect(server.running.deps.rooms.peek(docId)!.doc.store.pendingStructs).toBeNull();
  });

  it('two 3 MiB held updates pass the 4 MiB budget of a socket: closed with 1009', async () => {
    server = await startTestServer({ MAX_FRAME_BYTES: String(10 * MiB) });
    const docId = await server.createDocument();
    const hostile = await open(docId);
    hostile.sendUpdate(dependent(9_002, 3 * MiB));
    await hostile.roundTrip();
    expect(hostile.socket.readyState).toBe(hostile.socket.OPEN);
    hostile.sendUpdate(dependent(9_003, 3 * MiB));
    expect((await hostile.closed).code).toBe(1009);
  });

  it('the 16 MiB budget of a document closes the socket that would pass it (1013); the others stay', async () => {
    server = await startTestServer({ MAX_FRAME_BYTES: String(10 * MiB) });
    const docId = await server.createDocument();
    const sockets = [];
    for (let i = 0; i < 5; i++) sockets.push(await open(docId));
    for (let i = 0; i < 4; i++) {
      sockets[i]!.sendUpdate(dependent(9_100 + i, 3.5 * MiB));
      await sockets[i]!.roundTrip();
    }
    sockets[4]!.sendUpdate(dependent(9_200, 3.5 * MiB));
    expect((await sockets[4]!.closed).code).toBe(1013);
    for (const socket of sockets.slice(0, 4)) expect(socket.socket.readyState).toBe(socket.socket.OPEN);
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
    // What a closed socket held is released: a new socket may hold again.
    sockets[0]!.terminate();
    const next = await open(docId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    next.sendUpdate(dependent(9_300, 3.5 * MiB));
    await next.roundTrip();
    expect(next.socket.readyState).toBe(next.socket.OPEN);
  });
});
