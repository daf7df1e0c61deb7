import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import type { LogRow } from './appliedSeqs';
import type { Room } from './room';

/**
 * How long a room waits for missing rows to be announced before reading them from storage: another
 * instance's announcement normally arrives within a millisecond of its commit, so reading at once
 * would cost a query for every batch two instances commit close together.
 */
const GAP_WAIT_MS = 100;

/**
 * Keeps loaded rooms level with the log when other instances write to the same documents. Their
 * rows arrive as announcements (applied in seq order) or are read from storage: when a seq jumps,
 * an announcement carries no bytes (a large update), or the periodic head check finds rows nobody
 * announced (a lost message, an instance killed between its commit and its announcement).
 */
export class LogCatchUp {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly reading = new Set<string>();

  constructor(
    private readonly storage: DocStorage,
    private readonly roomOf: (docId: string) => Room | undefined,
  ) {}

  /** Rows another instance committed for a loaded room. */
  receive(room: Room, rows: readonly LogRow[]): void {
    const ready = room.seqs.offer(rows);
    if (ready.length > 0) room.applyFromLog(ready.map((row) => row.update));
    const bytesMissing = rows.some((row) => !row.update && !room.seqs.has(row.seq));
    this.check(room, bytesMissing ? 0 : GAP_WAIT_MS);
  }

  /** Reads the room's missing rows from storage unless they arrive within `delayMs`. */
  check(room: Room, delayMs = GAP_WAIT_MS): void {
    if (!room.seqs.missing) return;
    const { docId } = room;
    const pending = this.timers.get(docId);
    if (pending && delayMs > 0) return;
    clearTimeout(pending);
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      void this.read(room);
    }, delayMs);
    timer.unref();
    this.timers.set(docId, timer);
  }

  /** Asks storage for every loaded room's head; rooms behind it catch up at once. */
  async checkHeads(rooms: Iterable<Room>): Promise<void> {
    const loaded = [...rooms];
    if (loaded.length === 0) return;
    const heads = await this.storage.heads(loaded.map((room) => room.docId));
    for (const room of loaded) {
      const head = heads.get(room.docId);
      if (head === undefined || this.roomOf(room.docId) !== room) continue;
      room.seqs.saw(head);
      this.check(room, 0);
    }
  }

  /** Stops every pending read (shutdown). */
  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async read(room: Room): Promise<void> {
    const { docId } = room;
    if (this.reading.has(docId) || !room.seqs.missing || this.roomOf(docId) !== room) return;
    this.reading.add(docId);
    try {
      const stored = await this.storage.readSince(docId, room.seqs.contiguous);
      if (this.roomOf(docId) !== room) return;
      const updates: Uint8Array[] = [];
      // A compaction already deleted some of the missing rows: its state holds them.
      if (stored.state && stored.stateSeq > room.seqs.contiguous) {
        updates.push(stored.state);
        room.seqs.covered(stored.stateSeq);
      }
      const ready = room.seqs.offer(stored.log.map((row) => ({ seq: row.seq, update: row.data })));
      room.applyFromLog(updates.concat(ready.map((row) => row.update)));
      // Every row up to the head was in this answer or is gone (quarantined): none is missing.
      room.seqs.covered(stored.head);
      // Announced meanwhile, past this read's snapshot: wait for the rows before it, then read again.
      this.check(room);
    } catch (error) {
      log.warn('could not read rows other instances committed', { docId, error: String(error) });
    } finally {
      this.reading.delete(docId);
    }
  }
}
