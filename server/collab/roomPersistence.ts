import * as Y from 'yjs';
import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import type { Room } from './room';

/**
 * Replaces the log with one state row. The room's doc holds exactly the committed rows up to
 * lastSeq (updates are applied right after their commit), so encoding it is the merged state —
 * far cheaper than merging the rows.
 */
export function compact(storage: DocStorage, room: Room): void {
  const started = performance.now();
  const state = Y.encodeStateAsUpdate(room.doc);
  const stateVector = Y.encodeStateVector(room.doc);
  const upToSeq = room.lastSeq;
  storage.compact(room.docId, state, stateVector, upToSeq);
  log.debug('compacted', {
    docId: room.docId,
    rows: room.logCount,
    bytes: state.length,
    ms: Math.round(performance.now() - started),
  });
  room.compactedSeq = Math.max(room.compactedSeq, upToSeq);
}

/** Refreshes the document row (updated_at, and the title when it changed) if the doc changed. */
export function flushRoomMeta(storage: DocStorage, room: Room): void {
  if (!room.dirtyMeta) return;
  room.dirtyMeta = false;
  const title = room.title?.trim().slice(0, 200);
  if (title && title !== room.persistedTitle) {
    storage.rename(room.docId, title);
    room.persistedTitle = title;
  } else {
    storage.touch(room.docId);
  }
}

/** Compaction and the document row's update in one transaction: one fsync, not one each. */
export function persistForUnload(storage: DocStorage, room: Room): void {
  storage.transaction(() => {
    if (room.logCount > 0) compact(storage, room);
    flushRoomMeta(storage, room);
  });
}

/** Refreshes the rows of every changed room; a room whose row could not be written tries again next time. */
export function flushMeta(storage: DocStorage, rooms: Iterable<Room>): void {
  // One transaction for all rooms: each autocommitted row update is its own fsync on the event
  // loop (synchronous=FULL), which with a few hundred active documents stalled relaying for
  // hundreds of ms every metaFlushMs (see docs/benchmarks.md, Findings).
  const flushed: Room[] = [];
  try {
    storage.transaction(() => {
      for (const room of rooms) {
        try {
          if (room.dirtyMeta) flushed.push(room);
          flushRoomMeta(storage, room);
        } catch (error) {
          log.warn('could not update document row', { docId: room.docId, error: String(error) });
        }
      }
    });
  } catch (error) {
    // The commit failed: try these rooms again on the next flush.
    for (const room of flushed) {
      room.dirtyMeta = true;
      room.persistedTitle = undefined;
    }
    log.warn('could not update document rows', { rooms: flushed.length, error: String(error) });
  }
}

/**
 * Persists every room in one transaction (shutdown): one fsync instead of two per loaded document
 * (2,000 documents: ~1.3 s of fsyncs here, far more on a slow disk, where a container's stop
 * timeout would cut the shutdown short). If it fails (a full disk can roll back the whole
 * transaction), nothing of it was written: the rooms' bookkeeping is put back and false returned,
 * so each room can try on its own.
 */
export function persistAll(storage: DocStorage, rooms: readonly Room[]): boolean {
  const before = rooms.map((room) => ({
    compactedSeq: room.compactedSeq,
    dirtyMeta: room.dirtyMeta,
    persistedTitle: room.persistedTitle,
  }));
  try {
    storage.transaction(() => {
      for (const room of rooms) persistForUnload(storage, room);
    });
    return true;
  } catch (error) {
    log.error('compaction at shutdown failed; trying each document on its own', { error: String(error) });
    rooms.forEach((room, index) => Object.assign(room, before[index]));
    return false;
  }
}
