import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rawClients } from '../../support/rawclient';
import { countLogRows, startTestServer, type TestServer } from '../../support/server';
import { ConnectionEndTracker } from '../../../client/collab/ConnectionEndTracker';
import { connectSynced, waitFor } from '../../support/yclient';

/**
 * MAX_DOCUMENT_BYTES: an update that would make a document larger closes its socket with 4413
 * (the editor says "Dit document is te groot"); nothing of it is stored, others edit on, and
 * deletions still pass so the document can be made smaller.
 */

let server: TestServer;
const raws = rawClients(() => server);

afterEach(async () => {
  raws.closeAll();
  await server.close();
});

const open = (docId: string) => raws.open(docId);

describe('document size limit', () => {
  it('an update past MAX_DOCUMENT_BYTES closes its socket (4413) and is not stored; deletions pass', async () => {
    server = await startTestServer({ MAX_DOCUMENT_BYTES: String(64 * 1024) });
    const docId = await server.createDocument();
    const honest = await open(docId);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'a'.repeat(40_000));
    honest.sendUpdate(updates.shift()!);
    await waitFor(() => honest.acked === 1, 'the first 40 KB were not acked');

    const hostile = await open(docId);
    const other = new Y.Doc();
    other.getText('t').insert(0, 'b'.repeat(30_000));
    hostile.sendUpdate(Y.encodeStateAsUpdate(other));
    expect((await hostile.closed).code).toBe(4413);
    expect(await countLogRows(server.dataDir, docId)).toBe(1);

    doc.getText('t').delete(0, 39_000);
    honest.sendUpdate(updates.shift()!);
    await waitFor(() => honest.acked === 2, 'the deletion was not acked');
    expect(server.running.deps.rooms.peek(docId)!.doc.getText('t').length).toBe(1_000);
    expect(honest.socket.readyState).toBe(honest.socket.OPEN);
  });

  it('the y-websocket client ends with "documentTooLarge" and does not reconnect to send it again', async () => {
    server = await startTestServer({ MAX_DOCUMENT_BYTES: String(64 * 1024) });
    const docId = await server.createDocument();
    const client = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
    const tracker = new ConnectionEndTracker(client.provider);
    try {
      client.doc.getText('t').insert(0, 'x'.repeat(100_000));
      await waitFor(() => tracker.getSnapshot() === 'documentTooLarge', 'the tracker did not end');
      expect(client.permanentClose?.code).toBe(4413);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(client.sockets).toHaveLength(1);
      expect(await countLogRows(server.dataDir, docId)).toBe(0);
    } finally {
      tracker.destroy();
      client.destroy();
    }
  });
});
