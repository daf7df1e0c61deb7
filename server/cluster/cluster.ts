import { randomBytes } from 'node:crypto';
import os from 'node:os';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Redis } from 'ioredis';
import type { LogRow } from '../collab/appliedSeqs';
import type { ClusterLink } from '../collab/clusterLink';
import { FROM_ANOTHER_INSTANCE, type Room } from '../collab/room';
import type { RoomRegistry } from '../collab/rooms';
import { emitRoundChangeHere, relayRoundChanges } from '../commands/roundEvents';
import { log } from '../log';
import {
  decodeDocMessage,
  encodeAwareness,
  encodeAwarenessQuery,
  encodeRows,
  type ControlMessage,
} from './messages';
import { RemotePresence } from './presence';
import { connectRedis, isReady } from './redis';

const PREFIX = 'werkplaats:';
const CONTROL = `${PREFIX}control`;
const docChannel = (docId: string) => `${PREFIX}doc:${docId}`;
const instanceKey = (id: string) => `${PREFIX}instance:${id}`;
/** An instance renews its key this often; others consider it gone once the key expired. */
const HEARTBEAT_MS = 1_000;
const HEARTBEAT_TTL_MS = 5_000;
/** A subscription Redis does not confirm in time does not hold a document's load up. */
const SUBSCRIBE_WAIT_MS = 1_000;

/** A loaded room as the cluster sees it. */
interface SharedRoom {
  room: Room;
  presence: RemotePresence;
  stopListening: () => void;
}

/**
 * This instance's membership of the cluster (REDIS_URL): PostgreSQL is the ordered log, Redis only
 * rings the bell. After a commit the registry applies, relays and acks, then `committed` announces
 * the rows on the document's channel; other instances holding the document apply them in seq order
 * and read anything missing from the log (see LogCatchUp). Presence, ended sessions, access changes
 * and feedback changes travel the same way. Nothing here is needed for correctness of the log: with
 * Redis down, instances keep serving and catch up through the database's head check.
 */
export class Cluster implements ClusterLink {
  readonly id = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly pub: Redis;
  private readonly sub: Redis;
  private registry: RoomRegistry | undefined;
  private readonly watched = new Map<string, number>();
  private readonly rooms = new Map<string, SharedRoom>();
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(url: string) {
    this.pub = connectRedis(url, 'publish');
    this.sub = connectRedis(url, 'subscribe');
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel.toString(), message),
    );
    this.sub.on('ready', () => void this.resume());
    relayRoundChanges((docId, change) => this.control({ from: this.id, type: 'round', docId, change }));
    const every = (ms: number, tick: () => void) => {
      const timer = setInterval(tick, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(HEARTBEAT_MS, () => {
      this.pub.set(instanceKey(this.id), '1', 'PX', HEARTBEAT_TTL_MS).catch(() => {});
      void this.dropGoneInstances();
    });
  }

  /** Starts delivering what other instances say to `registry`. */
  attach(registry: RoomRegistry): void {
    this.registry = registry;
  }

  /** A connection in normal (not subscriber) mode, for other shared state (the login limits). */
  get redis(): Redis {
    return this.pub;
  }

  /** Whether the bell works now (/api/ready reports it). */
  get healthy(): boolean {
    return isReady(this.pub) && isReady(this.sub);
  }

  async watch(docId: string): Promise<void> {
    const count = this.watched.get(docId) ?? 0;
    this.watched.set(docId, count + 1);
    if (count > 0 || !isReady(this.sub)) return;
    await Promise.race([
      this.sub.subscribe(docChannel(docId)).catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref()),
    ]);
  }

  opened(room: Room): void {
    const presence = new RemotePresence(room);
    const listener = (
      changes: { added: number[]; updated: number[]; removed: number[] },
      origin: unknown,
    ) => {
      // Not what others said, nor y-protocols' own expiry of others' people after 30 s without
      // renewal: announced, that expiry would remove the living states where they are owned.
      if (origin === FROM_ANOTHER_INSTANCE || origin === 'timeout') return;
      const changed = changes.added.concat(changes.updated, changes.removed);
      const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, changed);
      this.publish(room.docId, encodeAwareness(this.id, update));
    };
    room.awareness.on('update', listener);
    this.rooms.set(room.docId, {
      room,
      presence,
      stopListening: () => room.awareness.off('update', listener),
    });
    this.publish(room.docId, encodeAwarenessQuery(this.id));
  }

  unwatch(docId: string): void {
    const count = (this.watched.get(docId) ?? 1) - 1;
    if (count > 0) {
      this.watched.set(docId, count);
      return;
    }
    this.watched.delete(docId);
    if (isReady(this.sub)) this.sub.unsubscribe(docChannel(docId)).catch(() => {});
  }

  closed(room: Room): void {
    const shared = this.rooms.get(room.docId);
    if (shared?.room !== room) return;
    shared.stopListening();
    this.rooms.delete(room.docId);
  }

  committed(docId: string, rows: ReadonlyArray<Required<LogRow>>): void {
    this.publish(docId, encodeRows(this.id, rows));
  }

  sessionsClosed(sessionIds: readonly string[], reason: string): void {
    this.control({ from: this.id, type: 'sessions', sessionIds: [...sessionIds], reason });
  }

  accessChanged(userId: string, teamId: string | undefined): void {
    this.control({ from: this.id, type: 'access', userId, ...(teamId ? { teamId } : {}) });
  }

  /** Leaves the cluster (after the registry closed): others drop this instance's presence at once. */
  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    relayRoundChanges(undefined);
    if (isReady(this.pub)) {
      await Promise.allSettled([
        this.pub.publish(CONTROL, JSON.stringify({ from: this.id, type: 'bye' } satisfies ControlMessage)),
        this.pub.del(instanceKey(this.id)),
      ]);
    }
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private publish(docId: string, message: Uint8Array): void {
    if (!isReady(this.pub)) return;
    this.pub.publish(docChannel(docId), Buffer.from(message)).catch(() => {});
  }

  private control(message: ControlMessage): void {
    if (!isReady(this.pub)) return;
    this.pub.publish(CONTROL, JSON.stringify(message)).catch(() => {});
  }

  /** After (re)connecting: subscribe again, catch up on what the bell missed, exchange presence. */
  private async resume(): Promise<void> {
    try {
      await this.sub.subscribe(CONTROL, ...[...this.watched.keys()].map(docChannel));
    } catch (error) {
      log.warn('could not subscribe to the cluster channels', { error: String(error) });
    }
    await this.registry?.checkHeads();
    for (const { room, presence } of this.rooms.values()) {
      this.publish(room.docId, encodeAwarenessQuery(this.id));
      const local = presence.local();
      if (local) this.publish(room.docId, encodeAwareness(this.id, local));
    }
  }

  private receive(channel: string, message: Buffer): void {
    try {
      if (channel === CONTROL) this.receiveControl(JSON.parse(message.toString()) as ControlMessage);
      else if (channel.startsWith(`${PREFIX}doc:`))
        this.receiveDoc(channel.slice(PREFIX.length + 4), message);
    } catch (error) {
      log.warn('ignored a cluster message that does not decode', { channel, error: String(error) });
    }
  }

  private receiveDoc(docId: string, data: Uint8Array): void {
    const message = decodeDocMessage(data);
    if (message.from === this.id) return;
    if (message.kind === 'rows') {
      this.registry?.receiveRows(docId, message.rows);
      return;
    }
    const shared = this.rooms.get(docId);
    if (!shared) return;
    if (message.kind === 'awareness') {
      shared.presence.apply(message.from, message.update);
    } else {
      const local = shared.presence.local();
      if (local) this.publish(docId, encodeAwareness(this.id, local));
    }
  }

  private receiveControl(message: ControlMessage): void {
    if (message.from === this.id) return;
    switch (message.type) {
      case 'sessions':
        this.registry?.closeSessionsHere(message.sessionIds, message.reason);
        return;
      case 'access':
        this.registry?.refreshAccessHere(message.userId, message.teamId).catch((error: unknown) => {
          log.warn('could not apply an access change from another instance', { error: String(error) });
        });
        return;
      case 'round':
        emitRoundChangeHere(message.docId, message.change);
        return;
      case 'bye':
        for (const { presence } of this.rooms.values()) presence.drop(message.from);
    }
  }

  /** Removes the presence of instances whose heartbeat key expired (killed, cut off). */
  private async dropGoneInstances(): Promise<void> {
    const instances = new Set<string>();
    for (const { presence } of this.rooms.values()) for (const id of presence.instances()) instances.add(id);
    if (instances.size === 0 || !isReady(this.pub)) return;
    const ids = [...instances];
    let alive: Array<string | null>;
    try {
      alive = await this.pub.mget(ids.map(instanceKey));
    } catch {
      return;
    }
    ids.forEach((id, index) => {
      if (alive[index] !== null) return;
      for (const { presence } of this.rooms.values()) presence.drop(id);
    });
  }
}
