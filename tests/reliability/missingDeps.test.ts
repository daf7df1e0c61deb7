import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawClients } from '../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../support/server';
import { waitFor } from '../support/yclient';

/**
 * Updates that build on content the server does not have. Yjs would keep them "pending" and
 * re-examine the pile on every later update (measured: 3,000 such updates from a fuzzing socket
 * made each update cost ~12 ms); the server holds them per socket instead, bounded, and queues
 * them once what they build on arrives.
 */

let server: TestServer;
const raws = rawClients(() => server);

afterEach(async () => {
  raws.closeAll();
  await server.close();
});

const open = (docId: string) => raws.open(docId);

/** Two updates of one client: `base` inserts, `next` builds on it. */
function chain(clientID: number, text: string): { base: Uint8Array; next: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  doc.getText('t').insert(0, text);
  const vector = Y.encodeStateVector(doc);
  const base = Y.encodeStateAsUpdate(doc);
  doc.getText('t').insert(text.length, '!');
  doc.getText('t').delete(0, 1);
  const next = Y.encodeStateAsUpdate(doc, vector);
  doc.destroy();
  return { base, next };
}

describe('updates that need content the server does not have', () => {
  it('are held (not stored, not acked) until the content arrives from another socket, then stored in order', async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    const tab = await open(docId);
    const otherTab = await open(docId);
    const { base, next } = chain(4242, 'basis');
    const own = chain(5151, 'eigen');

    // Frame 1 builds on content only the other tab has sent so far (BroadcastChannel between tabs).
    tab.sendUpdate(next);
    // Frame 2 stands on its own.
    tab.sendUpdate(own.base);
    await tab.roundTrip();
    await waitFor(async () => (await countLogRows(server.dataDir, docId)) === 1, 'frame 2 was not stored');
    // Frame 2 is stored, but an ack for it would also claim frame 1.
    expect(tab.acked).toBe(0);
    expect(server.running.deps.rooms.peek(docId)!.doc.store.pendingStructs).toBeNull();

    otherTab.sendUpdate(base);
    await waitFor(
      () => tab.acked === 2 && otherTab.acked === 1,
      () => `acks ${tab.acked}, ${otherTab.acked}`,
    );
    const doc = server.running.deps.rooms.peek(docId)!.doc;
    expect(doc.getText('t').toString()).toContain('asis!');
    expect(doc.getText('t').toString()).toContain('eigen');
    expect(doc.store.pendingStructs).toBeNull();
    expect(doc.store.pendingDs).toBeNull();
  });

  it('a socket that keeps sending such updates is closed (1007) once it holds too many; nothing is stored', async () => {
    server = await startTestServer();
    const docId = await server.createDocument();
    const hostile = await open(docId);
    const bystander = await open(docId);
    for (let i = 0; i < 200; i++) hostile.sendUpdate(chain(10_000 + i, `x${i}`).next);
    expect((await hostile.closed).code).toBe(1007);
    await bystander.roundTrip();
    expect(hostile.acked).toBe(0);
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
    const room = server.running.deps.rooms.peek(docId)!;
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(bystander.socket.readyState).toBe(bystander.socket.OPEN);
  });

  it('a held update whose base never comes closes its socket (1013) after a heartbeat, so the client re-syncs', async () => {
    server = await startTestServer({ HEARTBEAT_SECONDS: '0.2' });
    const docId = await server.createDocument();
    const tab = await open(docId);
    tab.sendUpdate(chain(777, 'nooit').next);
    const closed = await tab.closed;
    expect(closed.code).toBe(1013);
    expect(await countLogRows(server.dataDir, docId)).toBe(0);
  });
});
