import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentsOf, withStoredDocuments } from '../../support/collabEngines';
import { connectRaw, updateFrame, type RawClient } from '../../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import { connectSynced, stateVector, waitFor, type TestClient } from '../../support/yclient';

let server: TestServer;
let raws: RawClient[];
let observer: TestClient | undefined;

beforeEach(async () => {
  // No compaction during the test: every accepted update must show up as its own log row.
  server = await startTestServer({ COMPACT_EVERY: '1000000' });
  raws = [];
  observer = undefined;
});

afterEach(async () => {
  for (const raw of raws) raw.terminate();
  observer?.destroy();
  await server.close();
});

const SOCKETS = 4;
const UPDATES_PER_SOCKET = 50;

/** UPDATES_PER_SOCKET separate updates from one client id (text inserts and array pushes). */
function makeUpdates(clientID: number): Uint8Array[] {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < UPDATES_PER_SOCKET; i++) {
    doc.transact(() => {
      doc.getText('t').insert(0, `${clientID}:${i};`);
      doc.getArray('items').push([`${clientID}-${i}`]);
    });
  }
  doc.destroy();
  return updates;
}

describe('group commit', () => {
  it('stores every update that several sockets send in one event-loop turn, once each', async () => {
    const docId = await server.createDocument();
    observer = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const rowsBefore = await countLogRows(server.dataDir, docId);

    const batches = Array.from({ length: SOCKETS }, (_, k) => makeUpdates(3000 + k));
    raws = batches.map(() => connectRaw(server.wsUrl, docId, { durable: true, cookie: server.cookie }));
    // A bare reader: counts the relayed update frames it receives.
    const reader = connectRaw(server.wsUrl, docId, { cookie: server.cookie });
    await Promise.all([...raws, reader].map((raw) => raw.opened));
    await reader.roundTrip();
    const isUpdateFrame = (frame: Uint8Array) => frame[0] === 0 && frame[1] === 2;
    const readerUpdatesBefore = reader.frames.filter(isUpdateFrame).length;

    // All frames from all sockets leave in this one synchronous loop, interleaved.
    for (let i = 0; i < UPDATES_PER_SOCKET; i++) {
      batches.forEach((updates, k) => raws[k]!.send(updateFrame(updates[i]!)));
    }

    await waitFor(
      () => raws.every((raw) => raw.acked === UPDATES_PER_SOCKET),
      () => `acks: ${raws.map((raw) => raw.acked).join(', ')} (want ${UPDATES_PER_SOCKET} each)`,
    );

    // One log row per update, no more (no duplicates), no fewer (nothing dropped).
    expect((await countLogRows(server.dataDir, docId)) - rowsBefore).toBe(SOCKETS * UPDATES_PER_SOCKET);

    // Loading the file from a separate connection gives a doc that contains every update.
    const expected = new Y.Doc();
    for (const updates of batches) for (const update of updates) Y.applyUpdate(expected, update);
    await withStoredDocuments(documentsOf(server), async (documents) => {
      const stored = await documents.doc(docId);
      const snapshot = Y.snapshot(stored);
      for (const updates of batches) {
        for (const update of updates) expect(Y.snapshotContainsUpdate(snapshot, update)).toBe(true);
      }
      expect(stored.getArray('items').length).toBe(SOCKETS * UPDATES_PER_SOCKET);
      expect(stored.getText('t').toString()).toBe(expected.getText('t').toString());
      stored.destroy();
    });

    // And a connected provider received all of it, relayed after commit.
    await waitFor(
      () => observer!.doc.getArray('items').length === SOCKETS * UPDATES_PER_SOCKET,
      () => `observer has ${observer!.doc.getArray('items').length} items`,
    );
    expect(observer.doc.getText('t').toString()).toBe(expected.getText('t').toString());
    // Fan-out per commit, not per update: each room batch reaches a reader as one merged frame.
    const relayed = reader.frames.filter(isUpdateFrame).length - readerUpdatesBefore;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThan((SOCKETS * UPDATES_PER_SOCKET) / 2);
    reader.terminate();
    const expectedVector = stateVector(expected);
    for (let k = 0; k < SOCKETS; k++) {
      const id = String(3000 + k);
      expect(stateVector(observer.doc)[id]).toBe(expectedVector[id]);
    }
    expected.destroy();
  });
});
