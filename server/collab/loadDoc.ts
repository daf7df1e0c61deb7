import * as Y from 'yjs';
import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import { validateUpdate } from './frames';

/** A document as loaded from storage. */
export interface LoadedDoc {
  doc: Y.Doc;
  /** Seq of the newest log row the doc contains (the state's when the log is empty). */
  lastSeq: number;
  /** Seq up to which the compacted state covers the log. */
  stateSeq: number;
  /** Bytes of the stored state and log rows (the room's size estimate starts here). */
  storedBytes?: number;
  /** Number of log rows applied on top of the compacted state. */
  logCount: number;
}

/**
 * Builds a Y.Doc from the compacted state plus the update log. Rows are applied one by one to the
 * doc rather than merged with Y.mergeUpdates, whose cost grows superlinearly with the backlog.
 * A row that does not decode is quarantined (kept, logged) instead of failing the whole document.
 */
export async function loadDoc(storage: DocStorage, docId: string): Promise<LoadedDoc> {
  const stored = await storage.read(docId);
  // The document's own id as guid: a random one costs ~10 KB of garbage per load (lib0's uuidv4).
  const doc = new Y.Doc({ gc: true, guid: docId });
  if (stored.state) Y.applyUpdate(doc, stored.state);
  let lastSeq = stored.stateSeq;
  let logCount = 0;
  let storedBytes = stored.state?.length ?? 0;
  const corrupt: Array<{ seq: number; reason: string }> = [];
  for (const row of stored.log) {
    try {
      // Decoding first means a corrupt row is rejected whole, never half-applied.
      validateUpdate(row.data);
      Y.applyUpdate(doc, row.data);
      logCount++;
      storedBytes += row.data.length;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log.error('quarantined corrupt update row', { docId, seq: row.seq, reason });
      corrupt.push({ seq: row.seq, reason });
    }
    lastSeq = row.seq;
  }
  for (const { seq, reason } of corrupt) {
    // Not moved aside now: the doc loads without it all the same, and the next load tries again.
    await storage.quarantine(docId, seq, reason).catch((error: unknown) => {
      log.error('could not quarantine a corrupt update row', { docId, seq, error: String(error) });
    });
  }
  return { doc, lastSeq, stateSeq: stored.stateSeq, logCount, storedBytes };
}
