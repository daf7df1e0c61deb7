import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '../../../shared/collab/messages';
import { clusterForFile, ENGINES } from '../../support/collabEngines';
import { connectRaw, type RawClient } from '../../support/rawclient';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../../support/yclient';

/**
 * Loading and unloading a document awaits the database. These races are real only where that takes
 * a round trip (PostgreSQL): a lock held by a second connection holds a load or an unload for as
 * long as the test wants, with real sockets on the other side.
 */

const cluster = clusterForFile();

describe.runIf(ENGINES.includes('postgres'))('rooms loading and unloading on PostgreSQL', () => {
  let server: TestServer;
  let pool: pg.Pool;
  let databaseUrl: string;
  const sockets: RawClient[] = [];
  const clients: TestClient[] = [];
  /** Locks still held (a failed test releases them here, so the server can shut down). */
  const held = new Set<() => Promise<void>>();

  beforeEach(async () => {
    databaseUrl = await (await cluster()).createDatabase();
    server = await startTestServer({ DATABASE_URL: databaseUrl });
    pool = new pg.Pool({ connectionString: databaseUrl });
  });

  afterEach(async () => {
    for (const release of held) await release();
    for (const socket of sockets.splice(0)) socket.terminate();
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    await pool.end();
  });

  /** Holds `lock` (SQL run in an open transaction) until the returned release() commits. */
  async function hold(lock: string, params: unknown[] = []): Promise<() => Promise<void>> {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query(lock, params);
    const release = async () => {
      if (!held.delete(release)) return;
      await client.query('COMMIT');
      client.release();
    };
    held.add(release);
    return release;
  }

  /** Lock requests of the server waiting on the held lock. */
  async function waiting(): Promise<number> {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a USING (pid)
       WHERE NOT l.granted AND a.application_name = 'werkplaats'`,
    );
    return rows[0]!.n;
  }

  const open = async (docId: string, durable = false) => {
    const socket = connectRaw(server.wsUrl, docId, { cookie: server.cookie, durable });
    sockets.push(socket);
    await socket.opened;
    return socket;
  };

  it('buffers the frames a socket sends while its document loads, and handles them in order', async () => {
    const docId = await server.createDocument();
    const release = await hold('LOCK TABLE doc_state IN ACCESS EXCLUSIVE MODE');
    const socket = await open(docId, true);
    const doc = new Y.Doc();
    doc.on('update', (update: Uint8Array) => socket.sendUpdate(update));
    for (let i = 0; i < 50; i++) doc.getText('t').insert(i, String(i % 10));
    await waitFor(async () => (await waiting()) > 0, 'the load did not wait for the lock');
    expect(server.running.deps.rooms.size).toBe(0);
    expect(socket.frames).toEqual([]);

    await release();
    await waitFor(
      () => socket.acked === 50,
      () => `acked ${socket.acked} of 50`,
    );
    const room = server.running.deps.rooms.peek(docId)!;
    expect(room.doc.getText('t').toString()).toBe(doc.getText('t').toString());
    doc.destroy();
  });

  it('closes a socket whose frames while its document loads pass the held-byte budget (1009); others load', async () => {
    await server.close();
    server = await startTestServer({
      DATABASE_URL: databaseUrl,
      MAX_HELD_BYTES_PER_SOCKET: String(64 * 1024),
    });
    const docId = await server.createDocument();
    const release = await hold('LOCK TABLE doc_state IN ACCESS EXCLUSIVE MODE');
    const flooding = await open(docId);
    const patient = await open(docId, true);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(20 * 1024));
    const update = Y.encodeStateAsUpdate(doc);
    // Three frames of 20 KiB fit the 64 KiB budget; the fourth does not.
    for (let i = 0; i < 3; i++) flooding.sendUpdate(update);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(flooding.socket.readyState).toBe(flooding.socket.OPEN);
    flooding.sendUpdate(update);
    expect((await flooding.closed).code).toBe(1009);

    patient.sendUpdate(update);
    await release();
    await waitFor(() => patient.acked === 1, 'the other socket was not served');
    expect(server.running.deps.rooms.peek(docId)!.doc.getText('t').length).toBe(20 * 1024);
    doc.destroy();
  });

  it('loads a document once for two sockets that ask at the same time; both share one room', async () => {
    const docId = await server.createDocument();
    const release = await hold('LOCK TABLE doc_state IN ACCESS EXCLUSIVE MODE');
    const first = await open(docId);
    const second = await open(docId);
    await waitFor(async () => (await waiting()) > 0, 'the load did not wait for the lock');
    // Long enough for a second load to have reached the lock too.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await waiting()).toBe(1);

    await release();
    await waitFor(
      () => server.running.deps.rooms.peek(docId)?.connections.size === 2,
      'the two sockets are not in one room',
    );
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'gedeeld');
    first.sendUpdate(Y.encodeStateAsUpdate(doc));
    await waitFor(
      () => second.receivedTypes.filter((type) => type === MessageType.sync).length >= 2,
      'the second socket got no update relayed from the first',
    );
    doc.destroy();
  });

  it('a join during an unload waits for it, then loads the document fresh with everything in it', async () => {
    const docId = await server.createDocument();
    const before = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    clients.push(before);
    before.doc.getText('t').insert(0, 'voor ');
    await waitForAllAcked(before);
    const unloading = server.running.deps.rooms.peek(docId)!;

    // The unload's compaction waits for this row lock.
    const release = await hold('SELECT 1 FROM doc_state WHERE doc_id = $1 FOR UPDATE', [docId]);
    clients.splice(0).forEach((client) => client.destroy());
    await waitFor(async () => (await waiting()) > 0, 'the unload did not wait for the lock');
    expect(server.running.deps.rooms.peek(docId)).toBeUndefined();

    const during = await open(docId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(during.frames, 'served before the unload finished').toEqual([]);

    await release();
    await waitFor(() => during.frames.length > 0, 'the socket was never served');
    const after = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
    clients.push(after);
    expect(after.doc.getText('t').toString()).toBe('voor ');
    const room = server.running.deps.rooms.peek(docId)!;
    expect(room).not.toBe(unloading);
    expect(room.connections.size).toBe(2);
    after.doc.getText('t').insert(5, 'na');
    await waitForAllAcked(after);
    expect(room.doc.getText('t').toString()).toBe('voor na');
  });
});
