import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WORKER_LIMITS, WorkerCommitter } from '../../../server/collab/commitWorker';
import { UpdateWriter, type PendingWrite } from '../../../server/collab/writer';
import type { Db } from '../../../server/db/connection';
import { commitBatch, openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

/**
 * The commit worker on a real SQLite file: a second connection on a worker thread, so the fsync of
 * a group commit does not stop the event loop. Order, batching, shutdown and a dying worker.
 */

const DOC = '00000000-0000-4000-8000-0000000000c1';
let fixture: CommitFixture;
let db: Db;
let committer: WorkerCommitter;

beforeEach(() => {
  fixture = openCommitFixture(DOC);
  db = fixture.db;
  committer = new WorkerCommitter({ file: db.name, busyTimeoutMs: 1000 });
});

afterEach(() => {
  committer.close();
  fixture.close();
});

const updates = (count: number) => textUpdates(count, 7);
const write = (update: Uint8Array) => fixture.write(update);
const commit = (writes: PendingWrite[]) => commitBatch(committer, writes);
const rows = () => fixture.rows();

describe('WorkerCommitter', () => {
  it('appends each batch in one transaction, in order, with FULL durability; empty updates get seq 0', async () => {
    expect(committer.pragmaSync('synchronous')).toBe(2);
    expect(committer.pragmaSync('journal_mode')).toBe('wal');
    const list = updates(5);
    const first = await commit([write(list[0]!), write(new Uint8Array([0, 0])), write(list[1]!)]);
    const second = await commit(list.slice(2).map(write));
    expect(first).toEqual([1, 0, 2]);
    expect(second).toEqual([3, 4, 5]);
    expect(rows().map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows().map((row) => Buffer.from(row.data).toString('hex'))).toEqual(
      list.map((update) => Buffer.from(update).toString('hex')),
    );
  });

  it('runs within small heap limits, which still hold a large batch (20,000 updates, 32 MB of data)', async () => {
    const worker = (committer as unknown as { worker: { resourceLimits: object } }).worker;
    expect(worker.resourceLimits).toMatchObject(WORKER_LIMITS);
    const big = new Uint8Array(4 * 1024 * 1024).fill(1);
    const list = updates(20_000);
    const ids = await commit([...list.map(write), ...Array.from({ length: 8 }, () => write(big))]);
    expect(ids).toHaveLength(20_008);
    expect(rows()).toHaveLength(20_008);
    // Still the same thread: it did not run out of memory and get restarted.
    expect((committer as unknown as { worker: unknown }).worker).toBe(worker);
  });

  it('reports a storage error (nothing written) and keeps working once storage recovers', async () => {
    committer.pragmaSync(`max_page_count = ${Number(committer.pragmaSync('page_count'))}`);
    const big = new Y.Doc();
    let update: Uint8Array = new Uint8Array();
    big.on('update', (u: Uint8Array) => (update = u));
    big.getText('t').insert(0, 'x'.repeat(256 * 1024));
    await expect(commit([write(update)])).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(rows()).toHaveLength(0);
    committer.pragmaSync('max_page_count = 1073741823');
    await commit([write(update)]);
    expect(rows()).toHaveLength(1);
  });

  it('close() waits for the commit in flight and delivers it before returning', () => {
    const delivered: number[][] = [];
    committer.commit(updates(3).map(write), (error, ids) => {
      expect(error).toBeNull();
      delivered.push(ids!);
    });
    expect(delivered).toHaveLength(0);
    committer.close();
    expect(delivered).toHaveLength(1);
    expect(rows()).toHaveLength(3);
  });

  it('a worker that dies fails the batch in flight; the next commit starts a new worker', async () => {
    const pending = commit(updates(1).map(write));
    const worker = (committer as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await worker.terminate();
    const outcome = await pending.then(
      () => 'committed',
      (error: Error) => error.message,
    );
    // Either it made it to disk before the thread stopped, or it is reported failed — never lost silently.
    if (outcome === 'committed') expect(rows()).toHaveLength(1);
    else expect(outcome).toMatch(/commit worker stopped/);
    await commit(updates(2).slice(1).map(write));
    expect(rows().length).toBeGreaterThanOrEqual(1);
  });
});

describe('UpdateWriter on the worker', () => {
  it('what arrives while a commit runs forms the next batch; every update is committed once, in order', async () => {
    const batches: number[] = [];
    const writer = new UpdateWriter(committer, (batch) => batches.push(batch.length));
    const list = updates(200);
    // One update, then the rest arrive in later turns while the first commit is on the worker.
    writer.enqueue(write(list[0]!));
    await new Promise((resolve) => setImmediate(resolve));
    for (const update of list.slice(1)) writer.enqueue(write(update));
    await writer.whenIdle();
    expect(batches.reduce((sum, n) => sum + n, 0)).toBe(200);
    expect(batches[0]).toBe(1);
    expect(batches.length).toBeLessThan(200);
    const stored = rows().map((row) => Buffer.from(row.data).toString('hex'));
    expect(stored).toEqual(list.map((update) => Buffer.from(update).toString('hex')));
    expect(writer.pending).toBe(0);
  });
});
