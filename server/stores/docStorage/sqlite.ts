import type { Db } from '../../db/connection';
import type { DocStorage, DocWrite, StoredDoc, StoredSince } from '../docStorage';
import { rowsPerDoc, seqsOf } from './seqs';

/**
 * Hands out `count` more seqs of a document's log and answers the last one. The upsert takes the
 * head row's lock until the transaction ends, so seqs are assigned in commit order.
 */
export const ADVANCE_HEAD_SQL = `INSERT INTO doc_heads (doc_id, seq) VALUES (?, ?)
  ON CONFLICT (doc_id) DO UPDATE SET seq = doc_heads.seq + excluded.seq RETURNING seq`;
/** Appends one log row. */
export const APPEND_SQL = 'INSERT INTO doc_updates (doc_id, seq, data, created_at) VALUES (?, ?, ?, ?)';

/** The SQLite storage: the async DocStorage, plus the synchronous appends its committers run. */
export interface SqliteDocStorage extends DocStorage {
  /**
   * Appends a batch of updates in one transaction: each document's head is advanced once, its rows
   * numbered in batch order. Answers each update's seq (0 for an empty update, which is not stored).
   */
  appendBatch(writes: ReadonlyArray<{ docId: string; update: Uint8Array }>, now?: number): number[];
  /** Appends one update in its own transaction; answers its seq. */
  append(docId: string, update: Uint8Array, now?: number): number;
}

/**
 * DocStorage on the raw SQLite connection: prepared statements, run synchronously (the promises it
 * answers are already settled). Its transactions are refused while a store's Kysely transaction is
 * open on the same connection: a write here would become part of it and vanish with its rollback.
 */
export function createDocStorage(db: Db): SqliteDocStorage {
  const advanceHead = db.prepare<[string, number], { seq: number }>(ADVANCE_HEAD_SQL);
  const appendRow = db.prepare(APPEND_SQL);
  const readState = db.prepare<[string], { state: Buffer; up_to_seq: number }>(
    'SELECT state, up_to_seq FROM doc_state WHERE doc_id = ?',
  );
  const readLog = db.prepare<[string, number], { seq: number; data: Buffer; created_at: number }>(
    'SELECT seq, data, created_at FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
  );
  const readStateAfter = db.prepare<[string, number], { state: Buffer; up_to_seq: number }>(
    'SELECT state, up_to_seq FROM doc_state WHERE doc_id = ? AND up_to_seq > ?',
  );
  const readHead = db.prepare<[string], number>('SELECT seq FROM doc_heads WHERE doc_id = ?').pluck();
  const upsertState = db.prepare(
    `INSERT INTO doc_state (doc_id, state, state_vector, updated_at, up_to_seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector,
       updated_at = excluded.updated_at, up_to_seq = excluded.up_to_seq
     WHERE doc_state.up_to_seq < excluded.up_to_seq`,
  );
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
  const copyToQuarantine = db.prepare(
    `INSERT INTO doc_updates_quarantine (doc_id, seq, data, created_at, reason, quarantined_at)
     SELECT doc_id, seq, data, created_at, ?, ? FROM doc_updates WHERE doc_id = ? AND seq = ?
     ON CONFLICT (doc_id, seq) DO NOTHING`,
  );
  const deleteOne = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq = ?');
  const touchRow = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const renameRow = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');

  const transaction = <T>(fn: () => T): T => {
    if (db.inTransaction) throw new Error('The SQLite connection is inside another transaction; try again.');
    return db.transaction(fn)();
  };
  const persistOne = ({ docId, compaction, meta }: DocWrite, now: number) => {
    if (compaction) {
      upsertState.run(docId, compaction.state, compaction.stateVector, now, compaction.upToSeq);
      deleteUpTo.run(docId, compaction.upToSeq);
    }
    if (meta?.title !== undefined) renameRow.run(meta.title, now, docId);
    else if (meta) touchRow.run(now, docId);
  };

  const appendBatch: SqliteDocStorage['appendBatch'] = (writes, now = Date.now()) =>
    transaction(() => {
      const counts = rowsPerDoc(writes);
      const heads = new Map<string, number>();
      for (const [docId, count] of counts) heads.set(docId, advanceHead.get(docId, count)!.seq);
      const seqs = seqsOf(writes, counts, heads);
      writes.forEach((write, index) => {
        if (seqs[index]! > 0) appendRow.run(write.docId, seqs[index], write.update, now);
      });
      return seqs;
    });

  return {
    appendBatch,
    append: (docId, update, now = Date.now()) => appendBatch([{ docId, update }], now)[0]!,
    read: async (docId) =>
      await settled((): StoredDoc => {
        // Both reads at once, with nothing in between on this connection (SQLite is synchronous).
        const state = readState.get(docId);
        const stateSeq = state?.up_to_seq ?? 0;
        const log = readLog
          .all(docId, stateSeq)
          .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at }));
        return { state: state?.state, stateSeq, log };
      }),
    readSince: async (docId, afterSeq) =>
      await settled((): StoredSince => {
        const state = readStateAfter.get(docId, afterSeq);
        const from = Math.max(afterSeq, state?.up_to_seq ?? 0);
        const log = readLog
          .all(docId, from)
          .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at }));
        return { state: state?.state, stateSeq: state?.up_to_seq ?? 0, log, head: readHead.get(docId) ?? 0 };
      }),
    heads: async (docIds) =>
      await settled(() => {
        const heads = new Map<string, number>();
        for (const docId of docIds) {
          const seq = readHead.get(docId);
          if (seq !== undefined) heads.set(docId, seq);
        }
        return heads;
      }),
    persist: async (writes, now = Date.now()) =>
      await settled(() => {
        if (writes.length > 0) transaction(() => writes.forEach((write) => persistOne(write, now)));
      }),
    quarantine: async (docId, seq, reason) =>
      await settled(() =>
        transaction(() => {
          copyToQuarantine.run(reason, Date.now(), docId, seq);
          deleteOne.run(docId, seq);
        }),
      ),
  };
}

/** Runs `fn` now and answers its outcome as a settled promise (a throw becomes a rejection). */
function settled<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
