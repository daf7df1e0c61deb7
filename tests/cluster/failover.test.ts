import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/collabEngines';
import { startLoadBalancer, type LoadBalancer } from '../support/loadBalancer';
import { createDocumentAt, createOwnerAt, type TestOwner } from '../support/server';
import { connectSynced, waitFor, type TestClient } from '../support/yclient';
import {
  ackedUpdates,
  differFromStored,
  missingFrom,
  missingFromStored,
  seqProblems,
  startWriters,
  waitSettled,
} from './support/checks';
import { clusterOfInstances, type Instance, type TestCluster } from './support/instances';

/**
 * One of two instances goes away under writers on both, behind a load balancer: killed (-9) or
 * stopped (SIGTERM). Its clients reconnect through the balancer to the other instance, nothing
 * acked is lost, and everyone ends equal to what PostgreSQL stored, with the log numbered without gaps.
 */

const cluster = clusterOfInstances();
const clients: TestClient[] = [];
let balancer: LoadBalancer | undefined;
let owner: TestOwner | undefined;
let stopWriting = () => {};

afterEach(async () => {
  stopWriting();
  for (const client of clients.splice(0)) client.destroy();
  const { instances, unexpectedExits } = await cluster();
  for (const instance of instances) if (!instance.running) await instance.start();
  expect(unexpectedExits.splice(0)).toEqual([]);
});

afterAll(async () => {
  await balancer?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scene {
  c: TestCluster;
  a: Instance;
  b: Instance;
  docId: string;
  /** Durable writers connected through the balancer to A, then to B. */
  viaA: TestClient[];
  viaB: TestClient[];
}

/** A fresh document and three durable clients through the balancer on each instance. */
async function setUp(): Promise<Scene> {
  const c = await cluster();
  const [a, b] = c.instances as [Instance, Instance];
  balancer ??= await startLoadBalancer([a.port, b.port]);
  owner ??= await createOwnerAt(a.url);
  const docId = await createDocumentAt(a.url, owner, { title: 'Failover' });
  const through = async (instance: Instance) => {
    balancer!.setBackends([instance.port]);
    const connected = await Promise.all(
      [1, 2, 3].map(() => connectSynced(balancer!.wsUrl, docId, { cookie: owner!.cookie, durable: true })),
    );
    clients.push(...connected);
    return connected;
  };
  const viaA = await through(a);
  const viaB = await through(b);
  balancer.setBackends([a.port, b.port]);
  expect(balancer.openConnections(a.port)).toBe(3);
  return { c, a, b, docId, viaA, viaB };
}

/** A's balanced clients are all on B now, each on a new socket. */
async function waitMovedToB({ a, b, viaA }: Scene): Promise<void> {
  await waitFor(
    () => balancer!.openConnections(b.port) === 6 && viaA.every((client) => client.provider.synced),
    () =>
      `balanced sockets on A ${balancer!.openConnections(a.port)}, on B ${balancer!.openConnections(b.port)}`,
    10_000,
  );
  expect(balancer!.openConnections(a.port)).toBe(0);
  for (const client of viaA) expect(client.sockets.length).toBeGreaterThan(1);
}

/** Everyone equal to the stored document, every ack in it, the log numbered without gaps. */
async function expectConsistent({ c, docId }: Scene, settledClients: TestClient[]): Promise<void> {
  await waitSettled(settledClients);
  const acked = ackedUpdates(clients);
  expect(acked.length).toBeGreaterThan(30);
  expect(await missingFromStored(c.documentsAt, docId, acked)).toBe(0);
  expect(await differFromStored(c.documentsAt, docId, settledClients)).toEqual([]);
  expect(await seqProblems(c.databaseUrl, docId)).toEqual([]);
}

describe.runIf(ENGINES.includes('postgres'))(
  'an instance goes away under writers',
  { timeout: 90_000 },
  () => {
    it('kill -9 of A: its clients move to B, nothing acked is lost, A’s last commits reach B from PostgreSQL', async () => {
      const scene = await setUp();
      const { c, a, b, docId, viaA, viaB } = scene;
      // Straight to A, so it cannot reconnect anywhere: whatever of it B's reader gets after the kill
      // comes from PostgreSQL (Redis or the head check), not from a client sending it again.
      const pinnedToA = await connectSynced(a.wsUrl, docId, { cookie: owner!.cookie, durable: true });
      const readerOnB = await connectSynced(b.wsUrl, docId, { cookie: owner!.cookie });
      clients.push(pinnedToA, readerOnB);
      stopWriting = startWriters([...viaA, ...viaB, pinnedToA]);

      await sleep(1_500);
      const pinnedAckedAtKill = pinnedToA.socket.ackedUpdates;
      expect((await a.stop('SIGKILL')).signal).toBe('SIGKILL');
      // What A acked before it died is in PostgreSQL, read while A is down.
      expect(await missingFromStored(c.documentsAt, docId, ackedUpdates(clients))).toBe(0);
      expect(pinnedAckedAtKill).toBeGreaterThan(0);

      await waitMovedToB(scene);
      await sleep(1_500);
      stopWriting();
      const pinnedAcked = ackedUpdates([pinnedToA]);
      await waitFor(
        () => missingFrom(readerOnB.doc, pinnedAcked) === 0,
        () => `${missingFrom(readerOnB.doc, pinnedAcked)} of A’s acked updates never reached B`,
        5_000,
      );
      pinnedToA.destroy();
      await expectConsistent(scene, [...viaA, ...viaB, readerOnB]);
    });

    it('SIGTERM to A: it exits 0, its clients reconnect to B and go on editing, nothing acked is lost', async () => {
      const scene = await setUp();
      const { a, viaA, viaB } = scene;
      stopWriting = startWriters([...viaA, ...viaB], 2);

      await sleep(1_000);
      const firstSockets = viaA.map((client) => client.socket);
      expect(await a.stop('SIGTERM')).toEqual({ code: 0, signal: null });
      // Closed by the server as "going away", so the clients reconnect at once (not a crash).
      await waitFor(
        () => firstSockets.every((socket) => socket.closeCode !== null),
        'A’s sockets stayed open',
      );
      expect(firstSockets.map((socket) => socket.closeCode)).toEqual([1001, 1001, 1001]);

      await waitMovedToB(scene);
      const before = viaA.map((client) => client.socket.sentUpdates.length);
      await sleep(1_000);
      // They really edit on B: new frames on the new sockets.
      viaA.forEach((client, index) =>
        expect(client.socket.sentUpdates.length).toBeGreaterThan(before[index]!),
      );
      stopWriting();
      await expectConsistent(scene, [...viaA, ...viaB]);
    });
  },
);
