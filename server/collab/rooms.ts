import * as Y from 'yjs';
import type { DocStorage } from '../stores/docStorage';
import type { DocumentStore } from '../stores/documents';
import { log } from '../log';
import { CloseCode, type Connection } from './connection';
import { loadDoc } from './loadDoc';
import { Room } from './room';
import type { AwarenessLimits } from './awareness';
import { UpdateWriter, type Committer, type PendingWrite } from './writer';

/** Transaction origin of a room batch with updates from several senders: relayed to every socket. */
const MIXED_ORIGIN = Symbol('mixed committed batch');

/** Settings of the room registry. */
export interface RoomRegistryOptions {
  /** Compact a document's log after about this many rows. */
  compactEvery: number;
  /** How often a changed document's row (updated_at, title) is refreshed, in ms. */
  metaFlushMs?: number;
  /** Current access of a user to a document (re-checked when memberships change). */
  access?: (userId: string, docId: string) => { canRead: boolean; canWrite: boolean };
  /** Whether a session is still valid; sockets of ended sessions are closed by a sweep. */
  isSessionLive?: (sessionId: string) => boolean;
  /** Records activity on a session (a socket that sent frames since the last sweep). */
  touchSession?: (sessionId: string) => void;
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

/** Why a socket is refused: which cap it would exceed. */
export type CapExceeded = 'user' | 'address';

/**
 * Loads a document on its first connection, keeps it while anyone is connected, and unloads it
 * after the last one leaves — once its writes are committed and its log compacted.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  readonly writer: UpdateWriter;
  private readonly metaTimer: NodeJS.Timeout;
  private compactionScheduled = new Set<Room>();

  constructor(
    private readonly storage: DocStorage,
    private readonly documents: DocumentStore,
    private readonly options: RoomRegistryOptions,
  ) {
    this.writer = new UpdateWriter(
      storage,
      (batch, logIds) => this.onCommitted(batch, logIds),
      options.committer,
    );
    this.metaTimer = setInterval(() => this.flushMeta(), options.metaFlushMs ?? 2_000);
    this.metaTimer.unref();
    this.sessionTimer = setInterval(() => this.sweepSessions(), options.sessionSweepMs ?? 30_000);
    this.sessionTimer.unref();
    this.heartbeatTimer = setInterval(() => this.heartbeat(), options.heartbeatMs ?? 30_000);
    this.heartbeatTimer.unref();
  }

  private readonly sessionTimer: NodeJS.Timeout;
  private readonly heartbeatTimer: NodeJS.Timeout;

  /**
   * Pings every socket; one that did not answer the previous ping is dropped. A sleeping laptop or
   * a lost network leaves a half-open TCP connection that would otherwise keep its presence (and
   * its room) forever.
   */
  private heartbeat(): void {
    const idleBefore = Date.now() - (this.options.socketIdleMs ?? Number.POSITIVE_INFINITY);
    for (const connection of [...this.connections()]) {
      if (connection.lastFrameAt < idleBefore) {
        // Pongs come from the socket library, not the app: an abandoned or hostile socket answers
        // pings forever while keeping its document in memory.
        connection.close(CloseCode.goingAway, 'inactief');
        continue;
      }
      const held = connection.held[0];
      if (held && held.since < Date.now() - (this.options.heartbeatMs ?? 30_000)) {
        // What it builds on never arrived (e.g. the other tab closed first): a reconnect re-syncs
        // both ways, which brings the missing content along.
        connection.close(CloseCode.tryAgainLater, 'wacht te lang op ontbrekende inhoud');
        continue;
      }
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        connection.socket.terminate();
      }
    }
    this.evictIdleRooms();
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

  private readonly socketsByUser = new Map<string, number>();
  private readonly socketsByAddress = new Map<string, number>();

  /**
   * Whether one more socket for this user and address stays within the caps (undefined) or which
   * cap it would exceed. Checked at the upgrade (HTTP 429) and again when the socket opens.
   */
  admit(identity: { userId: string; address?: string }): CapExceeded | undefined {
    const { maxSocketsPerUser, maxSocketsPerAddress } = this.options;
    if (
      maxSocketsPerUser !== undefined &&
      (this.socketsByUser.get(identity.userId) ?? 0) >= maxSocketsPerUser
    )
      return 'user';
    if (
      maxSocketsPerAddress !== undefined &&
      identity.address !== undefined &&
      (this.socketsByAddress.get(identity.address) ?? 0) >= maxSocketsPerAddress
    )
      return 'address';
    return undefined;
  }

  private count(connection: Connection, delta: 1 | -1): void {
    const bump = (map: Map<string, number>, key: string | undefined) => {
      if (key === undefined) return;
      const next = (map.get(key) ?? 0) + delta;
      if (next <= 0) map.delete(key);
      else map.set(key, next);
    };
    bump(this.socketsByUser, connection.identity?.userId);
    bump(this.socketsByAddress, connection.identity?.address);
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
    if (sessionIds.length === 0) return;
    const ended = new Set(sessionIds);
    for (const connection of [...this.connections()]) {
      if (connection.identity && ended.has(connection.identity.sessionId)) {
        connection.close(CloseCode.unauthenticated, reason);
      }
    }
  }

  /**
   * Re-applies a user's access to their open sockets after a membership change: removed → closed
   * for good (4403); write access gained or lost → closed with 4500, and the client reconnects at
   * once to a socket with the new access (no frame is processed with the old one meanwhile).
   */
  refreshAccess(userId: string): void {
    const access = this.options.access;
    if (!access) return;
    for (const connection of [...this.connections()]) {
      if (connection.identity?.userId !== userId) continue;
      const { canRead, canWrite } = access(userId, connection.docId);
      if (!canRead) connection.close(CloseCode.forbidden, 'geen toegang meer');
      else if (canWrite !== connection.canWrite)
        connection.close(CloseCode.accessChanged, 'toegang gewijzigd');
    }
  }

  private lastSessionSweep = Date.now();

  private sweepSessions(): void {
    const { isSessionLive, touchSession } = this.options;
    const since = this.lastSessionSweep;
    this.lastSessionSweep = Date.now();
    for (const connection of [...this.connections()]) {
      if (!connection.identity) continue;
      if (isSessionLive && !isSessionLive(connection.identity.sessionId)) {
        connection.close(CloseCode.unauthenticated, 'sessie verlopen');
      } else if (touchSession && connection.lastFrameAt >= since) {
        // Typing over the socket is activity too: without this, someone who only edits would
        // hit the inactivity timeout while working.
        touchSession(connection.identity.sessionId);
      }
    }
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
    this.count(connection, 1);
    return room;
  }

  /** Removes a connection; unloads the room when it was the last one. */
  leave(connection: Connection): void {
    const room = this.rooms.get(connection.docId);
    if (!room) return;
    if (room.connections.has(connection)) this.count(connection, -1);
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
        this.persistForUnload(room);
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

  /** Compaction and the document row's update in one transaction: one fsync, not one each. */
  private persistForUnload(room: Room): void {
    this.storage.transaction(() => {
      if (room.logCount > 0) this.compact(room);
      this.flushRoomMeta(room);
    });
  }

  /**
   * Applies a committed batch: one Yjs transaction per room, so each room's doc emits one merged
   * update — encoded once and sent once to each socket — however many updates the batch held for
   * it (fan-out per commit, not per update). A sender is skipped only when it sent everything in
   * its room's batch; otherwise everyone receives the merged update (re-receiving one's own change
   * is a no-op in Yjs).
   */
  private onCommitted(batch: PendingWrite[], logIds: number[]): void {
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
        for (const index of indexes) this.applyOne(room, batch[index]!, logIds[index] ?? 0, acks);
      }, origin);
      if (room.logCount >= this.options.compactEvery) this.scheduleCompaction(room);
    }
    for (const [connection, { room, count }] of acks) room.acknowledge(connection, count);
  }

  private applyOne(
    room: Room,
    write: PendingWrite,
    logId: number,
    acks: Map<Connection, { room: Room; count: number }>,
  ): void {
    try {
      room.applyCommitted(write.update, write.origin, logId);
    } catch (error) {
      // Validation should make this unreachable; if not, keep the row aside rather than replaying
      // it on every load, never ack it, and drop the sender (it re-syncs what it really has).
      const reason = error instanceof Error ? error.message : String(error);
      log.error('committed update could not be applied; quarantined', {
        docId: write.docId,
        logId,
        reason,
      });
      if (logId > 0) this.storage.quarantine(logId, reason);
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
        this.compact(room);
      } catch (error) {
        log.error('compaction failed', { docId: room.docId, error: String(error) });
      }
    });
  }

  /**
   * Replaces the log with one state row. The room's doc holds exactly the committed rows up to
   * lastLogId (updates are applied right after their commit), so encoding it is the merged state —
   * far cheaper than merging the rows.
   */
  private compact(room: Room): void {
    const started = performance.now();
    const state = Y.encodeStateAsUpdate(room.doc);
    const stateVector = Y.encodeStateVector(room.doc);
    this.storage.compact(room.docId, state, stateVector, room.lastLogId);
    log.debug('compacted', {
      docId: room.docId,
      rows: room.logCount,
      bytes: state.length,
      ms: Math.round(performance.now() - started),
    });
    room.logCount = 0;
  }

  private flushMeta(): void {
    // One transaction for all rooms: each autocommitted row update is its own fsync on the event
    // loop (synchronous=FULL), which with a few hundred active documents stalled relaying for
    // hundreds of ms every metaFlushMs (see docs/benchmarks.md, Findings).
    const flushed: Room[] = [];
    try {
      this.storage.transaction(() => {
        for (const room of this.rooms.values()) {
          try {
            if (room.dirtyMeta) flushed.push(room);
            this.flushRoomMeta(room);
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

  private flushRoomMeta(room: Room): void {
    if (!room.dirtyMeta) return;
    room.dirtyMeta = false;
    const title = room.title?.trim().slice(0, 200);
    if (title && title !== room.persistedTitle) {
      this.documents.rename(room.docId, title);
      room.persistedTitle = title;
    } else {
      this.documents.touch(room.docId);
    }
  }

  /** Commits pending writes, compacts and unloads everything, closing sockets (shutdown). */
  close(): void {
    clearInterval(this.metaTimer);
    clearInterval(this.sessionTimer);
    clearInterval(this.heartbeatTimer);
    const committed = this.writer.close();
    if (!committed) log.error('shutdown with uncommitted updates; clients still hold them');
    const rooms = [...this.rooms.values()];
    for (const room of rooms) room.closeAll(CloseCode.goingAway, 'server shutting down');
    // Every room's compaction and row update in one transaction: one fsync at shutdown instead of
    // two per loaded document (2,000 documents: ~1.3 s of fsyncs here, far more on a slow disk,
    // where a container's stop timeout would cut the shutdown short). If it fails (a full disk can
    // roll back the whole transaction), nothing of it was written: the rooms' bookkeeping is put
    // back and each room tries on its own, as before.
    const before = rooms.map((room) => ({
      logCount: room.logCount,
      dirtyMeta: room.dirtyMeta,
      persistedTitle: room.persistedTitle,
    }));
    let persisted = false;
    try {
      this.storage.transaction(() => {
        for (const room of rooms) this.persistForUnload(room);
      });
      persisted = true;
    } catch (error) {
      log.error('compaction at shutdown failed; trying each document on its own', { error: String(error) });
      rooms.forEach((room, index) => Object.assign(room, before[index]));
    }
    for (const room of rooms) this.unload(room, !persisted);
  }
}
