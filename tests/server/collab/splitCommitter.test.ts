import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SplitCommitter, type Fsync } from '../../../server/collab/splitCommitter';
import { UpdateWriter } from '../../../server/collab/writer';
import { createDocStorage } from '../../../server/stores/docStorage';
import { commitBatch, hex, openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

/**
 * COMMIT_THREAD=split on a real SQLite file: the transaction commits without waiting for the disk,
 * and nothing is reported (so nothing relayed or acked) before the WAL file itself was fsynced.
 * The fsync is the real one, only its answer is held back where a test needs to watch the wait.
 */

const DOC = '00000000-0000-4000-8000-0000000000b2';
let fixture: CommitFixture;

beforeEach(() => {
  fixture = openCommitFixture(DOC);
});

afterEach(() => {
  fixture.close();
});

/** The real fsync, with each answer held until the test releases it. */
function heldFsync() {
  const held: Array<{ fd: number; release: () => void }> = [];
  const fsync: Fsync = (fd, callback) =>
    fs.fsync(fd, (error) => held.push({ fd, release: () => callback(error) }));
  return { fsync, held };
}

const synchronous = () => fixture.db.pragma('synchronous', { simple: true });

describe('SplitCommitter', () => {
  it('reports a batch only after the fsync of the WAL file, with the connection back on FULL', async () => {
    const { fsync, held } = heldFsync();
    const committer = new SplitCommitter(fixture.db, createDocStorage(fixture.db), undefined, fsync);
    const updates = textUpdates(3);
    let answer: number[] | undefined;
    let syncMs: number | undefined;
    committer.commit(
      updates.map((update) => fixture.write(update)),
      (error, seqs, _ms, timings) => {
        expect(error).toBeNull();
        answer = seqs;
        syncMs = timings?.syncMs;
      },
    );
    await expect.poll(() => held.length).toBe(1);
    // Committed and readable, but not reported while its fsync has not answered.
    expect(fixture.storedHex()).toEqual(hex(updates));
    expect(answer).toBeUndefined();
    expect(synchronous()).toBe(2);
    // The descriptor synced is the WAL file's.
    expect(fs.fstatSync(held[0]!.fd).ino).toBe(fs.statSync(`${fixture.db.name}-wal`).ino);
    await new Promise((resolve) => setTimeout(resolve, 30));
    held[0]!.release();
    expect(answer).toEqual([1, 2, 3]);
    // The wait for the fsync is reported apart (werkplaats_commit_sync_ms).
    expect(syncMs).toBeGreaterThanOrEqual(25);
    committer.close();
  });

  it('runs the transaction with synchronous=NORMAL (no fsync inside it) and syncs the WAL once', async () => {
    // A temporary trigger records the connection's setting while the log row is inserted.
    fixture.db.exec(`CREATE TEMP TABLE seen (setting INTEGER);
      CREATE TEMP TRIGGER watch AFTER INSERT ON main.doc_updates
      BEGIN INSERT INTO seen SELECT synchronous FROM pragma_synchronous; END;`);
    const calls: number[] = [];
    const committer = new SplitCommitter(fixture.db, createDocStorage(fixture.db), undefined, (fd, done) => {
      calls.push(fd);
      fs.fsync(fd, done);
    });
    const seqs = await commitBatch(committer, [fixture.write(textUpdates(1)[0]!)]);
    expect(seqs).toEqual([1]);
    expect(fixture.db.prepare('SELECT setting FROM seen').pluck().all()).toEqual([1]);
    expect(synchronous()).toBe(2);
    expect(calls).toHaveLength(1);
    committer.close();
  });

  it('a failed transaction is reported as an error, nothing stored, and the connection stays on FULL', async () => {
    const committer = new SplitCommitter(fixture.db, createDocStorage(fixture.db));
    const pages = Number(fixture.db.pragma('page_count', { simple: true }));
    fixture.db.pragma(`max_page_count = ${pages}`);
    const big = new Uint8Array(64 * 1024).fill(1);
    await expect(commitBatch(committer, [fixture.write(big)])).rejects.toThrow(/full/);
    expect(fixture.rows()).toEqual([]);
    expect(synchronous()).toBe(2);
    committer.close();
  });

  it('a failed fsync is never reported as committed: it goes to onSyncFailed', async () => {
    const failures: Error[] = [];
    let reported = false;
    const committer = new SplitCommitter(
      fixture.db,
      createDocStorage(fixture.db),
      (error) => failures.push(error),
      (_fd, done) => setImmediate(() => done(new Error('EIO: i/o error, fsync'))),
    );
    committer.commit([fixture.write(textUpdates(1)[0]!)], () => (reported = true));
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]!.message).toMatch(/EIO/);
    expect(reported).toBe(false);
    committer.close();
  });

  it('under the UpdateWriter, batches are reported in order and later updates form the next batch', async () => {
    const { fsync, held } = heldFsync();
    const reported: number[][] = [];
    const writer = new UpdateWriter(
      new SplitCommitter(fixture.db, createDocStorage(fixture.db), undefined, fsync),
      (_batch, seqs) => reported.push(seqs),
    );
    const updates = textUpdates(5);
    writer.enqueue(fixture.write(updates[0]!));
    await expect.poll(() => held.length).toBe(1);
    // Arrive while the first batch's fsync is outstanding: they wait for it, then go together.
    for (const update of updates.slice(1)) writer.enqueue(fixture.write(update));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held).toHaveLength(1);
    expect(reported).toEqual([]);
    held[0]!.release();
    expect(reported).toEqual([[1]]);
    await expect.poll(() => held.length).toBe(2);
    held[1]!.release();
    expect(reported).toEqual([[1], [2, 3, 4, 5]]);
    expect(fixture.storedHex()).toEqual(hex(updates));
    await writer.close();
  });
});
