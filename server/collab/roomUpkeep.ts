import type { DocStorage } from '../stores/docStorage';
import type { CollabMetrics } from '../metrics/commitPath';
import { log } from '../log';
import type { Room } from './room';
import { persistRooms } from './roomPersistence';

/** Where the loaded rooms are (RoomLoader). */
export interface LoadedRooms {
  peek(docId: string): Room | undefined;
  rooms(): Iterable<Room>;
}

/**
 * The writes loaded rooms need besides their updates: compacting a room's log once it is long, and
 * refreshing the document rows (updated_at, title) of changed rooms — both outside the commit turn,
 * so relaying never waits for them, and timed for the metrics when they wrote something.
 */
export class RoomUpkeep {
  private readonly compactions = new Set<Room>();
  private metaFlushing = false;

  constructor(
    private readonly storage: DocStorage,
    private readonly loaded: LoadedRooms,
    private readonly metrics?: CollabMetrics,
  ) {}

  /** Compacts `room` on a later turn; one compaction at a time per room. */
  scheduleCompaction(room: Room): void {
    if (this.compactions.has(room)) return;
    this.compactions.add(room);
    setImmediate(async () => {
      try {
        if (this.loaded.peek(room.docId) === room && room.logCount > 0) {
          await this.persistTimed('compaction', [room]);
        }
      } catch (error) {
        log.error('compaction failed', { docId: room.docId, error: String(error) });
      } finally {
        this.compactions.delete(room);
      }
    });
  }

  /** Refreshes the rows of every changed room; skipped while the previous flush still runs. */
  async flushMeta(): Promise<void> {
    if (this.metaFlushing) return;
    this.metaFlushing = true;
    try {
      // One transaction for all rooms: each autocommitted row update is its own fsync, which with
      // a few hundred active documents stalled relaying for hundreds of ms every metaFlushMs on
      // SQLite (see docs/benchmarks.md, Findings).
      await this.persistTimed('meta', this.loaded.rooms());
    } catch (error) {
      log.warn('could not update document rows', { error: String(error) });
    } finally {
      this.metaFlushing = false;
    }
  }

  private async persistTimed(kind: 'compaction' | 'meta', rooms: Iterable<Room>): Promise<void> {
    const started = performance.now();
    const written = await persistRooms(
      this.storage,
      rooms,
      kind === 'meta' ? { meta: true } : { compact: true },
    );
    if (written > 0) this.metrics?.persisted(kind, performance.now() - started);
  }
}
