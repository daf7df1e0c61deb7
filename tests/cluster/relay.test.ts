import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/collabEngines';
import { createDocumentAt, createOwnerAt, type TestOwner } from '../support/server';
import { connectSynced, waitFor, waitForAllAcked, type TestClient } from '../support/yclient';
import { holdCommits } from '../support/holdCommits';
import { clusterOfInstances, type TestCluster } from './support/instances';

/**
 * Two instances on one PostgreSQL database and one Redis: a client on A and one on B see each
 * other's edits and carets, and an edit reaches the other instance only once PostgreSQL has it.
 */

const cluster = clusterOfInstances();
const clients: TestClient[] = [];
let owner: TestOwner | undefined;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  const { instances, unexpectedExits } = await cluster();
  for (const instance of instances) if (!instance.running) await instance.start();
  expect(unexpectedExits.splice(0)).toEqual([]);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fresh document made through A, and the cluster. */
async function setUp(): Promise<{ c: TestCluster; docId: string; cookie: string }> {
  const c = await cluster();
  owner ??= await createOwnerAt(c.instances[0]!.url);
  return { c, docId: await createDocumentAt(c.instances[0]!.url, owner), cookie: owner.cookie };
}

async function connect(wsUrl: string, docId: string, cookie: string, durable = false): Promise<TestClient> {
  const client = await connectSynced(wsUrl, docId, { cookie, durable });
  clients.push(client);
  return client;
}

describe.runIf(ENGINES.includes('postgres'))('two instances, one document', { timeout: 60_000 }, () => {
  it('a client on A and a client on B see each other’s edits, in both directions', async () => {
    const { c, docId, cookie } = await setUp();
    const [a, b] = c.instances;
    const onA = await connect(a!.wsUrl, docId, cookie, true);
    const onB = await connect(b!.wsUrl, docId, cookie, true);
    const textA = onA.doc.getText('t');
    const textB = onB.doc.getText('t');

    // One edit at a time, alternating, timed from the edit to its arrival on the other instance.
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [from, to] = i % 2 === 0 ? [textA, textB] : [textB, textA];
      const word = `w${i} `;
      const sent = performance.now();
      from.insert(from.length, word);
      await waitFor(() => to.toString().includes(word), `edit ${i} did not cross over`, 5_000);
      latencies.push(performance.now() - sent);
    }
    expect(textA.toString()).toBe(textB.toString());
    await waitForAllAcked(onA);
    await waitForAllAcked(onB);
    latencies.sort((x, y) => x - y);
    console.log(
      `cross-instance relay: p50 ${latencies[10]!.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
  });

  it('an edit on A reaches B only after PostgreSQL committed it, and is acked on A only then', async () => {
    const { c, docId, cookie } = await setUp();
    const [a, b] = c.instances;
    const writer = await connect(a!.wsUrl, docId, cookie, true);
    const onA = await connect(a!.wsUrl, docId, cookie);
    const onB = await connect(b!.wsUrl, docId, cookie);
    writer.doc.getText('t').insert(0, 'voor ');
    await waitFor(() => onB.doc.getText('t').toString() === 'voor ', 'the first edit did not reach B');
    await waitForAllAcked(writer);

    const release = await holdCommits(c.databaseUrl);
    let held = true;
    const arrivedWhileHeld: string[] = [];
    onB.doc.on('update', () => {
      if (held) arrivedWhileHeld.push('B');
    });
    onA.doc.on('update', () => {
      if (held) arrivedWhileHeld.push('A');
    });
    const acked = writer.socket.ackedUpdates;
    try {
      writer.doc.getText('t').insert(5, 'vastgehouden');
      // Longer than B's head check and any Redis delivery: with the commit held, nothing may go.
      await sleep(1_500);
      expect(arrivedWhileHeld).toEqual([]);
      expect(writer.socket.ackedUpdates).toBe(acked);
    } finally {
      held = false;
      await release();
    }
    await waitFor(() => onB.doc.getText('t').toString() === 'voor vastgehouden', 'B never got the edit');
    await waitFor(() => onA.doc.getText('t').toString() === 'voor vastgehouden', 'A’s reader never got it');
    await waitForAllAcked(writer);
  });

  it('carets travel both ways; a killed instance’s carets vanish from the other within seconds', async () => {
    const { c, docId, cookie } = await setUp();
    const [a, b] = c.instances;
    // Directly on A, not through a balancer: after the kill this client cannot announce itself again.
    const onA = await connect(a!.wsUrl, docId, cookie);
    const onB = await connect(b!.wsUrl, docId, cookie);
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    onB.provider.awareness.setLocalStateField('cursor', { anchor: 2 });
    const seenOnB = () => onB.provider.awareness.getStates().get(onA.doc.clientID);
    await waitFor(() => seenOnB()?.cursor !== undefined, 'B never saw A’s caret', 5_000);
    await waitFor(
      () => onA.provider.awareness.getStates().get(onB.doc.clientID)?.cursor !== undefined,
      'A never saw B’s caret',
      5_000,
    );
    expect(seenOnB()?.cursor).toEqual({ anchor: 1 });
    // A caret moved on A moves on B too.
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 7 });
    await waitFor(
      () => JSON.stringify(seenOnB()?.cursor) === '{"anchor":7}',
      'the moved caret stayed',
      5_000,
    );

    await a!.stop('SIGKILL');
    const killed = Date.now();
    // y-websocket itself drops a silent peer only after 30 s; this is the cluster's heartbeat.
    await waitFor(() => seenOnB() === undefined, 'the dead instance’s caret stayed on B', 8_000);
    console.log(`caret of a killed instance gone after ${Date.now() - killed} ms`);
    // B's own presence goes on: a client joining B now sees B's caret.
    const late = await connect(b!.wsUrl, docId, cookie);
    await waitFor(
      () => late.provider.awareness.getStates().get(onB.doc.clientID)?.cursor !== undefined,
      'a client joining B did not see B’s caret',
      5_000,
    );
  });
});
