/**
 * Durable throughput of the document log on each engine, without sockets: `clients` writers, each
 * typing one character per update into one of `docs` documents and sending its next update only
 * once the previous one is durable (what a client waiting for its durable-ack does), through the
 * server's own UpdateWriter and the engine's committer (SQLite: COMMIT_THREAD=auto; PostgreSQL: a
 * durable throwaway cluster). Prints `RESULT {json}` per engine: durable updates/s, commits, mean
 * batch size, and p50/p99 of the commit (transaction) time and of each update's wait from enqueue
 * to durable.
 *   node --import tsx tests/reliability/docLogThroughput.ts [updates] [docs] [clients]
 */
import * as Y from 'yjs';
import { documentLogOn } from '../../server/collab/documentLog';
import { UpdateWriter, type Committer, type CommitDone, type PendingWrite } from '../../server/collab/writer';
import { openSqlite, type Database } from '../../server/db/database';
import { openPostgres } from '../../server/db/postgres';
import { loadEnv } from '../../server/env';
import { setLogLevel } from '../../server/log';
import { startPostgresCluster } from '../support/postgres';
import { makeDataDir, removeDataDir } from '../support/server';

const [total = 50_000, docCount = 100, clientCount = 1_000] = process.argv.slice(2).map(Number);
setLogLevel('error');

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
};

/** Wraps a committer to time each commit from the call to its answer. */
function timed(inner: Committer, ms: number[]): Committer {
  return {
    commit(writes: readonly PendingWrite[], done: CommitDone) {
      const started = performance.now();
      inner.commit(writes, (error, seqs, threadMs) => {
        ms.push(performance.now() - started);
        done(error, seqs, threadMs);
      });
    },
    close: () => inner.close(),
  };
}

async function run(engine: string, database: Database, dataDir: string) {
  const docIds = Array.from(
    { length: docCount },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  );
  await database.db
    .insertInto('documents')
    .values(docIds.map((id) => ({ id, title: 'bench', created_at: 1, updated_at: 1 })))
    .execute();
  const { committer } = documentLogOn(database, loadEnv({ DATA_DIR: dataDir }));
  // Each client types into its own Y.Doc (its own clientID), so its updates build on each other.
  const perClient = Math.ceil(total / clientCount);
  const updates = Array.from({ length: clientCount }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = i + 1;
    const list: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => list.push(update));
    for (let n = 0; n < perClient; n++) doc.getText('t').insert(n, 'x');
    return list;
  });
  const commitMs: number[] = [];
  const waits: number[] = [];
  const sent = new Array<number>(clientCount).fill(0);
  const enqueuedAt = new Map<PendingWrite, { client: number; at: number }>();
  let durable = 0;
  const send = (client: number) => {
    if (sent[client]! >= perClient) return;
    const write = {
      docId: docIds[client % docCount]!,
      update: updates[client]![sent[client]!]!,
      origin: null,
      ackCount: 0,
    };
    sent[client]!++;
    enqueuedAt.set(write, { client, at: performance.now() });
    writer.enqueue(write);
  };
  const writer = new UpdateWriter(timed(committer, commitMs), (batch) => {
    const now = performance.now();
    durable += batch.length;
    for (const write of batch) {
      const { client, at } = enqueuedAt.get(write)!;
      enqueuedAt.delete(write);
      waits.push(now - at);
      send(client);
    }
  });
  const started = performance.now();
  for (let client = 0; client < clientCount; client++) send(client);
  await writer.whenIdle();
  const seconds = (performance.now() - started) / 1000;
  await writer.close();
  const result = {
    engine,
    updates: durable,
    updatesPerSecond: Math.round(durable / seconds),
    commits: commitMs.length,
    meanBatch: Math.round(durable / commitMs.length),
    commitMs: { p50: percentile(commitMs, 50), p99: percentile(commitMs, 99) },
    waitMs: { p50: percentile(waits, 50), p99: percentile(waits, 99) },
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

const dataDir = makeDataDir();
try {
  const sqlite = openSqlite(dataDir);
  await run('sqlite', sqlite, dataDir);
  await sqlite.close();
  const cluster = await startPostgresCluster({ durable: true });
  try {
    const postgres = await openPostgres({ url: await cluster.createDatabase(), poolMax: 4 });
    await run('postgres', postgres, dataDir);
    await postgres.close();
  } finally {
    await cluster.stop();
  }
} finally {
  removeDataDir(dataDir);
}
