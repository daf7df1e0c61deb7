import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/collabEngines';
import { createDocumentAt, createOwnerAt } from '../support/server';
import { connectSynced, waitFor, type TestClient } from '../support/yclient';
import {
  ackedUpdates,
  differFromStored,
  missingFromStored,
  readiness,
  seqProblems,
  startWriters,
  waitSettled,
} from './support/checks';
import { clusterOfInstances } from './support/instances';

/**
 * Redis only rings the bell: when its pub/sub connections drop or Redis itself dies and comes back
 * empty, writers on both instances still converge (the periodic head check reads PostgreSQL), and
 * /api/ready tells the operator the cluster runs degraded meanwhile.
 */

const cluster = clusterOfInstances();
const clients: TestClient[] = [];
let stopWriting = () => {};

afterEach(async () => {
  stopWriting();
  for (const client of clients.splice(0)) client.destroy();
  const { redis, unexpectedExits } = await cluster();
  if ((await redis.command('PING').catch(() => '')) !== '+PONG') await redis.restart();
  expect(unexpectedExits.splice(0)).toEqual([]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Within a few seconds: the head check runs every second, plus a commit and the relay. */
const CONVERGE_MS = 5_000;

describe.runIf(ENGINES.includes('postgres'))(
  'Redis fails under writers on two instances',
  { timeout: 90_000 },
  () => {
    it('pub/sub cut and Redis restarted: everyone converges, /api/ready says degraded while it is down', async () => {
      const c = await cluster();
      const [a, b] = c.instances;
      const owner = await createOwnerAt(a!.url);
      const docId = await createDocumentAt(a!.url, owner, { title: 'Redis weg' });
      for (const instance of [a!, a!, b!, b!]) {
        clients.push(await connectSynced(instance.wsUrl, docId, { cookie: owner.cookie, durable: true }));
      }
      for (const instance of [a!, b!]) {
        expect(await readiness(instance.url)).toMatchObject({ status: 200, body: { status: 'ok' } });
      }
      const writeFor = async (ms: number, seed: number) => {
        stopWriting = startWriters(clients, seed);
        await sleep(ms);
        stopWriting();
      };

      // 1. Every pub/sub connection cut mid-stream: each instance listens, and comes back.
      stopWriting = startWriters(clients, 1);
      await sleep(800);
      expect(await c.redis.killPubSubClients()).toBeGreaterThanOrEqual(2);
      await sleep(1_000);
      stopWriting();
      await waitSettled(clients, CONVERGE_MS);

      // 2. Redis killed while A's clients write and B's only read: B's own commits cannot reveal
      // A's rows, so only the head check brings them. The instances keep serving, and say so.
      const [onA, onB] = [clients.slice(0, 2), clients.slice(2)];
      stopWriting = startWriters(onA, 2);
      await sleep(300);
      await c.redis.kill();
      for (const instance of [a!, b!]) {
        await waitFor(
          async () => (await readiness(instance.url)).body.status === 'degraded',
          `${instance.name} did not report degraded with Redis down`,
          5_000,
        );
        const ready = await readiness(instance.url);
        // Still ready: the database answers, so the balancer must keep sending traffic.
        expect(ready.status).toBe(200);
        expect([true, 'ok']).not.toContain(ready.body.redis);
      }
      await sleep(1_000);
      stopWriting();
      await waitSettled(clients, CONVERGE_MS);
      const word = 'zonder-redis';
      const sent = Date.now();
      onA[0]!.doc.getText('t').insert(0, word);
      await waitFor(
        () => onB.every((client) => client.doc.getText('t').toString().startsWith(word)),
        'B never got the edit',
        CONVERGE_MS,
      );
      console.log(`an edit crossed without Redis in ${Date.now() - sent} ms`);

      // 3. Redis back (empty, on the same port): ready again, and edits flow both ways.
      await c.redis.restart();
      for (const instance of [a!, b!]) {
        await waitFor(
          async () => (await readiness(instance.url)).body.status === 'ok',
          `${instance.name} did not report ok after Redis came back`,
          10_000,
        );
      }
      await writeFor(1_000, 3);
      await waitSettled(clients, CONVERGE_MS);

      const acked = ackedUpdates(clients);
      expect(acked.length).toBeGreaterThan(50);
      expect(await missingFromStored(c.documentsAt, docId, acked)).toBe(0);
      expect(await differFromStored(c.documentsAt, docId, clients)).toEqual([]);
      expect(await seqProblems(c.databaseUrl, docId)).toEqual([]);
    });
  },
);
