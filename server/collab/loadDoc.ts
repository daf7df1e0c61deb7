import * as Y from 'yjs';
import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import { validateUpdate } from './room';

/** A document as loaded from storage. */
export interface LoadedDoc {
  doc: Y.Doc;
  /** Seq of the newest log row the doc contains (the state's when the log is empty). */
  lastSeq: number;
  /** Seq up to which the compacted state covers the log. */
  stateSeq: number;
  /** Number of log rows on top of the compacted state. */
  logCount: number;
}

/**
 * Builds a Y.Doc from the compacted state plus the update log. Rows are applied one by one to the
 * doc rather than merged with Y.mergeUpdates, whose cost grows superlinearly with the backlog.
 * A row that does not decode is quarantined (kept, logged) instead of failing the whole document.
 */
export function loadDoc(storage: DocStorage, docId: string): LoadedDoc {
  // The document's own id as guid: a random one costs ~10 KB of garbage per load (lib0's uuidv4).
  const doc = new Y.Doc({ gc: true, guid: docId });
  const state = storage.readState(docId);
  if (state) Y.applyUpdate(doc, state.state);
  const stateSeq = state?.upToSeq ?? 0;
  let lastSeq = stateSeq;
  let logCount = 0;
  for (const row of storage.readLog(docId, stateSeq)) {
    try {
      // Decoding first means a corrupt row is rejected whole, never half-applied.
      validateUpdate(row.data);
      Y.applyUpdate(doc, row.data);
      logCount++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error('quarantined corrupt update row', { docId, seq: row.seq, reason });
      storage.quarantine(docId, row.seq, reason);
    }
    lastSeq = row.seq;
  }
  return { doc, lastSeq, stateSeq, logCount };
}
