import type { CreatedType } from './inspectUpdate';
import type { RateState } from './updateRate';
import type { WebSocket } from 'ws';
import { encodeAccessChangedFrame } from '../../shared/collab/accessChanged';
import { log } from '../log';

/** WebSocket close codes used by the sync server. */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  unsupportedData: 1003,
  invalidPayload: 1007,
  tooBig: 1009,
  internalError: 1011,
  tryAgainLater: 1013,
  /** Session ended (logout, expiry, password change): the client must sign in again. */
  unauthenticated: 4401,
  /** Access to the document was withdrawn. 44xx tells y-websocket not to reconnect. */
  forbidden: 4403,
  /**
   * The update would make the document larger than MAX_DOCUMENT_BYTES. 44xx: y-websocket must not
   * reconnect and send it again; the editor says so in Dutch.
   */
  documentTooLarge: 4413,
  /**
   * The user's write access changed: reconnect (45xx makes y-websocket retry). A fresh socket
   * re-syncs from state vectors and restarts the durable-ack count, so an update dropped while
   * read-only is neither acked nor left blocking later updates of the same client.
   */
  accessChanged: 4500,
} as const;

/** Who is on the other end of a socket, fixed at the upgrade from the session. */
export interface SocketIdentity {
  userId: string;
  sessionId: string;
  name: string;
  color: string;
  /** The peer's network address (per-address socket cap). */
  address?: string;
}

let nextConnectionId = 1;

/**
 * A Set that allocates its table only while it holds something. Every socket has two (updates
 * awaiting commit, awareness ids), but most are empty most of the time: an idle reader's pair of
 * real Sets was ~250 bytes (~1 MB per 4,000 sockets).
 */
export class LazySet<T> implements Iterable<T> {
  private set: Set<T> | undefined;

  get size(): number {
    return this.set?.size ?? 0;
  }

  has(value: T): boolean {
    return this.set?.has(value) ?? false;
  }

  add(value: T): this {
    (this.set ??= new Set()).add(value);
    return this;
  }

  delete(value: T): boolean {
    const set = this.set;
    if (!set?.delete(value)) return false;
    if (set.size === 0) this.set = undefined;
    return true;
  }

  [Symbol.iterator](): Iterator<T> {
    return (this.set ?? EMPTY).values() as Iterator<T>;
  }
}

const EMPTY: ReadonlySet<never> = new Set<never>();

/** The parts of ws 8's WebSocket that sendFramed relies on (checked by tests/server/collab/broadcast.test.ts). */
interface WsInternals {
  _sender?: { _state?: number; _queue?: unknown[] };
  _socket?: { destroyed: boolean; write(data: Buffer): boolean };
}

/**
 * Wraps a binary message in one unmasked, final WebSocket frame (RFC 6455 §5.2), once per broadcast:
 * what ws's Sender.frame would build for every socket. Server frames are never masked and
 * permessage-deflate is off, so the bytes are the same for every receiver.
 */
export function preframe(message: Uint8Array): Buffer {
  const length = message.length;
  const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const framed = Buffer.allocUnsafe(headerLength + length);
  framed[0] = 0x82; // FIN + binary
  if (length < 126) {
    framed[1] = length;
  } else if (length < 65536) {
    framed[1] = 126;
    framed.writeUInt16BE(length, 2);
  } else {
    framed[1] = 127;
    framed.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    framed.writeUInt32BE(length >>> 0, 6);
  }
  framed.set(message, headerLength);
  return framed;
}

const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
const ACCESS_CHANGED_FRAME = encodeAccessChangedFrame();

/** What the upgrade decided about a socket (see route.ts). */
export interface ConnectionOptions {
  durableAcks?: boolean;
  accessChanges?: boolean;
  identity?: SocketIdentity;
  canWrite?: boolean;
}

/** One client socket in a room. */
export class Connection {
  readonly id = nextConnectionId++;
  /** Document-update frames received on this socket (the durable-ack counter). */
  receivedUpdates = 0;
  /** Highest count acknowledged to the client. */
  ackedUpdates = 0;
  /** Highest frame count of this socket's updates that has been committed. */
  committedCount = 0;
  /** Frame counts of this socket's updates that are held or queued, not yet committed. */
  readonly outstanding = new LazySet<number>();
  /**
   * Updates that need content the server does not have yet (see hasMissingDependencies): held,
   * not stored, until that content arrives (usually within milliseconds, e.g. an edit typed during
   * the sync handshake, or one that builds on another tab's edit received over BroadcastChannel).
   */
  readonly held: Array<{
    update: Uint8Array;
    /** Clocks it reaches (inspectUpdate's `to`). */
    to: Map<number, number>;
    count: number;
    needs: Map<number, number>;
    /** Shared types it creates (inspectUpdate), checked against the document when released. */
    types: CreatedType[] | undefined;
    since: number;
  }> = [];
  /** Update rate bucket (see takeUpdateToken). */
  tokens = Number.NaN;
  tokensAt = 0;
  /** Presence frame rate bucket (AwarenessLimits.rate); made on the first presence frame. */
  presenceRate: RateState | undefined;
  /** Bytes of the updates in `held` (bounded by UpdateLimits.heldBytesPerSocket). */
  heldBytes = 0;
  /** Awareness client ids this socket controls; removed for everyone when it closes. */
  readonly awarenessIds = new LazySet<number>();
  closed = false;

  /** The durable-ack this socket may get now: every frame up to it is committed. */
  get ackable(): number {
    let ackable = this.committedCount;
    for (const count of this.outstanding) if (count <= ackable) ackable = count - 1;
    return ackable;
  }
  /** Document updates from this socket queued for a commit that has not happened yet. */
  pendingUpdates = 0;
  /** Limit on pendingUpdates (set by the RoomRegistry); beyond it the socket is closed with 1013. */
  maxPendingUpdates = Number.POSITIVE_INFINITY;

  /** The client asked for durable-acks (`?durable=1`). */
  readonly wantsDurableAcks: boolean;
  /** The client asked for access-changed messages (`?access=1`). */
  readonly wantsAccessChanges: boolean;
  /** The signed-in user behind the socket (undefined only in low-level tests). */
  readonly identity: SocketIdentity | undefined;
  /** Document updates from a read-only socket are dropped: never applied, stored or relayed. */
  canWrite: boolean;

  constructor(
    readonly socket: WebSocket,
    readonly docId: string,
    options: ConnectionOptions = {},
  ) {
    this.wantsDurableAcks = options.durableAcks ?? false;
    this.wantsAccessChanges = options.accessChanges ?? false;
    this.identity = options.identity;
    this.canWrite = options.canWrite ?? true;
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /** Answered the last ping (see RoomRegistry's heartbeat). */
  alive = true;
  /** When the client last sent a frame (keeps its session alive while it only types). */
  lastFrameAt = Date.now();

  /** Sends a frame if the socket is still open; drops a reader that cannot keep up. */
  send(frame: Uint8Array): void {
    // No completion callback: a failed write errors the socket, which closes it (and leaves its
    // room) anyway, and a closure per frame per socket was a quarter of the fan-out's send cost.
    if (this.writable()) this.socket.send(frame);
  }

  /**
   * Sends a broadcast frame that `preframe` already wrapped for the wire: one write of one buffer,
   * built once for all sockets, instead of ws framing it again for every socket. Falls back to a
   * normal send whenever ws has anything of its own queued (ordering) — see preframe.
   */
  sendFramed(framed: Buffer, frame: Uint8Array): void {
    if (!this.writable()) return;
    const { _sender: sender, _socket: raw } = this.socket as unknown as WsInternals;
    if (sender?._state === 0 && sender._queue?.length === 0 && raw && !raw.destroyed) raw.write(framed);
    else this.socket.send(frame);
  }

  private writable(): boolean {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return false;
    // A client that stopped reading would make us buffer every update for it without bound.
    // It loses nothing by being closed: on reconnect, sync step 1/2 sends what it missed.
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.tryAgainLater, 'client is not reading fast enough');
      return false;
    }
    return true;
  }

  /** Tells the client its access to the document may have changed, if it asked to be told. */
  notifyAccessChanged(): void {
    if (this.wantsAccessChanges) this.send(ACCESS_CHANGED_FRAME);
  }

  /** Closes this socket only, logging why. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (code !== CloseCode.normal && code !== CloseCode.goingAway) {
      log.warn('closing collab socket', { docId: this.docId, connection: this.id, code, reason });
    }
    try {
      this.socket.close(code, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
    }
  }
}
