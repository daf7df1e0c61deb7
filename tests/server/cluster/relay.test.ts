import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clusterForFile, engineSettings } from '../../support/collabEngines';
import { startTestServer, type TestServer } from '../../support/server';
import { connectSynced, waitFor, type TestClient } from '../../support/yclient';

/**
 * Two in-process instances on one PostgreSQL database and one Redis: what one commits reaches the
 * other's clients through the bell, or through the head check when the bell is silent.
 */

const cluster = clusterForFile();
let redis: ChildProcess | undefined;
let redisUrl = '';
const servers: TestServer[] = [];
const clients: TestClient[] = [];

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      }),
    'redis did not start',
  );
});

afterAll(() => {
  redis?.kill('SIGKILL');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
});

async function twoInstances(settings: Record<string, string> = {}): Promise<[TestServer, TestServer]> {
  const { DATABASE_URL } = await engineSettings('postgres', cluster);
  for (const redisSetting of [redisUrl, redisUrl]) {
    servers.push(await startTestServer({ DATABASE_URL, REDIS_URL: redisSetting, ...settings }));
  }
  return [servers[0]!, servers[1]!];
}

async function client(server: TestServer, docId: string, cookie: string): Promise<TestClient> {
  const created = await connectSynced(server.wsUrl, docId, { cookie, durable: true });
  clients.push(created);
  return created;
}

describe('two instances on one database and Redis', () => {
  it("each instance's clients see the other's edits and presence", async () => {
    const [a, b] = await twoInstances();
    const docId = await a.createDocument();
    const onA = await client(a, docId, a.cookie);
    const onB = await client(b, docId, a.cookie);
    onA.doc.getText('t').insert(0, 'van A ');
    await waitFor(() => onB.doc.getText('t').toString().includes('van A'), 'B did not receive A’s edit');
    onB.doc.getText('t').insert(0, 'van B ');
    await waitFor(() => onA.doc.getText('t').toString().includes('van B'), 'A did not receive B’s edit');
    onA.provider.awareness.setLocalStateField('cursor', { at: 7 });
    await waitFor(
      () => onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor?.at === 7,
      'B did not see A’s presence',
    );
  });

  it('rows nobody announced reach the other instance through the head check', async () => {
    // B's bell is deaf (a Redis that is not there): only the database tells it about A's rows.
    const { DATABASE_URL } = await engineSettings('postgres', cluster);
    servers.push(await startTestServer({ DATABASE_URL, REDIS_URL: redisUrl }));
    servers.push(await startTestServer({ DATABASE_URL, REDIS_URL: `redis://127.0.0.1:${await freePort()}` }));
    const [a, b] = servers as [TestServer, TestServer];
    const docId = await a.createDocument();
    const onA = await client(a, docId, a.cookie);
    const onB = await client(b, docId, a.cookie);
    const started = Date.now();
    onA.doc.getText('t').insert(0, 'stil ');
    await waitFor(
      () => onB.doc.getText('t').toString().includes('stil'),
      'the head check did not bring A’s row',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await (await b.request('GET', '/api/ready')).json()) as unknown).toMatchObject({
      status: 'degraded',
    });
    expect((await (await a.request('GET', '/api/ready')).json()) as unknown).toMatchObject({ status: 'ok' });
  });

  it('both instances writing one document with frequent compaction converge with the stored document', async () => {
    const [a, b] = await twoInstances({ COMPACT_EVERY: '5' });
    const docId = await a.createDocument();
    const onA = await client(a, docId, a.cookie);
    const onB = await client(b, docId, a.cookie);
    for (let i = 0; i < 60; i++) {
      onA.doc.getArray<string>('list').push([`a${i}`]);
      onB.doc.getArray<string>('list').push([`b${i}`]);
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(
      () => onA.doc.getArray('list').length === 120 && onB.doc.getArray('list').length === 120,
      'the clients did not receive every item',
    );
    expect(onA.doc.getArray('list').toJSON()).toEqual(onB.doc.getArray('list').toJSON());
    // A third instance loads the document from the database alone: the same.
    const c = await startTestServer({ DATABASE_URL: servers[0]!.running.deps.env.DATABASE_URL });
    servers.push(c);
    const onC = await client(c, docId, a.cookie);
    expect(onC.doc.getArray('list').toJSON()).toEqual(onA.doc.getArray('list').toJSON());
  });
});
