/**
 * The sync server's storage of documents: the compacted state, the update log after it, the rows
 * quarantined from it, and the document row's title and updated_at. One implementation per engine on
 * its raw driver (server/stores/docStorage/). Appending runs through a Committer (server/collab), not
 * here: that is the per-update path, batched and callback-based.
 */
export interface DocStorage {
  /** The document as stored, read at one moment: its compacted state and the log rows after it. */
  read(docId: string): Promise<StoredDoc>;
  /**
   * What was committed after `afterSeq`, read at one moment (another instance's rows): the log rows
   * after it, preceded by the compacted state when a compaction has already deleted some of them.
   */
  readSince(docId: string, afterSeq: number): Promise<StoredSince>;
  /** The newest seq of each document's log (documents without one are left out). */
  heads(docIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Writes compactions and document-row refreshes of several documents in one transaction (one
   * fsync): all of them or, when it fails, none.
   */
  persist(writes: readonly DocWrite[], now?: number): Promise<void>;
  /** Moves a log row that cannot be applied aside, with the reason; a second call does nothing. */
  quarantine(docId: string, seq: number, reason: string): Promise<void>;
}

/** One row of the update log. */
export interface LoggedUpdate {
  seq: number;
  data: Uint8Array;
  createdAt: number;
}

/** A document as read from storage. */
export interface StoredDoc {
  /** The compacted state; undefined before the first one was written. */
  state: Uint8Array | undefined;
  /** The state contains every log row up to this seq (0 without a state). */
  stateSeq: number;
  /** The log rows after stateSeq, oldest first. */
  log: LoggedUpdate[];
}

/** What readSince answers: also the head at that moment (rows up to it are in the answer or gone). */
export interface StoredSince extends StoredDoc {
  head: number;
}

/** What persist() writes for one document. */
export interface DocWrite {
  docId: string;
  /**
   * Replaces the state, and deletes the log rows up to upToSeq, which the state contains. A state
   * that covers more (written by a later compaction) is kept: compactions may finish in any order.
   */
  compaction?: { state: Uint8Array; stateVector: Uint8Array; upToSeq: number };
  /** Refreshes the document row: updated_at, and the title when one is given. */
  meta?: { title?: string };
}

export { createDocStorage, type SqliteDocStorage } from './docStorage/sqlite';
