import { log } from '../log';
import { CloseCode, type Connection } from './connection';
import type { Room } from './room';
import type { PendingWrite } from './writer';

/** Transaction origin of a room batch with updates from several senders: relayed to every socket. */
const MIXED_ORIGIN = Symbol('mixed committed batch');

/** Where a committed write goes when its document is not loaded. */
export type Unloaded = (write: PendingWrite, seq: number) => void;

/**
 * Applies a committed batch: one Yjs transaction per room, so each room's doc emits one merged
 * update — encoded once and sent once to each socket — however many updates the batch held for it
 * (fan-out per commit, not per update). A sender is skipped only when it sent everything in its
 * room's batch; otherwise everyone receives the merged update (re-receiving one's own change is a
 * no-op in Yjs). Answers the rooms that received something.
 */
export function applyCommittedBatch(
  batch: readonly PendingWrite[],
  seqs: readonly number[],
  roomOf: (docId: string) => Room | undefined,
  unloaded: Unloaded,
  quarantine: (docId: string, seq: number, reason: string) => void,
): Room[] {
  const acks = new Map<Connection, { room: Room; count: number }>();
  const byRoom = new Map<Room, number[]>();
  batch.forEach((write, index) => {
    if (write.origin) {
      write.origin.pendingUpdates--;
      write.origin.outstanding.delete(write.ackCount);
    }
    const room = roomOf(write.docId);
    if (!room) return unloaded(write, seqs[index] ?? 0);
    const indexes = byRoom.get(room);
    if (indexes) indexes.push(index);
    else byRoom.set(room, [index]);
  });
  for (const [room, indexes] of byRoom) {
    const origins = new Set(indexes.map((index) => batch[index]!.origin));
    const origin = origins.size === 1 ? (batch[indexes[0]!]!.origin ?? null) : MIXED_ORIGIN;
    room.doc.transact(() => {
      for (const index of indexes) applyOne(room, batch[index]!, seqs[index] ?? 0, acks, quarantine);
    }, origin);
  }
  for (const [connection, { room, count }] of acks) room.acknowledge(connection, count);
  return [...byRoom.keys()];
}

function applyOne(
  room: Room,
  write: PendingWrite,
  seq: number,
  acks: Map<Connection, { room: Room; count: number }>,
  quarantine: (docId: string, seq: number, reason: string) => void,
): void {
  try {
    room.applyCommitted(write.update, write.origin, seq);
  } catch (error) {
    // Validation should make this unreachable; if not, keep the row aside rather than replaying it
    // on every load, never ack it, and drop the sender (it re-syncs what it really has).
    const reason = error instanceof Error ? error.message : String(error);
    log.error('committed update could not be applied; quarantined', { docId: write.docId, seq, reason });
    if (seq > 0) quarantine(write.docId, seq, reason);
    if (write.origin) {
      acks.delete(write.origin);
      write.origin.close(CloseCode.invalidPayload, 'update could not be applied');
    }
    return;
  }
  if (write.origin && !write.origin.closed) {
    // Held updates can be committed after later ones: ack the highest, acknowledge() caps it.
    const previous = acks.get(write.origin)?.count ?? 0;
    acks.set(write.origin, { room, count: Math.max(previous, write.ackCount) });
  }
}
