import * as Y from 'yjs';
import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import { validateUpdate } from './room';

/** A document as loaded from storage. */
export interface LoadedDoc {
  doc: Y.Doc;
  /** Id of the newest log row the doc contains (0 when the log is empty). */
  lastLogId: number;
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
  if (state) Y.applyUpdate(doc, state);
  let lastLogId = 0;
  let logCount = 0;
  for (const row of storage.readLog(docId)) {
    try {
      // Decoding first means a corrupt row is rejected whole, never half-applied.
      validateUpdate(row.data);
      Y.applyUpdate(doc, row.data);
      logCount++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error('quarantined corrupt update row', { docId, rowId: row.id, reason });
      storage.quarantine(row.id, reason);
    }
    lastLogId = row.id;
  }
  return { doc, lastLogId, logCount };
}
