import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import { AccessGuard, type AccessGuardOptions } from './accessGuard';
import type { AwarenessLimits } from './awareness';
import { CloseCode, type Connection } from './connection';
import { heartbeat } from './heartbeat';
import { loadDoc } from './loadDoc';
import { Room } from './room';
import { compact, flushMeta, persistAll, persistForUnload } from './roomPersistence';
import { SocketCaps, type CapExceeded } from './socketCaps';
import { UpdateWriter, type Committer, type PendingWrite } from './writer';

/** Transaction origin of a room batch with updates from several senders: relayed to every socket. */
const MIXED_ORIGIN = Symbol('mixed committed batch');

/** Settings of the room registry. */
export interface RoomRegistryOptions extends AccessGuardOptions {
  /** Compact a document's log after about this many rows. */
  compactEvery: number;
  /** How often a changed document's row (updated_at, title) is refreshed, in ms. */
  metaFlushMs?: number;
  /** How often open sockets' sessions are re-checked, in ms. */
  sessionSweepMs?: number;
  /** How often sockets are pinged; one that misses a ping is dropped. */
  heartbeatMs?: number;
  /** Open sockets per user (all documents); see admit(). */
  maxSocketsPerUser?: number;
  /** Open sockets per network address; see admit(). */
  maxSocketsPerAddress?: number;
  /** Updates of one socket that may wait for a commit before that socket is closed (1013). */
  maxPendingUpdatesPerSocket?: number;
  /** A socket silent for this long is closed; checked with the heartbeat. */
  socketIdleMs?: number;
  /** Presence limits per socket. */
  awareness?: AwarenessLimits;
  /** Where group commits run (a worker thread in the server); the storage's connection by default. */
  committer?: Committer;
}

/**
 * Loads a document on its first connection, keeps it while anyone is connected, and unloads it
 * after the last one leaves — once its writes are committed and its log compacted.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  readonly writer: UpdateWriter;
  private readonly storage: DocStorage;
  private readonly caps: SocketCaps;
  private readonly guard: AccessGuard;
  private readonly timers: NodeJS.Timeout[];
  private readonly compactionScheduled = new Set<Room>();

  constructor(
    storage: DocStorage,
    private readonly options: RoomRegistryOptions,
  ) {
    this.storage = storage;
    this.writer = new UpdateWriter(
      storage,
      (batch, seqs) => this.onCommitted(batch, seqs),
      options.committer,
    );
    this.caps = new SocketCaps(options);
    this.guard = new AccessGuard(() => this.connections(), options);
    const heartbeatMs = options.heartbeatMs ?? 30_000;
    const every = (ms: number, tick: () => void) => {
      const timer = setInterval(tick, ms);
      timer.unref();
      return timer;
    };
    this.timers = [
      every(options.metaFlushMs ?? 2_000, () => flushMeta(this.storage, this.rooms.values())),
      every(options.sessionSweepMs ?? 30_000, async () => void (await this.guard.sweepSessions())),
      every(heartbeatMs, () => {
        heartbeat(this.connections(), { heartbeatMs, socketIdleMs: options.socketIdleMs });
        this.evictIdleRooms();
      }),
    ];
  }

  /**
   * Unloads rooms nobody is connected to. Normally the last leave() does that; this catches a room
   * whose unload had to wait (storage failing while the last socket left) or that was never joined.
   */
  evictIdleRooms(): void {
    if (this.writer.pending > 0) return;
    for (const room of [...this.rooms.values()]) {
      if (room.connections.size === 0) this.unload(room);
    }
  }

  /**
   * Whether one more socket for this user and address stays within the caps (undefined) or which
   * cap it would exceed. Checked at the upgrade (HTTP 429) and again when the socket opens.
   */
  admit(identity: { userId: string; address?: string }): CapExceeded | undefined {
    return this.caps.admit(identity);
  }

  /** Every open connection. */
  *connections(): Iterable<Connection> {
    for (const room of this.rooms.values()) yield* room.connections;
  }

  /**
   * Writes a change made by the server itself (e.g. sections added by a template upgrade) through
   * the same path as a client's: committed first, then applied and relayed to everyone editing.
   */
  applyServerUpdate(docId: string, update: Uint8Array): Promise<void> {
    this.writer.enqueue({ docId, update, origin: null, ackCount: 0 });
    return this.writer.whenIdle();
  }

  /** Closes the sockets of these sessions at once (logout, password change, account deletion). */
  closeSessions(sessionIds: readonly string[], reason: string): void {
    this.guard.closeSessions(sessionIds, reason);
  }

  /**
   * Applies a change of a user's access to their open sockets at once (see AccessGuard): `teamId`
   * for a membership change in that team, none when documents of any team may be concerned.
   */
  async refreshAccess(userId: string, teamId?: string): Promise<void> {
    return await this.guard.refreshAccess(userId, teamId);
  }

  /** Number of loaded documents. */
  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room, if any (tests and diagnostics). */
  peek(docId: string): Room | undefined {
    return this.rooms.get(docId);
  }

  /** Adds a connection to its document's room, loading the document from SQLite if needed. */
  join(connection: Connection): Room {
    if (this.options.maxPendingUpdatesPerSocket !== undefined) {
      connection.maxPendingUpdates = this.options.maxPendingUpdatesPerSocket;
    }
    let room = this.rooms.get(connection.docId);
    if (!room) {
      const started = performance.now();
      const loaded = loadDoc(this.storage, connection.docId);
      room = new Room(connection.docId, loaded, this.writer, this.options.awareness);
      this.rooms.set(connection.docId, room);
      log.debug('document loaded', {
        docId: connection.docId,
        logRows: loaded.logCount,
        ms: Math.round(performance.now() - started),
      });
      if (loaded.logCount >= this.options.compactEvery) this.scheduleCompaction(room);
    }
    room.join(connection);
    this.caps.count(connection, 1);
    return room;
  }

  /** Removes a connection; unloads the room when it was the last one. */
  leave(connection: Connection): void {
    const room = this.rooms.get(connection.docId);
    if (!room) return;
    if (room.connections.has(connection)) this.caps.count(connection, -1);
    room.leave(connection);
    if (room.connections.size === 0) void this.unloadWhenIdle(room);
  }

  private async unloadWhenIdle(room: Room): Promise<void> {
    await this.writer.whenIdle();
    // Someone may have joined while the writes were being flushed.
    if (room.connections.size > 0 || this.rooms.get(room.docId) !== room) return;
    this.unload(room);
  }

  private unload(room: Room, persist = true): void {
    if (persist) {
      try {
        persistForUnload(this.storage, room);
      } catch (error) {
        // The log rows are still there; the next load replays them.
        log.error('compaction on unload failed', { docId: room.docId, error: String(error) });
      }
    }
    this.rooms.delete(room.docId);
    this.compactionScheduled.delete(room);
    room.awareness.destroy();
    room.doc.destroy();
    log.debug('document unloaded', { docId: room.docId });
  }

  /**
   * Applies a committed batch: one Yjs transaction per room, so each room's doc emits one merged
   * update — encoded once and sent once to each socket — however many updates the batch held for
   * it (fan-out per commit, not per update). A sender is skipped only when it sent everything in
   * its room's batch; otherwise everyone receives the merged update (re-receiving one's own change
   * is a no-op in Yjs).
   */
  private onCommitted(batch: PendingWrite[], seqs: number[]): void {
    const acks = new Map<Connection, { room: Room; count: number }>();
    const byRoom = new Map<Room, number[]>();
    batch.forEach((write, index) => {
      if (write.origin) {
        write.origin.pendingUpdates--;
        write.origin.outstanding.delete(write.ackCount);
      }
      const room = this.rooms.get(write.docId);
      if (!room) return; // Unloaded meanwhile: the row is stored and will be replayed on load.
      const indexes = byRoom.get(room);
      if (indexes) indexes.push(index);
      else byRoom.set(room, [index]);
    });
    for (const [room, indexes] of byRoom) {
      const origins = new Set(indexes.map((index) => batch[index]!.origin));
      const origin = origins.size === 1 ? (batch[indexes[0]!]!.origin ?? null) : MIXED_ORIGIN;
      room.doc.transact(() => {
        for (const index of indexes) this.applyOne(room, batch[index]!, seqs[index] ?? 0, acks);
      }, origin);
      if (room.logCount >= this.options.compactEvery) this.scheduleCompaction(room);
    }
    for (const [connection, { room, count }] of acks) room.acknowledge(connection, count);
  }

  private applyOne(
    room: Room,
    write: PendingWrite,
    seq: number,
    acks: Map<Connection, { room: Room; count: number }>,
  ): void {
    try {
      room.applyCommitted(write.update, write.origin, seq);
    } catch (error) {
      // Validation should make this unreachable; if not, keep the row aside rather than replaying
      // it on every load, never ack it, and drop the sender (it re-syncs what it really has).
      const reason = error instanceof Error ? error.message : String(error);
      log.error('committed update could not be applied; quarantined', {
        docId: write.docId,
        seq,
        reason,
      });
      if (seq > 0) this.storage.quarantine(write.docId, seq, reason);
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

  private scheduleCompaction(room: Room): void {
    if (this.compactionScheduled.has(room)) return;
    this.compactionScheduled.add(room);
    // Outside the commit turn, so relaying is never held up by compaction.
    setImmediate(() => {
      this.compactionScheduled.delete(room);
      if (this.rooms.get(room.docId) !== room || room.logCount === 0) return;
      try {
        compact(this.storage, room);
      } catch (error) {
        log.error('compaction failed', { docId: room.docId, error: String(error) });
      }
    });
  }

  /** Commits pending writes, compacts and unloads everything, closing sockets (shutdown). */
  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    const committed = this.writer.close();
    if (!committed) log.error('shutdown with uncommitted updates; clients still hold them');
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(CloseCode.goingAway, 'server shutting down');
    const persisted = persistAll(this.storage, rooms);
    for (const room of rooms) this.unload(room, !persisted);
  }
}
