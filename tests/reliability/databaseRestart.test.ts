import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clusterForFile, ENGINES, withStoredDocuments } from '../support/collabEngines';
import { startTestServer, type TestServer } from '../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../support/yclient';
import { sleep } from './support/stderr';

/**
 * The PostgreSQL server goes away under a running Werkplaats (killed, or restarted by its operator)
 * while a client keeps typing. Meanwhile nothing is acked or relayed; once the database is back the
 * same server reconnects by itself, commits what waited, and loses nothing it acked.
 */

const cluster = clusterForFile();
let server: TestServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
});

const outages = {
  /** A crash: SIGKILL to the postmaster; down until restarted. */
  killed: async (down: () => Promise<void>) => {
    const database = await cluster();
    await database.kill();
    await down();
    await database.restart();
  },
  /** An operator's restart (pg_ctl restart -m fast): connections are ended, down for its duration. */
  restarted: async (down: () => Promise<void>) => {
    const database = await cluster();
    await Promise.all([database.restart('fast'), down()]);
  },
};

describe.runIf(ENGINES.includes('postgres'))('the database restarted under a running server', () => {
  it.each(Object.keys(outages) as (keyof typeof outages)[])(
    '%s: writes wait and retry, nothing acked is lost, the server reconnects by itself',
    { timeout: 120_000 },
    async (outage) => {
      const url = await (await cluster()).createDatabase();
      server = await startTestServer({ DATABASE_URL: url });
      const docId = await server.createDocument();
      const writer = await connectSynced(server.wsUrl, docId, { durable: true, cookie: server.cookie });
      const reader = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
      clients.push(writer, reader);
      const text = writer.doc.getText('t');
      text.insert(0, 'voor ');
      await waitForAllAcked(writer);

      let ackedWhileDown = -1;
      await outages[outage](async () => {
        const acked = writer.socket.ackedUpdates;
        for (let i = 0; i < 20; i++) text.insert(text.length, `${i} `);
        await sleep(outage === 'killed' ? 1_500 : 300);
        if (outage === 'killed') {
          // Down for sure: nothing of it is acked or relayed.
          ackedWhileDown = writer.socket.ackedUpdates - acked;
          expect(reader.doc.getText('t').toString()).not.toContain('19 ');
          // A load balancer takes the instance out meanwhile.
          const ready = await server!.request('GET', '/api/ready');
          expect(ready.status).toBe(503);
          expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
        }
      });
      if (outage === 'killed') expect(ackedWhileDown).toBe(0);

      // The writer retries with backoff (at most 5 s apart); the same sockets stay open.
      await waitForAllAcked(writer, 30_000);
      await waitFor(() => reader.doc.getText('t').toString() === text.toString(), 'the reader fell behind');
      text.insert(text.length, 'na');
      await waitForAllAcked(writer);
      expect(writer.sockets).toHaveLength(1);
      expect(writer.socket.closeCode).toBeNull();
      expect(await (await server.request('GET', '/api/ready')).json()).toEqual({
        status: 'ok',
        database: 'ok',
        redis: 'off',
      });

      // The server talks to the database again: a new socket loads the document, the API answers.
      const fresh = await connectSynced(server.wsUrl, docId, { cookie: server.cookie });
      clients.push(fresh);
      expect(fresh.doc.getText('t').toString()).toBe(text.toString());
      expect((await server.request('GET', `/api/documents/${docId}`, { cookie: server.cookie })).status).toBe(
        200,
      );

      // Everything acked is committed, read through a connection of our own.
      const acked = writer.socket.sentUpdates.slice(0, writer.socket.ackedUpdates);
      expect(acked.length).toBeGreaterThan(20);
      await withStoredDocuments({ dataDir: server.dataDir, databaseUrl: url }, async (documents) => {
        const stored = await documents.doc(docId);
        const snapshot = Y.snapshot(stored);
        expect(acked.filter((update) => !Y.snapshotContainsUpdate(snapshot, update))).toEqual([]);
        expect(stored.getText('t').toString()).toBe(text.toString());
        stored.destroy();
      });
    },
  );
});
