import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateWriter, syncCommitter, type Committer } from '../../../server/collab/writer';
import { createDocStorage } from '../../../server/stores/docStorage';
import { hex, openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

let fixture: CommitFixture;

beforeEach(() => {
  fixture = openCommitFixture('writer-batches');
});

afterEach(() => {
  fixture.close();
});

/** The real committer on the fixture's file, counting the batches handed to it. */
function countingCommitter(): Committer & { batches: number } {
  const inner = syncCommitter(createDocStorage(fixture.db));
  const counting = {
    batches: 0,
    commit: ((writes, done) => {
      counting.batches++;
      inner.commit(writes, done);
    }) as Committer['commit'],
    drainSync: () => inner.drainSync(),
    close: () => inner.close(),
  };
  return counting;
}

/** Yjs' encoding of an update that carries nothing (a sync step 2 from a client with no changes). */
const EMPTY = new Uint8Array([0, 0]);

describe('UpdateWriter batches', () => {
  it('answers a batch of only empty updates without a transaction; a mixed batch is committed whole, in order', async () => {
    const committer = countingCommitter();
    const answered: number[][] = [];
    const writer = new UpdateWriter(
      createDocStorage(fixture.db),
      (_batch, logIds) => answered.push(logIds),
      committer,
    );

    for (let i = 0; i < 3; i++) writer.enqueue(fixture.write(EMPTY));
    await writer.whenIdle();
    expect(answered).toEqual([[0, 0, 0]]);
    expect(committer.batches).toBe(0);
    expect(fixture.rows()).toEqual([]);

    const [first, second] = textUpdates(2);
    writer.enqueue(fixture.write(EMPTY));
    writer.enqueue(fixture.write(first!));
    writer.enqueue(fixture.write(EMPTY));
    writer.enqueue(fixture.write(second!));
    await writer.whenIdle();
    expect(committer.batches).toBe(1);
    const ids = fixture.rows().map((row) => row.id);
    expect(answered[1]).toEqual([0, ids[0], 0, ids[1]]);
    expect(fixture.storedHex()).toEqual(hex([first!, second!]));
    expect(writer.close()).toBe(true);
  });
});
