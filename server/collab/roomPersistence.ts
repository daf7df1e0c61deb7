import * as Y from 'yjs';
import type { DocStorage, DocWrite } from '../stores/docStorage';
import { log } from '../log';
import type { Room } from './room';

/** What to persist of each room: its compaction, its document row's refresh, or both. */
export interface PersistWhat {
  compact?: boolean;
  meta?: boolean;
}

/** A room's write, taken at one moment, and how to account for it once it committed or failed. */
interface Snapshot {
  room: Room;
  write: DocWrite;
}

/**
 * What `room` needs written now. Its compaction encodes the room's doc: the doc holds exactly the
 * committed rows up to lastSeq (updates are applied right after their commit), so that is the merged
 * state — far cheaper than merging the rows.
 */
function snapshot(room: Room, what: PersistWhat): Snapshot | undefined {
  const write: DocWrite = { docId: room.docId };
  if (what.compact && room.logCount > 0) {
    const started = performance.now();
    const state = Y.encodeStateAsUpdate(room.doc);
    write.compaction = { state, stateVector: Y.encodeStateVector(room.doc), upToSeq: room.lastSeq };
    room.sizeBytes = state.length;
    log.debug('compacting', {
      docId: room.docId,
      rows: room.logCount,
      bytes: state.length,
      encodeMs: Math.round(performance.now() - started),
    });
  }
  if (what.meta && room.dirtyMeta) {
    room.dirtyMeta = false;
    const title = room.title?.trim().slice(0, 200);
    write.meta = title && title !== room.persistedTitle ? { title } : {};
  }
  return write.compaction || write.meta ? { room, write } : undefined;
}

/**
 * Writes what the rooms need (see PersistWhat) in one transaction: one fsync, not one per room. The
 * snapshots are taken at the call, before anything is awaited, so later edits are simply not part
 * of it. Resolves with the number of rooms written; rejects when the transaction failed: nothing of
 * it was written, and each room's changed row is marked again so a later flush writes it.
 */
export async function persistRooms(
  storage: DocStorage,
  rooms: Iterable<Room>,
  what: PersistWhat,
): Promise<number> {
  const snapshots: Snapshot[] = [];
  for (const room of rooms) {
    const taken = snapshot(room, what);
    if (taken) snapshots.push(taken);
  }
  if (snapshots.length === 0) return 0;
  try {
    await storage.persist(snapshots.map(({ write }) => write));
  } catch (error) {
    for (const { room, write } of snapshots) if (write.meta) room.dirtyMeta = true;
    throw error;
  }
  for (const { room, write } of snapshots) {
    // Several compactions of one room may be in flight; the newest that committed counts.
    if (write.compaction) room.compactedSeq = Math.max(room.compactedSeq, write.compaction.upToSeq);
    if (write.meta?.title) room.persistedTitle = write.meta.title;
  }
  return snapshots.length;
}
