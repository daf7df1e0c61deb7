import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadDoc } from '../../server/collab/loadDoc';
import { openDatabase } from '../../server/db/connection';
import { createDocStorage } from '../../server/stores/docStorage';
import {
  countLogRows,
  databasePath,
  makeDataDir,
  removeDataDir,
  startTestServer,
  type TestServer,
} from '../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../support/yclient';
import { captureStderr, sleep } from './support/stderr';
import { commitConnection, fillDisk, freeDisk } from './support/commitConnection';

/**
 * Real storage failures in the group-commit transaction, no mocks: SQLITE_FULL from the server's own
 * connection hitting `max_page_count` (what a full disk looks like to SQLite), SQLITE_BUSY from a
 * second connection holding the write lock. While storage fails nothing is acked or relayed; once it
 * recovers the queued updates are committed, acked and relayed without the client doing anything.
 */

let server: TestServer | undefined;
let dataDir: string | undefined;
const clients: TestClient[] = [];
let stderr: ReturnType<typeof captureStderr> | undefined;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
  stderr?.stop();
  stderr = undefined;
  if (dataDir) removeDataDir(dataDir);
  dataDir = undefined;
});

async function setup(overrides: Record<string, string> = {}) {
  dataDir = makeDataDir();
  stderr = captureStderr();
  server = await startTestServer({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    COMMIT_THREAD: commitThread,
    ...overrides,
  });
  const docId = await server.createDocument({ title: 'Storing' });
  const writer = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
  const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
  clients.push(writer, reader);
  await waitForAllAcked(writer);
  return { server, docId, writer, reader };
}

/** Asserts, for `ms`, that the writer gets no new ack and the reader never sees `marker`. */
async function assertHeldBack(writer: TestClient, reader: TestClient, marker: string, ms: number) {
  const ackedBefore = writer.socket.ackedUpdates;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    expect(writer.socket.ackedUpdates).toBe(ackedBefore);
    expect(reader.doc.getText('t').toString()).not.toContain(marker);
    await sleep(20);
  }
}

let commitThread: 'auto' | 'worker' | 'main' | 'split' = 'auto';

describe.each(['auto', 'worker', 'main', 'split'] as const)(
  'injected storage failures, commits on the %s thread',
  (thread) => {
    beforeEach(() => {
      commitThread = thread;
    });

    it('disk full (SQLITE_FULL): no durable-ack while failing; the edits arrive once space is back', async () => {
      const { server, docId, writer, reader } = await setup();
      const db = commitConnection(server);
      const rowsBefore = await countLogRows(server.dataDir, docId);
      const ackedBefore = writer.socket.ackedUpdates;
      const big = 'V'.repeat(fillDisk(db));
      writer.doc.getText('t').insert(0, `VOL-${big}`);
      writer.doc.getText('t').insert(0, 'daarna ');

      await waitFor(() => stderr!.text().includes('group commit failed'), 'the commit did not fail');
      expect(stderr!.text()).toMatch(/database or disk is full/);
      await assertHeldBack(writer, reader, 'VOL-', 400);
      expect(writer.socket.ackedUpdates).toBe(ackedBefore);
      expect(await countLogRows(server.dataDir, docId)).toBe(rowsBefore);
      expect(server.running.deps.rooms.writer.pending).toBe(2);
      // Someone joining now gets only committed state.
      const late = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
      clients.push(late);
      expect(late.doc.getText('t').toString()).toBe('');

      freeDisk(db);
      await waitForAllAcked(writer, 10_000);
      const expected = writer.doc.getText('t').toString();
      await waitFor(
        () =>
          reader.doc.getText('t').toString() === expected && late.doc.getText('t').toString() === expected,
        'the held-back edits did not reach the other clients',
      );
      expect(await countLogRows(server.dataDir, docId)).toBe(rowsBefore + 2);
    });

    it('database locked (SQLITE_BUSY): no durable-ack while the lock is held; the edits arrive after it', async () => {
      const { server, docId, writer, reader } = await setup({ SQLITE_BUSY_TIMEOUT_MS: '20' });
      const other = new Database(databasePath(server.dataDir));
      try {
        other.exec('BEGIN IMMEDIATE');
        const ackedBefore = writer.socket.ackedUpdates;
        writer.doc.getText('t').insert(0, 'BEZET ');
        await waitFor(() => stderr!.text().includes('group commit failed'), 'the commit did not fail');
        expect(stderr!.text()).toMatch(/database is locked/);
        await assertHeldBack(writer, reader, 'BEZET', 400);
        expect(writer.socket.ackedUpdates).toBe(ackedBefore);
        other.exec('ROLLBACK');
      } finally {
        other.close();
      }
      await waitForAllAcked(writer, 10_000);
      await waitFor(() => reader.doc.getText('t').toString() === 'BEZET ', 'the edit did not arrive');
      expect(await countLogRows(server.dataDir, docId)).toBeGreaterThan(0);
    });

    it('graceful shutdown commits what storage had refused until then', async () => {
      const { server, docId, writer } = await setup();
      const db = commitConnection(server);
      writer.doc.getText('t').insert(0, `UIT-${'x'.repeat(fillDisk(db))}`);
      await waitFor(() => stderr!.text().includes('group commit failed'), 'the commit did not fail');
      freeDisk(db);
      // Shut down before the writer's retry timer fires: close() itself must commit the queue.
      expect(server.running.deps.rooms.writer.pending).toBe(1);
      await server.running.close();

      const reopened = openDatabase(server.dataDir);
      try {
        const stored = (await loadDoc(createDocStorage(reopened), docId)).doc;
        expect(stored.getText('t').toString()).toBe(writer.doc.getText('t').toString());
        expect(Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(writer.doc))).toBe(true);
        stored.destroy();
      } finally {
        reopened.close();
      }
    });
  },
);

describe('disk full at shutdown', () => {
  it('the compaction fails, the server still shuts down, and every document loads whole from its log', async () => {
    const { server, docId, writer } = await setup({ COMMIT_THREAD: 'auto' });
    const otherId = await server.createDocument({ title: 'Tweede' });
    const other = await connectSynced(server.wsUrl, otherId, { durable: true, cookie: server.cookie });
    clients.push(other);
    // Large enough that neither document's compacted state fits in what is left of the file.
    writer.doc.getText('t').insert(0, 'a'.repeat(400_000));
    other.doc.getText('t').insert(0, 'b'.repeat(400_000));
    await waitForAllAcked(writer);
    await waitForAllAcked(other);
    const db = commitConnection(server);
    expect(fillDisk(db)).toBeLessThan(400_000);

    await server.running.close();
    expect(stderr!.text()).toContain('compaction at shutdown failed; trying each document on its own');
    expect(stderr!.text()).toContain('compaction on unload failed');

    // Nothing was compacted, nothing lost: both documents load whole from their logs.
    expect(await countLogRows(server.dataDir, docId)).toBeGreaterThan(0);
    expect(await countLogRows(server.dataDir, otherId)).toBeGreaterThan(0);
    const reopened = openDatabase(server.dataDir);
    try {
      for (const [id, client] of [
        [docId, writer],
        [otherId, other],
      ] as const) {
        const stored = (await loadDoc(createDocStorage(reopened), id)).doc;
        expect(stored.getText('t').toString()).toBe(client.doc.getText('t').toString());
        expect(stored.getMap('meta').get('title')).toBe(client.doc.getMap('meta').get('title'));
        stored.destroy();
      }
    } finally {
      reopened.close();
    }
  });
});
