import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import type { AwarenessLimits } from './awareness';
import type { UpdateLimits } from './updateLimits';
import { loadDoc, type LoadedDoc } from './loadDoc';
import { Room } from './room';
import { persistRooms } from './roomPersistence';
import type { PendingWrite, UpdateWriter } from './writer';
import type { LogRow } from './appliedSeqs';
import { ALONE, type ClusterLink } from './clusterLink';

/** Settings of the room loader. */
export interface RoomLoaderOptions {
  awareness?: AwarenessLimits;
  updates?: UpdateLimits;
  /** The other instances (ALONE when absent). */
  link?: ClusterLink;
  /** Called once a room is loaded, with the rows other instances announced while it loaded. */
  loaded?: (room: Room, remote: LogRow[]) => void;
}

/** A document being loaded, and the rows committed for it meanwhile (here, and by other instances). */
interface Loading {
  promise: Promise<Room>;
  committed: Array<{ update: Uint8Array; seq: number }>;
  remote: LogRow[];
}

/**
 * The loaded rooms, and their loads and unloads, which await storage. A document is loaded once
 * however many sockets ask for it at the same time; a load that starts while the document is being
 * unloaded waits for that unload and then reads what it wrote. A room leaves the map when its
 * unload starts, so nothing joins a room that is going away.
 */
export class RoomLoader {
  private readonly loaded = new Map<string, Room>();
  private readonly loading = new Map<string, Loading>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: DocStorage,
    private readonly writer: UpdateWriter,
    private readonly options: RoomLoaderOptions = {},
  ) {}

  private get link(): ClusterLink {
    return this.options.link ?? ALONE;
  }

  /** The loaded rooms. */
  rooms(): IterableIterator<Room> {
    return this.loaded.values();
  }

  /** Number of loaded rooms. */
  get size(): number {
    return this.loaded.size;
  }

  /** The loaded room of a document, if any. */
  peek(docId: string): Room | undefined {
    return this.loaded.get(docId);
  }

  /** The document's room, loaded from storage first if needed. */
  room(docId: string): Promise<Room> {
    const room = this.loaded.get(docId);
    if (room) return Promise.resolve(room);
    const loading = this.loading.get(docId);
    if (loading) return loading.promise;
    const arrived: Omit<Loading, 'promise'> = { committed: [], remote: [] };
    const promise = this.load(docId, arrived).finally(() => this.loading.delete(docId));
    this.loading.set(docId, { promise, ...arrived });
    return promise;
  }

  /**
   * Takes a committed update of a document that is not loaded. It is in the log, so a later load
   * reads it; a load in flight may have read the log before it was committed, so it gets it too.
   */
  committedWhileUnloaded(write: PendingWrite, seq: number): void {
    if (seq > 0) this.loading.get(write.docId)?.committed.push({ update: write.update, seq });
  }

  /**
   * Takes rows another instance committed for a document being loaded (the load may have read the
   * log before them); answers false when the document is not loading.
   */
  committedElsewhileLoading(docId: string, rows: readonly LogRow[]): boolean {
    const loading = this.loading.get(docId);
    loading?.remote.push(...rows);
    return loading !== undefined;
  }

  /**
   * Takes a room out of the map, then compacts its log and refreshes its row. Never rejects: a
   * failed compaction leaves the log rows, which the next load replays.
   */
  unload(room: Room): Promise<void> {
    const { docId } = room;
    if (this.loaded.get(docId) !== room) return this.unloading.get(docId) ?? Promise.resolve();
    this.loaded.delete(docId);
    this.link.closed(room);
    this.link.unwatch(docId);
    // The snapshot is taken now, so the doc can go at once.
    const persisted = persistRooms(this.storage, [room], { compact: true, meta: true });
    room.awareness.destroy();
    room.doc.destroy();
    const done: Promise<void> = persisted
      .then(
        () => log.debug('document unloaded', { docId }),
        (error: unknown) => log.error('compaction on unload failed', { docId, error: String(error) }),
      )
      .finally(() => {
        if (this.unloading.get(docId) === done) this.unloading.delete(docId);
      });
    this.unloading.set(docId, done);
    return done;
  }

  /** Waits for every load and unload in flight (shutdown); answers the rooms loaded then. */
  async settle(): Promise<Room[]> {
    await Promise.allSettled([...this.loading.values()].map((loading) => loading.promise));
    await Promise.allSettled(this.unloading.values());
    return [...this.loaded.values()];
  }

  private async load(docId: string, { committed, remote }: Omit<Loading, 'promise'>): Promise<Room> {
    await this.unloading.get(docId);
    await this.link.watch(docId);
    const started = performance.now();
    let loaded: LoadedDoc;
    try {
      loaded = await loadDoc(this.storage, docId);
    } catch (error) {
      this.link.unwatch(docId);
      throw error;
    }
    const room = new Room(docId, loaded, this.writer, this.options.awareness, this.options.updates);
    const missed = committed.filter(({ seq }) => seq > room.lastSeq).sort((a, b) => a.seq - b.seq);
    room.doc.transact(() => {
      for (const { update, seq } of missed) {
        try {
          room.applyCommitted(update, null, seq);
        } catch (error) {
          // The next load meets it in the log and quarantines it.
          log.error('committed update could not be applied', { docId, seq, error: String(error) });
        }
      }
    });
    this.loaded.set(docId, room);
    this.link.opened(room);
    this.options.loaded?.(room, remote);
    log.debug('document loaded', {
      docId,
      logRows: loaded.logCount,
      ms: Math.round(performance.now() - started),
    });
    return room;
  }
}
