import type { DocStorage } from '../stores/docStorage';
import { log } from '../log';
import { AccessGuard, type AccessGuardOptions } from './accessGuard';
import type { AwarenessLimits } from './awareness';
import type { UpdateLimits } from './updateLimits';
import { applyCommittedBatch } from './committedBatch';
import { CloseCode, type Connection } from './connection';
import { heartbeat } from './heartbeat';
import { RoomLoader } from './roomLoader';
import type { Room } from './room';
import { persistRooms } from './roomPersistence';
import { RoomUpkeep } from './roomUpkeep';
import { SocketCaps, type CapExceeded, type CapIdentity } from './socketCaps';
import { UpdateWriter, type Committer, type PendingWrite } from './writer';
import type { LogRow } from './appliedSeqs';
import { ALONE, announceBatch, type ClusterLink } from './clusterLink';
import { LogCatchUp } from './logCatchUp';
import type { CollabMetrics } from '../metrics/commitPath';

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
  /** Budgets for document updates per socket and room. */
  updates?: UpdateLimits;
  /** Where group commits run: the storage's engine, on the event loop, a worker thread or the network. */
  committer: Committer;
  /** Told about every committed batch, compaction and row refresh (server/metrics). */
  metrics?: CollabMetrics;
  /** The other instances on the same database (ALONE when absent). */
  link?: ClusterLink;
  /**
   * How often loaded documents are compared with their stored head, in ms (0: never). Catches rows
   * other instances committed that nobody announced; only useful where instances share a database.
   */
  headCheckMs?: number;
  /** Told who committed an edit to which document through a socket here (automatic versions). */
  onEdit?: (docId: string, userId: string) => void;
}

/** Told what closes sockets, so that streams which are not sockets (SSE) can follow (see follow()). */
export interface AccessFollower {
  /** Sessions ended, here or on another instance. */
  sessionsClosed(sessionIds: readonly string[], reason: string): void;
  /** A user's access changed, here or on another instance. */
  accessChanged(userId: string, teamId: string | undefined): Promise<void>;
}

/**
 * Loads a document on its first connection, keeps it while anyone is connected, and unloads it
 * after the last one leaves — once its writes are committed and its log compacted.
 */
export class RoomRegistry {
  readonly writer: UpdateWriter;
  private readonly loader: RoomLoader;
  private readonly catchUp: LogCatchUp;
  private readonly link: ClusterLink;
  private readonly caps: SocketCaps;
  private readonly guard: AccessGuard;
  private readonly timers: NodeJS.Timeout[];
  private readonly upkeep: RoomUpkeep;
  /** Sockets whose document is still loading (see join). */
  private readonly joining = new Set<Connection>();
  private readonly followers = new Set<AccessFollower>();
  private closing = false;

  constructor(
    private readonly storage: DocStorage,
    private readonly options: RoomRegistryOptions,
  ) {
    this.writer = new UpdateWriter(
      options.committer,
      (batch, seqs) => this.onCommitted(batch, seqs),
      options.metrics?.batchCommitted,
    );
    this.link = options.link ?? ALONE;
    this.catchUp = new LogCatchUp(storage, (docId) => this.loader.peek(docId));
    this.loader = new RoomLoader(storage, this.writer, {
      awareness: options.awareness,
      updates: options.updates,
      link: this.link,
      loaded: (room, remote) => {
        const onEdit = options.onEdit;
        if (onEdit) room.onEdit = (userId) => onEdit(room.docId, userId);
        this.catchUp.receive(room, remote);
      },
    });
    this.upkeep = new RoomUpkeep(storage, this.loader, options.metrics);
    this.caps = new SocketCaps(options);
    this.guard = new AccessGuard(() => this.connections(), options);
    const heartbeatMs = options.heartbeatMs ?? 30_000;
    const every = (ms: number, tick: () => void) => {
      const timer = setInterval(tick, ms);
      timer.unref();
      return timer;
    };
    this.timers = [
      every(options.metaFlushMs ?? 2_000, () => void this.upkeep.flushMeta()),
      every(options.sessionSweepMs ?? 30_000, () => void this.sweepSessions()),
      every(heartbeatMs, () => {
        heartbeat(this.connections(), { heartbeatMs, socketIdleMs: options.socketIdleMs });
        this.evictIdleRooms();
      }),
    ];
    if (options.headCheckMs) this.timers.push(every(options.headCheckMs, () => void this.checkHeads()));
  }

  /**
   * Unloads rooms nobody is connected to. Normally the last leave() does that; this catches a room
   * whose unload had to wait (storage failing while the last socket left) or that was never joined.
   */
  evictIdleRooms(): void {
    if (this.writer.pending > 0 || this.closing) return;
    for (const room of [...this.loader.rooms()]) {
      if (room.connections.size === 0) void this.loader.unload(room);
    }
  }

  /**
   * Whether one more socket for this user and address stays within the caps (undefined) or which
   * cap it would exceed. Checked at the upgrade (HTTP 429) and again when the socket opens.
   */
  admit(identity: CapIdentity): CapExceeded | undefined {
    return this.caps.admit(identity);
  }

  /**
   * Counts a stream that is not a socket (an SSE stream) in the same caps, checked and counted in
   * one step: the cap it would exceed (then it is not counted), or the function that counts it out.
   */
  hold(identity: CapIdentity): CapExceeded | (() => void) {
    return this.caps.hold(identity);
  }

  /** Also tells `follower` whatever closes or re-checks sockets (closeSessions, refreshAccess). */
  follow(follower: AccessFollower): void {
    this.followers.add(follower);
  }

  /** Every open connection, those whose document is still loading included. */
  *connections(): Iterable<Connection> {
    yield* this.joining;
    for (const room of this.loader.rooms()) yield* room.connections;
  }

  /**
   * Writes a change made by the server itself (e.g. sections added by a template upgrade) through
   * the same path as a client's: committed first, then applied and relayed to everyone editing.
   */
  applyServerUpdate(docId: string, update: Uint8Array): Promise<void> {
    this.writer.enqueue({ docId, update, origin: null, ackCount: 0 });
    return this.writer.whenIdle();
  }

  /**
   * Closes the sockets of these sessions at once (logout, password change, account deletion), on
   * every instance.
   */
  closeSessions(sessionIds: readonly string[], reason: string): void {
    this.closeSessionsHere(sessionIds, reason);
    this.link.sessionsClosed(sessionIds, reason);
  }

  /** closeSessions for this instance only (what another instance announced). */
  closeSessionsHere(sessionIds: readonly string[], reason: string): void {
    this.guard.closeSessions(sessionIds, reason);
    for (const follower of this.followers) follower.sessionsClosed(sessionIds, reason);
  }

  /**
   * Applies a change of a user's access to their open sockets at once (see AccessGuard), on every
   * instance: `teamId` for a membership change in that team, none when documents of any team may be
   * concerned.
   */
  async refreshAccess(userId: string, teamId?: string): Promise<void> {
    this.link.accessChanged(userId, teamId);
    return await this.refreshAccessHere(userId, teamId);
  }

  /** refreshAccess for this instance only (what another instance announced). */
  async refreshAccessHere(userId: string, teamId?: string): Promise<void> {
    await Promise.all([
      this.guard.refreshAccess(userId, teamId),
      ...[...this.followers].map((follower) => follower.accessChanged(userId, teamId)),
    ]);
  }

  /** Rows another instance committed for a document (announced over the cluster's bell). */
  receiveRows(docId: string, rows: readonly LogRow[]): void {
    const room = this.loader.peek(docId);
    if (room) this.catchUp.receive(room, rows);
    else this.loader.committedElsewhileLoading(docId, rows);
  }

  /** Compares every loaded room with its stored head now (also after the bell reconnects). */
  async checkHeads(): Promise<void> {
    try {
      await this.catchUp.checkHeads(this.loader.rooms());
    } catch (error) {
      log.warn('could not read the heads of loaded documents', { error: String(error) });
    }
  }

  /** Number of loaded documents. */
  get size(): number {
    return this.loader.size;
  }

  /** The loaded room, if any (tests and diagnostics). */
  peek(docId: string): Room | undefined {
    return this.loader.peek(docId);
  }

  /**
   * Adds a connection to its document's room, loading the document first if needed (once, however
   * many sockets ask at the same time). Resolves with undefined when the socket left meanwhile;
   * rejects when the document could not be loaded.
   */
  async join(connection: Connection): Promise<Room | undefined> {
    if (this.options.maxPendingUpdatesPerSocket !== undefined) {
      connection.maxPendingUpdates = this.options.maxPendingUpdatesPerSocket;
    }
    this.joining.add(connection);
    this.caps.count(connection.identity, 1);
    let room: Room | undefined;
    // Again if the room began to unload before this continuation ran: then a fresh one loads.
    while (
      room === undefined ||
      (this.loader.peek(connection.docId) !== room && this.joining.has(connection))
    ) {
      try {
        room = await this.loader.room(connection.docId);
      } catch (error) {
        if (this.joining.delete(connection)) this.caps.count(connection.identity, -1);
        throw error;
      }
    }
    if (!this.joining.delete(connection)) {
      // Left while the document loaded (leave() already counted it out).
      if (room.connections.size === 0) void this.unloadWhenIdle(room);
      return undefined;
    }
    if (this.closing) {
      this.caps.count(connection.identity, -1);
      connection.close(CloseCode.goingAway, 'server shutting down');
      return undefined;
    }
    room.join(connection);
    if (room.logCount >= this.options.compactEvery) this.upkeep.scheduleCompaction(room);
    return room;
  }

  /** Removes a connection; unloads the room when it was the last one. */
  leave(connection: Connection): void {
    if (this.joining.delete(connection)) {
      this.caps.count(connection.identity, -1);
      return;
    }
    const room = this.loader.peek(connection.docId);
    if (!room?.connections.has(connection)) return;
    this.caps.count(connection.identity, -1);
    room.leave(connection);
    if (room.connections.size === 0) void this.unloadWhenIdle(room);
  }

  private async unloadWhenIdle(room: Room): Promise<void> {
    await this.writer.whenIdle();
    // Someone may have joined while the writes were being flushed; shutdown persists every room.
    if (room.connections.size > 0 || this.loader.peek(room.docId) !== room || this.closing) return;
    await this.loader.unload(room);
  }

  private onCommitted(batch: PendingWrite[], seqs: number[]): void {
    const rooms = applyCommittedBatch(
      batch,
      seqs,
      (docId) => this.loader.peek(docId),
      (write, seq) => this.loader.committedWhileUnloaded(write, seq),
      (docId, seq, reason) => void this.quarantine(docId, seq, reason),
    );
    for (const room of rooms) {
      if (room.logCount >= this.options.compactEvery) this.upkeep.scheduleCompaction(room);
      // Another instance committed rows of this document before ours: they should be announced soon.
      if (room.seqs.missing) this.catchUp.check(room);
    }
    announceBatch(this.link, batch, seqs);
  }

  private async quarantine(docId: string, seq: number, reason: string): Promise<void> {
    try {
      await this.storage.quarantine(docId, seq, reason);
    } catch (error) {
      log.error('could not quarantine a committed update', { docId, seq, error: String(error) });
    }
  }

  /** Closes sockets of ended sessions; a database that does not answer now is asked next time. */
  private async sweepSessions(): Promise<void> {
    try {
      await this.guard.sweepSessions();
    } catch (error) {
      log.warn('could not check the sessions of open sockets', { error: String(error) });
    }
  }

  /**
   * Shutdown: commits pending writes (acking them), closes every socket, then compacts and unloads
   * every room in one transaction — one fsync instead of two per loaded document (2,000 documents:
   * ~1.3 s of fsyncs on SQLite here, far more on a slow disk, where a container's stop timeout
   * would cut the shutdown short). If that fails (a full disk can roll back the whole transaction),
   * each room tries on its own.
   */
  async close(): Promise<void> {
    this.closing = true;
    for (const timer of this.timers) clearInterval(timer);
    this.catchUp.close();
    const committed = await this.writer.close();
    if (!committed) log.error('shutdown with uncommitted updates; clients still hold them');
    for (const connection of this.connections())
      connection.close(CloseCode.goingAway, 'server shutting down');
    const rooms = await this.loader.settle();
    try {
      await persistRooms(this.storage, rooms, { compact: true, meta: true });
    } catch (error) {
      log.error('compaction at shutdown failed; trying each document on its own', { error: String(error) });
    }
    for (const room of rooms) await this.loader.unload(room);
  }
}
