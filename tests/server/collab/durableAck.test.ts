import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/collab/messages';
import {
  clusterForFile,
  documentsOf,
  ENGINES,
  engineSettings,
  openStoredDocuments,
} from '../../support/collabEngines';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, nextTurn, waitFor, waitForAllAcked, type TestClient } from '../../support/yclient';

const cluster = clusterForFile();

describe.each(ENGINES)('durable-ack (message type 4) on %s', (engine) => {
  let server: TestServer;
  let clients: TestClient[];

  beforeEach(async () => {
    server = await startTestServer(await engineSettings(engine, cluster));
    clients = [];
  });

  afterEach(async () => {
    for (const client of clients) client.destroy();
    await server.close();
  });

  async function join(docId: string, durable: boolean): Promise<TestClient> {
    const client = await connectSynced(server.wsUrl, docId, { durable, cookie: server.cookie });
    clients.push(client);
    return client;
  }

  it('acknowledges every document-update frame of a ?durable=1 socket, only once it is on disk', async () => {
    const docId = await server.createDocument();
    const writer = await join(docId, true);
    const socket = writer.socket;
    const text = writer.doc.getText('t');

    // At the moment an ack for n arrives, the first n updates must already be readable through a
    // separate connection. The read starts at once (SQLite reads the file right there,
    // synchronously; PostgreSQL's snapshot is taken a round trip later); the comparison may finish
    // later.
    const violations: string[] = [];
    const checks: Promise<void>[] = [];
    const stored = await openStoredDocuments(documentsOf(server));
    const check = async (count: number, sent: Uint8Array[]) => {
      const doc = await stored.doc(docId);
      const snapshot = Y.snapshot(doc);
      sent.forEach((update, index) => {
        if (!Y.snapshotContainsUpdate(snapshot, update))
          violations.push(`update ${index + 1} acked by ${count}`);
      });
      doc.destroy();
    };
    socket.onAck = (count) => checks.push(check(count, socket.sentUpdates.slice(0, count)));

    try {
      for (let i = 0; i < 60; i++) {
        text.insert(text.length, `${i},`);
        if (i % 5 === 0) await nextTurn();
      }
      await waitForAllAcked(writer);
      await Promise.all(checks);
    } finally {
      await stored.close();
    }

    // sync step 2 (answer to the server's step 1) + 60 updates.
    expect(socket.sentUpdates.length).toBe(61);
    expect(socket.ackedUpdates).toBe(61);
    expect(socket.acks.length).toBeGreaterThan(0);
    // Acks only ever grow.
    expect(socket.acks).toEqual([...socket.acks].sort((a, b) => a - b));
    expect(violations).toEqual([]);
  });

  it('never sends type 4 to a plain client, while a durable client on the same doc gets acks', async () => {
    const docId = await server.createDocument();
    const plain = await join(docId, false);
    const durable = await join(docId, true);

    for (let i = 0; i < 20; i++) {
      plain.doc.getText('t').insert(0, 'p');
      durable.doc.getText('t').insert(0, 'd');
      await nextTurn();
    }
    await waitForAllAcked(durable);
    await waitFor(
      () => plain.doc.getText('t').length === 40 && durable.doc.getText('t').length === 40,
      'the two clients did not exchange their edits',
    );

    expect(plain.socket.sentUpdates.length).toBeGreaterThanOrEqual(21);
    expect(plain.socket.receivedTypes).not.toContain(MessageType.durable);
    expect(plain.socket.acks).toEqual([]);
    // What a plain y-websocket client receives is exactly y-websocket's protocol.
    expect(new Set(plain.socket.receivedTypes)).toEqual(new Set([MessageType.sync]));
    expect(durable.socket.receivedTypes).toContain(MessageType.durable);
  });
});
