import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AdaptiveCommitter,
  DEFAULT_ADAPTIVE_POLICY,
  type AdaptivePolicy,
} from '../../../server/collab/adaptiveCommitter';
import { WorkerCommitter } from '../../../server/collab/commitWorker';
import { UpdateWriter, syncCommitter, type PendingWrite } from '../../../server/collab/writer';
import type { Db } from '../../../server/db/connection';
import { createDocStorage } from '../../../server/stores/docStorage';
import { commitBatch, hex, openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

/**
 * COMMIT_THREAD=auto on a real SQLite file: group commits run on the event loop while they are
 * quick and move to the worker thread when they hold the loop (here: a real lock held by another
 * connection, so the inline commit waits out its busy timeout), and come back once the worker's
 * commits are quick. Order and durability hold across every switch.
 */

const DOC = '00000000-0000-4000-8000-0000000000a1';
let fixture: CommitFixture;
let db: Db;
/** The committer the running test made (closed after it). */
let active: AdaptiveCommitter | undefined;

function makeCommitter(policy: AdaptivePolicy = DEFAULT_ADAPTIVE_POLICY): AdaptiveCommitter {
  active = new AdaptiveCommitter(
    syncCommitter(createDocStorage(db)),
    () => new WorkerCommitter({ file: db.name, busyTimeoutMs: 1000 }),
    policy,
  );
  return active;
}

beforeEach(() => {
  fixture = openCommitFixture(DOC);
  db = fixture.db;
});

afterEach(() => {
  active?.close();
  active = undefined;
  fixture.close();
});

const updates = (count: number) => textUpdates(count, 9);
const write = (update: Uint8Array) => fixture.write(update);
const commit = (writes: PendingWrite[]) => commitBatch(active!, writes);
const stored = () => fixture.storedHex();

describe('AdaptiveCommitter', () => {
  it('commits quick batches on the event loop, synchronously, without starting a worker', () => {
    // "Quick" = under 1 s here, so a busy test machine's slow fsync does not switch this one.
    const committer = makeCommitter({ ...DEFAULT_ADAPTIVE_POLICY, slowMs: 1000, stallMs: 1000 });
    const list = updates(50);
    for (const update of list) {
      let ids: number[] | undefined;
      committer.commit([write(update)], (error, seqs) => {
        expect(error).toBeNull();
        ids = seqs;
      });
      // Inline: answered before commit() returns.
      expect(ids).toHaveLength(1);
    }
    expect(committer.mode).toBe('inline');
    expect(committer.worker).toBeUndefined();
    expect(stored()).toEqual(hex(list));
  });

  it('a commit that held the loop (a lock held elsewhere) moves the next batches to the worker, in order', async () => {
    const committer = makeCommitter();
    const list = updates(6);
    await commit([write(list[0]!)]);
    // Another connection holds the write lock: the inline commit waits out its busy timeout.
    db.pragma('busy_timeout = 60');
    const other = new Database(db.name);
    other.exec('BEGIN IMMEDIATE');
    await expect(commit([write(list[1]!)])).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('COMMIT');
    other.close();
    expect(committer.mode).toBe('worker');
    expect(committer.worker).toBeInstanceOf(WorkerCommitter);
    expect(committer.switches).toBe(1);
    // The failed batch is simply committed again (as the UpdateWriter retries it), then the rest.
    await commit([write(list[1]!)]);
    await commit(list.slice(2).map(write));
    expect(committer.worker!.pragmaSync('synchronous')).toBe(2);
    expect(stored()).toEqual(hex(list));
  });

  it('several slow commits in the window switch too; quick worker commits bring the batches back inline', async () => {
    // Thresholds that make every real commit "slow" inline and "quick" on the worker.
    const committer = makeCommitter({
      ...DEFAULT_ADAPTIVE_POLICY,
      slowMs: 0,
      slowToSwitch: 3,
      fastMs: 10_000,
      fastToReturn: 4,
      stayMs: 0,
    });
    const list = updates(12);
    for (const update of list.slice(0, 3)) await commit([write(update)]);
    expect(committer.mode).toBe('worker');
    for (const update of list.slice(3, 7)) await commit([write(update)]);
    expect(committer.mode).toBe('inline');
    expect(committer.switches).toBe(2);
    for (const update of list.slice(7)) await commit([write(update)]);
    expect(stored()).toEqual(hex(list));
  });

  it('stays on the worker at least stayMs, and twice as long after bouncing back within a minute', async () => {
    const committer = makeCommitter({
      ...DEFAULT_ADAPTIVE_POLICY,
      slowMs: 0,
      slowToSwitch: 1,
      fastMs: 10_000,
      fastToReturn: 1,
      stayMs: 300,
    });
    const list = updates(8);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await commit([write(list[0]!)]);
    expect(committer.mode).toBe('worker');
    await commit([write(list[1]!)]);
    expect(committer.mode).toBe('worker'); // quick, but not yet 300 ms on the worker
    await sleep(350);
    await commit([write(list[2]!)]);
    expect(committer.mode).toBe('inline');
    await commit([write(list[3]!)]); // "slow" again at once: back to the worker, now for 600 ms
    expect(committer.mode).toBe('worker');
    await sleep(350);
    await commit([write(list[4]!)]);
    expect(committer.mode).toBe('worker');
    await sleep(300);
    await commit([write(list[5]!)]);
    expect(committer.mode).toBe('inline');
    await commit(list.slice(6).map(write));
    expect(stored()).toEqual(hex(list));
  });

  it('through the UpdateWriter: every update committed once and in order across switches; close() flushes', async () => {
    const committer = makeCommitter({
      ...DEFAULT_ADAPTIVE_POLICY,
      slowMs: 0,
      slowToSwitch: 2,
      fastMs: 10_000,
      fastToReturn: 3,
      stayMs: 0,
    });
    let committed = 0;
    const writer = new UpdateWriter(committer, (batch) => (committed += batch.length));
    const list = updates(300);
    for (let i = 0; i < list.length; i++) {
      writer.enqueue(write(list[i]!));
      if (i % 2 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await writer.whenIdle();
    expect(committed).toBe(300);
    expect(committer.switches).toBeGreaterThanOrEqual(2);
    expect(stored()).toEqual(hex(list));
    // A batch in flight on the worker is waited for at close.
    writer.enqueue(write(updates(301)[300]!));
    expect(await writer.close()).toBe(true);
    expect(stored()).toHaveLength(301);
  });
});
