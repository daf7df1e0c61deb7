import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentLogOn } from '../../../server/collab/documentLog';
import type { Committer } from '../../../server/collab/writer';
import { openDatabase } from '../../../server/db/connection';
import { sqliteDatabase, type Database } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/postgres';
import { loadEnv } from '../../../server/env';
import type { DocStorage } from '../../../server/stores/docStorage';
import { clusterForFile, ENGINES } from '../../support/collabEngines';
import { commitBatch, hex, textUpdates } from '../../support/commits';
import { makeDataDir, removeDataDir } from '../../support/server';

/**
 * The document log on each engine, below the sync server: seqs per document in commit order, reads
 * of state plus log, compactions that never move the state backwards, document-row refreshes.
 */

const cluster = clusterForFile();
const A = 'doc-a';
const B = 'doc-b';
const EMPTY = new Uint8Array([0, 0]);

describe.each(ENGINES)('the document log on %s', (engine) => {
  let dataDir: string;
  let database: Database;
  let storage: DocStorage;
  let committer: Committer;

  beforeEach(async () => {
    dataDir = makeDataDir();
    database =
      engine === 'postgres'
        ? await openPostgres({ url: await (await cluster()).createDatabase(), poolMax: 4 })
        : sqliteDatabase(openDatabase(dataDir));
    ({ docStorage: storage, committer } = documentLogOn(
      database,
      loadEnv({ DATA_DIR: dataDir, COMMIT_THREAD: 'main' }),
    ));
    await database.db
      .insertInto('documents')
      .values([A, B].map((id) => ({ id, title: id, created_at: 1, updated_at: 1 })))
      .execute();
  });

  afterEach(async () => {
    await database.close();
    removeDataDir(dataDir);
  });

  const to = (docId: string, update: Uint8Array) => ({ docId, update, origin: null, ackCount: 0 });
  const logOf = async (docId: string) => (await storage.read(docId)).log;

  it('numbers each document’s rows 1, 2, 3… in commit order, across interleaved documents and batches', async () => {
    const [a1, a2, a3] = textUpdates(3, 1);
    const [b1, b2] = textUpdates(2, 2);
    expect(await commitBatch(committer, [to(A, a1!), to(B, b1!), to(A, EMPTY), to(A, a2!)])).toEqual([
      1, 1, 0, 2,
    ]);
    expect(await commitBatch(committer, [to(B, b2!), to(A, a3!)])).toEqual([2, 3]);
    const a = await logOf(A);
    expect(a.map((row) => row.seq)).toEqual([1, 2, 3]);
    expect(hex(a.map((row) => row.data))).toEqual(hex([a1!, a2!, a3!]));
    expect((await logOf(B)).map((row) => row.seq)).toEqual([1, 2]);
    const heads = await database.db
      .selectFrom('doc_heads')
      .select(['doc_id', 'seq'])
      .orderBy('doc_id')
      .execute();
    expect(heads).toEqual([
      { doc_id: A, seq: 3 },
      { doc_id: B, seq: 2 },
    ]);
  });

  it('compacts up to a seq, keeps later rows, and never replaces a state by an older one', async () => {
    await commitBatch(
      committer,
      textUpdates(5, 1).map((update) => to(A, update)),
    );
    const state = (label: number) => ({ state: Uint8Array.of(label), stateVector: Uint8Array.of(0) });
    await storage.persist([{ docId: A, compaction: { ...state(4), upToSeq: 4 } }]);
    expect(await storage.read(A)).toMatchObject({ stateSeq: 4, log: [{ seq: 5 }] });
    expect([...(await storage.read(A)).state!]).toEqual([4]);

    // A compaction that started earlier but commits later: its rows are gone already, its state
    // is older than the stored one and is not written.
    await storage.persist([{ docId: A, compaction: { ...state(2), upToSeq: 2 } }]);
    const after = await storage.read(A);
    expect([...after.state!]).toEqual([4]);
    expect(after.stateSeq).toBe(4);
    expect(after.log.map((row) => row.seq)).toEqual([5]);
  });

  it('refreshes document rows, all in one call: updated_at, and the title when given', async () => {
    await storage.persist(
      [
        { docId: A, meta: { title: 'Nieuwe titel' } },
        { docId: B, meta: {} },
      ],
      5_000,
    );
    const rows = await database.db
      .selectFrom('documents')
      .select(['id', 'title', 'updated_at'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: A, title: 'Nieuwe titel', updated_at: 5_000 },
      { id: B, title: B, updated_at: 5_000 },
    ]);
  });
});
