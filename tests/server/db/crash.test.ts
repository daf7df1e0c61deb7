import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clusterForFile, ENGINES, engineSettings, withStoredDocuments } from '../../support/collabEngines';
import {
  createDocumentAt,
  createOwnerAt,
  makeDataDir,
  removeDataDir,
  startChildServer,
  type ChildServer,
} from '../../support/server';
import { connectClient, connectSynced, nextTurn, type TestClient } from '../../support/yclient';

const MIN_ACKED = 300;
/**
 * Unacked updates the writer lets pile up before it waits for acks. Without a bound, a loop that
 * sends faster than one fsync (tens of ms on a busy CI disk) outruns the server's per-socket cap
 * (MAX_PENDING_UPDATES_PER_SOCKET, 1,000), which closes the socket with 1013 before the kill.
 */
const IN_FLIGHT = 200;

const cluster = clusterForFile();
let dataDir: string | undefined;
const children: ChildServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  if (dataDir) removeDataDir(dataDir);
  dataDir = undefined;
});

/** Indexes of `updates` that `doc` does not contain, checked two independent ways. */
function missingUpdates(doc: Y.Doc, updates: Uint8Array[]): number[] {
  const missing = new Set<number>();
  const snapshot = Y.snapshot(doc);
  updates.forEach((update, index) => {
    if (!Y.snapshotContainsUpdate(snapshot, update)) missing.add(index);
  });
  // Applying an update the doc already holds must change nothing (no 'update' event).
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  let current = -1;
  copy.on('update', () => missing.add(current));
  updates.forEach((update, index) => {
    current = index;
    Y.applyUpdate(copy, update);
  });
  copy.destroy();
  return [...missing].sort((a, b) => a - b);
}

describe.each(ENGINES)('crash (SIGKILL) while a client streams edits, on %s', (engine) => {
  it('loses no acknowledged update', async () => {
    dataDir = makeDataDir();
    const settings = await engineSettings(engine, cluster);
    const first = await startChildServer(dataDir, settings);
    children.push(first);
    const owner = await createOwnerAt(first.url);
    const docId = await createDocumentAt(first.url, owner, { title: 'Crashtest' });
    const writer = connectClient(first.wsUrl, docId, { durable: true, clientID: 4242, cookie: owner.cookie });
    clients.push(writer);
    await writer.synced;
    // One socket only: after the kill the provider must not go looking for a new server.
    writer.provider.shouldConnect = false;
    const socket = writer.socket;
    const text = writer.doc.getText('stream');

    let ackedAtKill = -1;
    for (let i = 0; socket.closeCode === null && i < 50_000; i++) {
      while (socket.closeCode === null && socket.sentUpdates.length - socket.ackedUpdates >= IN_FLIGHT) {
        await nextTurn();
      }
      if (socket.closeCode !== null) break;
      text.insert(text.length, `${i};`);
      if (ackedAtKill < 0 && socket.ackedUpdates >= MIN_ACKED) {
        ackedAtKill = socket.ackedUpdates;
        first.kill('SIGKILL');
      }
      // Give acks (and the close) a chance to arrive between small bursts.
      if (i % 5 === 4) await nextTurn();
    }
    expect(
      ackedAtKill,
      `server acked only ${socket.ackedUpdates}; stderr:\n${first.stderr()}`,
    ).toBeGreaterThanOrEqual(MIN_ACKED);
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // For every update sent: acked (must survive) or not (may be lost).
    const sent = socket.sentUpdates.map((update, index) => ({ update, acked: index < socket.ackedUpdates }));
    const acked = sent.filter((entry) => entry.acked).map((entry) => entry.update);
    expect(acked.length).toBeGreaterThanOrEqual(MIN_ACKED);
    // The kill really came mid-stream: updates were still in flight.
    expect(sent.some((entry) => !entry.acked)).toBe(true);
    const ackedDoc = new Y.Doc();
    for (const update of acked) Y.applyUpdate(ackedDoc, update);
    const ackedText = ackedDoc.getText('stream').toString();
    ackedDoc.destroy();

    // 1. The database as the crash left it.
    await withStoredDocuments({ dataDir, databaseUrl: settings.DATABASE_URL }, async (documents) => {
      const stored = await documents.doc(docId);
      expect(missingUpdates(stored, acked)).toEqual([]);
      expect(stored.getText('stream').toString().startsWith(ackedText)).toBe(true);
      stored.destroy();
    });

    // 2. A new server on the same database serves it to a fresh client.
    const second = await startChildServer(dataDir, settings);
    children.push(second);
    // The session row survived the crash: the same cookie signs in on the new server.
    const reader = await connectSynced(second.wsUrl, docId, { cookie: owner.cookie });
    clients.push(reader);
    expect(missingUpdates(reader.doc, acked)).toEqual([]);
    expect(reader.doc.getText('stream').toString().startsWith(ackedText)).toBe(true);
    expect(reader.doc.getMap('meta').get('title')).toBe('Crashtest');

    reader.destroy();
    second.kill('SIGTERM');
    expect(await second.exited, second.stderr()).toEqual({ code: 0, signal: null });
  });
});
