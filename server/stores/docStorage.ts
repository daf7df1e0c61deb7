import type { Db } from '../db/connection';

/** One row of the update log. */
export interface LoggedUpdate {
  id: number;
  data: Uint8Array;
  createdAt: number;
}

interface UpdateRow {
  id: number;
  data: Buffer;
  created_at: number;
}

/**
 * The sync server's storage on the raw SQLite connection: `doc_state`, `doc_updates`,
 * `doc_updates_quarantine` and the document row's title and updated_at. Prepared statements, no
 * promises: this is the per-update path.
 */
export function createDocStorage(db: Db) {
  const appendStmt = db.prepare('INSERT INTO doc_updates (doc_id, data, created_at) VALUES (?, ?, ?)');
  const stateStmt = db.prepare<[string], { state: Buffer }>('SELECT state FROM doc_state WHERE doc_id = ?');
  const logStmt = db.prepare<[string], UpdateRow>(
    'SELECT id, data, created_at FROM doc_updates WHERE doc_id = ? ORDER BY id',
  );
  const upsertState = db.prepare(
    `INSERT INTO doc_state (doc_id, state, state_vector, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector,
       updated_at = excluded.updated_at`,
  );
  const deleteUpTo = db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND id <= ?');
  const quarantineStmt = db.prepare(
    `INSERT INTO doc_updates_quarantine (id, doc_id, data, created_at, reason, quarantined_at)
     SELECT id, doc_id, data, created_at, ?, ? FROM doc_updates WHERE id = ?`,
  );
  const deleteOne = db.prepare('DELETE FROM doc_updates WHERE id = ?');
  const touchRow = db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const renameRow = db.prepare('UPDATE documents SET title = ?, updated_at = ? WHERE id = ?');

  const replaceLog = db.transaction(
    (docId: string, state: Uint8Array, stateVector: Uint8Array, upToId: number, now: number) => {
      upsertState.run(docId, state, stateVector, now);
      deleteUpTo.run(docId, upToId);
    },
  );
  const quarantine = db.transaction((rowId: number, reason: string) => {
    quarantineStmt.run(reason, Date.now(), rowId);
    deleteOne.run(rowId);
  });

  // The stores' Kysely transactions share this connection. A write here while one is open would
  // become part of it (and vanish with its rollback), so it is refused: the writer retries.
  let ownTransactions = 0;
  const outsideTransactions = () => {
    if (db.inTransaction && ownTransactions === 0) {
      throw new Error('The SQLite connection is inside another transaction; try again.');
    }
  };

  return {
    /** Appends one update; returns its log id. Call inside a transaction for group commit. */
    append(docId: string, update: Uint8Array, now = Date.now()): number {
      return Number(appendStmt.run(docId, update, now).lastInsertRowid);
    },
    /** The compacted state, or undefined before the first compaction. */
    readState(docId: string): Uint8Array | undefined {
      return stateStmt.get(docId)?.state;
    },
    /** The log rows after the compacted state, oldest first. */
    readLog(docId: string): LoggedUpdate[] {
      return logStmt.all(docId).map((row) => ({ id: row.id, data: row.data, createdAt: row.created_at }));
    },
    /**
     * Replaces the state row and every log row up to `upToId` with `state`, atomically: a crash
     * leaves either the old rows or the new state, never neither.
     */
    compact(docId: string, state: Uint8Array, stateVector: Uint8Array, upToId: number): void {
      outsideTransactions();
      replaceLog(docId, state, stateVector, upToId, Date.now());
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
    quarantine(rowId: number, reason: string): void {
      outsideTransactions();
      quarantine(rowId, reason);
    },
    /** Runs `fn` in one transaction (group commit of many appends). */
    transaction<T>(fn: () => T): T {
      outsideTransactions();
      ownTransactions += 1;
      try {
        return db.transaction(fn)();
      } finally {
        ownTransactions -= 1;
      }
    },
  };
}

export type DocStorage = ReturnType<typeof createDocStorage>;
