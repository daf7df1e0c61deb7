import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkerCommitter } from '../../../server/collab/commitWorker';
import { UpdateWriter, syncCommitter, type Committer } from '../../../server/collab/writer';
import type { Db } from '../../../server/db/connection';
import { createDocStorage } from '../../../server/stores/docStorage';
import { commitBatch, hex, openCommitFixture, textUpdates, type CommitFixture } from '../../support/commits';

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
    const writer = new UpdateWriter(committer, (_batch, seqs) => answered.push(seqs));

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
    expect(fixture.rows().map((row) => row.seq)).toEqual([1, 2]);
    expect(answered[1]).toEqual([0, 1, 0, 2]);
    expect(fixture.storedHex()).toEqual(hex([first!, second!]));
    expect(await writer.close()).toBe(true);
  });
});

describe.each([
  ['the event loop', (db: Db): Committer => syncCommitter(createDocStorage(db))],
  ['the worker thread', (db: Db): Committer => new WorkerCommitter({ file: db.name, busyTimeoutMs: 1000 })],
])('log seqs of group commits on %s', (_where, makeCommitter) => {
  it('numbers each document’s rows 1, 2, 3… in commit order, across interleaved documents and batches', async () => {
    const other = '00000000-0000-4000-8000-0000000000b2';
    fixture.db
      .prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(other, 'b', 1, 1);
    const committer = makeCommitter(fixture.db);
    const [a1, a2, a3, a4] = textUpdates(4, 1);
    const [b1, b2, b3] = textUpdates(3, 2);
    const to = (docId: string, update: Uint8Array) => ({ ...fixture.write(update), docId });
    const A = fixture.docId;
    try {
      expect(
        await commitBatch(committer, [to(A, a1!), to(other, b1!), to(A, EMPTY), to(A, a2!), to(other, b2!)]),
      ).toEqual([1, 1, 0, 2, 2]);
      expect(await commitBatch(committer, [to(other, b3!), to(A, a3!), to(A, a4!)])).toEqual([3, 3, 4]);
    } finally {
      committer.close();
    }
    const heads = fixture.db.prepare('SELECT doc_id, seq FROM doc_heads ORDER BY seq').all();
    expect(heads).toEqual([
      { doc_id: other, seq: 3 },
      { doc_id: A, seq: 4 },
    ]);
    const stored = fixture.db
      .prepare<[string], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq',
      )
      .all(other);
    expect(stored.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(stored.map((row) => Buffer.from(row.data).toString('hex'))).toEqual(hex([b1!, b2!, b3!]));
    expect(fixture.storedHex()).toEqual(hex([a1!, a2!, a3!, a4!]));
  });
});
