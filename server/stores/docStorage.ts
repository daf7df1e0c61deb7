import type { Db } from '../db/connection';
import { rowsPerDoc, seqsOf } from './docStorage/seqs';

/** One row of the update log. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
  createdAt: number;
}

interface UpdateRow {
  seq: number;
  data: Buffer;
  created_at: number;
}

/**
 * Hands out `count` more seqs of a document's log and answers the last one. The upsert takes the
 * head row's lock until the transaction ends, so seqs are assigned in commit order.
 */
export const ADVANCE_HEAD_SQL = `INSERT INTO doc_heads (doc_id, seq) VALUES (?, ?)
  ON CONFLICT (doc_id) DO UPDATE SET seq = doc_heads.seq + excluded.seq RETURNING seq`;
/** Appends one log row. */
export const APPEND_SQL = 'INSERT INTO doc_updates (doc_id, seq, data, created_at) VALUES (?, ?, ?, ?)';

/**
 * The sync server's storage on the raw SQLite connection: `doc_state`, `doc_heads`, `doc_updates`,
 * `doc_updates_quarantine` and the document row's title and updated_at. Prepared statements, no
 * promises: this is the per-update path.
 */
export function createDocStorage(db: Db) {
  const advanceHead = db.prepare<[string, number], { seq: number }>(ADVANCE_HEAD_SQL);
  const appendStmt = db.prepare(APPEND_SQL);
  const stateStmt = db.prepare<[string], { state: Buffer; up_to_seq: number }>(
    'SELECT state, up_to_seq FROM doc_state WHERE doc_id = ?',
  );
  const logStmt = db.prepare<[string, number], UpdateRow>(
    'SELECT seq, data, created_at FROM doc_updates WHERE doc_id = ? AND seq > ? ORDER BY seq',
  );
  // A compaction never replaces a newer state: two of one document can finish in either order.
  const upsertState = db.prepare(
    `INSERT INTO doc_state (doc_id, state, state_vector, updated_at, up_to_seq) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector,
       updated_at = excluded.updated_at, up_to_seq = excluded.up_to_seq
     WHERE doc_state.up_to_seq < excluded.up_to_seq`,
  );
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
  const quarantineStmt = db.prepare(
    `INSERT INTO doc_updates_quarantine (doc_id, seq, data, created_at, reason, quarantined_at)
     SELECT doc_id, seq, data, created_at, ?, ? FROM doc_updates WHERE doc_id = ? AND seq = ?
     ON CONFLICT (doc_id, seq) DO NOTHING`,
  );
  const deleteOne = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq = ?');
  const touchRow = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const renameRow = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');

  const replaceLog = db.transaction(
    (docId: string, state: Uint8Array, stateVector: Uint8Array, upToSeq: number, now: number) => {
      upsertState.run(docId, state, stateVector, now, upToSeq);
      deleteUpTo.run(docId, upToSeq);
    },
  );
  const quarantine = db.transaction((docId: string, seq: number, reason: string) => {
    quarantineStmt.run(reason, Date.now(), docId, seq);
    deleteOne.run(docId, seq);
  });

  // The stores' Kysely transactions share this connection. A write here while one is open would
  // become part of it (and vanish with its rollback), so it is refused: the writer retries.
  let ownTransactions = 0;
  const outsideTransactions = () => {
    if (db.inTransaction && ownTransactions === 0) {
      throw new Error('The SQLite connection is inside another transaction; try again.');
    }
  };
  const transaction = <T>(fn: () => T): T => {
    outsideTransactions();
    ownTransactions += 1;
    try {
      return db.transaction(fn)();
    } finally {
      ownTransactions -= 1;
    }
  };

  return {
    /**
     * Appends a batch of updates in one transaction: each document's head is advanced once, its rows
     * numbered in batch order. Answers each update's seq (0 for an empty update, which is not stored).
     */
    appendBatch(writes: ReadonlyArray<{ docId: string; update: Uint8Array }>, now = Date.now()): number[] {
      return transaction(() => {
        const counts = rowsPerDoc(writes);
        const heads = new Map<string, number>();
        for (const [docId, count] of counts) heads.set(docId, advanceHead.get(docId, count)!.seq);
        const seqs = seqsOf(writes, counts, heads);
        writes.forEach((write, index) => {
          if (seqs[index]! > 0) appendStmt.run(write.docId, seqs[index], write.update, now);
        });
        return seqs;
      });
    },
    /** Appends one update; returns its seq. */
    append(docId: string, update: Uint8Array, now = Date.now()): number {
      return this.appendBatch([{ docId, update }], now)[0]!;
    },
    /** The compacted state and the seq it covers, or undefined before the first state was written. */
    readState(docId: string): { state: Uint8Array; upToSeq: number } | undefined {
      const row = stateStmt.get(docId);
      return row && { state: row.state, upToSeq: row.up_to_seq };
    },
    /** The log rows after `afterSeq`, oldest first. */
    readLog(docId: string, afterSeq = 0): LoggedUpdate[] {
      return logStmt
        .all(docId, afterSeq)
        .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at }));
    },
    /**
     * Replaces the state row and every log row up to `upToSeq` with `state`, atomically: a crash
     * leaves either the old rows or the new state, never neither.
     */
    compact(docId: string, state: Uint8Array, stateVector: Uint8Array, upToSeq: number): void {
      outsideTransactions();
      replaceLog(docId, state, stateVector, upToSeq, Date.now());
    },
    /** Marks the document row as changed now (the lists sort by it). */
    touch(docId: string, now = Date.now()): void {
      touchRow.run(now, docId);
    },
    /** Mirrors the collaborative title into the document row the lists read. */
    rename(docId: string, title: string, now = Date.now()): void {
      renameRow.run(title, now, docId);
    },
    /** Moves a log row that cannot be applied aside, with the reason. */
    quarantine(docId: string, seq: number, reason: string): void {
      outsideTransactions();
      quarantine(docId, seq, reason);
    },
    /** Runs `fn` in one transaction. */
    transaction,
  };
}

export type DocStorage = ReturnType<typeof createDocStorage>;
