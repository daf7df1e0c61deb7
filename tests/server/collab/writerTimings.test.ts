import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  UpdateWriter,
  syncCommitter,
  type BatchTimings,
  type CommitTimings,
  type Committer,
} from '../../../server/collab/writer';
import { createDocStorage } from '../../../server/stores/docStorage';
import { openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

let fixture: CommitFixture;
beforeEach(() => {
  fixture = openCommitFixture('writer-timings');
});
afterEach(() => {
  fixture.close();
});

/**
 * The real committer on the fixture's file, answering `delayMs` later (as a thread or a database
 * would) with `timings`; `failFirst` fails the first batch, as a full disk would.
 */
function laterCommitter(delayMs: number, timings?: CommitTimings, failFirst = false): Committer {
  const inner = syncCommitter(createDocStorage(fixture.db));
  let failed = !failFirst;
  return {
    commit(writes, done) {
      if (!failed) {
        failed = true;
        setTimeout(() => done(new Error('disk full')), delayMs);
        return;
      }
      inner.commit(writes, (error, seqs) => setTimeout(() => done(error, seqs, undefined, timings), delayMs));
    },
    close: () => inner.close(),
  };
}

describe('UpdateWriter timings', () => {
  it('reports each committed batch once: its size, its stages in order, and what the committer measured', async () => {
    const observed: BatchTimings[] = [];
    const writer = new UpdateWriter(
      laterCommitter(5, { transactionMs: 1.5, syncMs: 3 }),
      () => {},
      (timings) => observed.push(timings),
    );
    const updates = textUpdates(3);
    const queued = performance.now();
    for (const update of updates) writer.enqueue(fixture.write(update));
    await writer.whenIdle();
    expect(observed).toHaveLength(1);
    const [batch] = observed as [BatchTimings];
    expect(batch).toMatchObject({ updates: 3, transactionMs: 1.5, syncMs: 3 });
    expect(batch.queuedAt).toBeGreaterThanOrEqual(queued);
    expect(batch.startedAt).toBeGreaterThanOrEqual(batch.queuedAt);
    expect(batch.committedAt - batch.startedAt).toBeGreaterThanOrEqual(4);
    expect(batch.appliedAt).toBeGreaterThanOrEqual(batch.committedAt);
    await writer.close();
  });

  it('measures the transaction itself when the committer answers at once, and leaves it out when it answers later without saying', async () => {
    for (const [committer, measured] of [
      [syncCommitter(createDocStorage(fixture.db)), true],
      [laterCommitter(1), false],
    ] as const) {
      const observed: BatchTimings[] = [];
      const writer = new UpdateWriter(
        committer,
        () => {},
        (timings) => observed.push(timings),
      );
      writer.enqueue(fixture.write(textUpdates(1, measured ? 10 : 11)[0]!));
      await writer.whenIdle();
      const [batch] = observed as [BatchTimings];
      if (measured) expect(batch.transactionMs).toBe(batch.committedAt - batch.startedAt);
      else expect(batch.transactionMs).toBeUndefined();
      await writer.close();
    }
  });

  it('a retried batch keeps the queue time of its oldest update; a failed commit is not reported', async () => {
    const observed: BatchTimings[] = [];
    const writer = new UpdateWriter(
      laterCommitter(2, undefined, true),
      () => {},
      (timings) => observed.push(timings),
    );
    const before = performance.now();
    writer.enqueue(fixture.write(textUpdates(1)[0]!));
    const after = performance.now();
    await writer.whenIdle();
    expect(observed).toHaveLength(1);
    // The retry waited out its backoff (100 ms) in the queue, and that counts: the time is the
    // first enqueue's (bounded by the instants around it, so a busy machine cannot fail it).
    expect(observed[0]!.queuedAt).toBeGreaterThanOrEqual(before);
    expect(observed[0]!.queuedAt).toBeLessThanOrEqual(after);
    expect(observed[0]!.startedAt - observed[0]!.queuedAt).toBeGreaterThanOrEqual(90);
    await writer.close();
  });
});
