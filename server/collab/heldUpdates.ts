import { CloseCode, type Connection } from './connection';

/** One update a socket holds back (see Connection.held). */
export type HeldUpdate = Connection['held'][number];

/** Why an update could not be held: the socket is closed with this code. */
export interface HoldRefused {
  code: number;
  reason: string;
}

/**
 * A room's updates that build on content the server does not have yet, held per socket until it
 * arrives (normally within milliseconds) — never stored or acked meanwhile. Bounded in count per
 * socket and in bytes per socket and per room, or frames of MAX_FRAME_BYTES each waiting for a base
 * that never comes would be memory one socket could keep.
 */
export class HeldUpdates {
  /** Updates one socket may hold; more closes it (1007). */
  static readonly MAX_PER_SOCKET = 64;
  /** Sockets holding something: a release walks only these, not a 1,000-reader room. */
  private readonly holders = new Set<Connection>();
  /** Bytes held over all sockets of the room. */
  private bytes = 0;

  constructor(private readonly limits: { heldBytesPerSocket: number; heldBytesPerRoom: number }) {}

  /**
   * Holds `update` for `connection`, or answers why it may not (nothing held then). The byte
   * budgets first: an update too large to hold is refused for its size (1009) whatever the socket
   * already holds.
   */
  hold(connection: Connection, update: Omit<HeldUpdate, 'since'>): HoldRefused | undefined {
    const size = update.update.length;
    if (connection.heldBytes + size > this.limits.heldBytesPerSocket) {
      return { code: CloseCode.tooBig, reason: 'held updates over the byte budget of a socket' };
    }
    // 1013, not 1009: this socket is not the one to blame; it reconnects and re-syncs.
    if (this.bytes + size > this.limits.heldBytesPerRoom) {
      return { code: CloseCode.tryAgainLater, reason: 'held updates over the byte budget of the document' };
    }
    if (connection.held.length >= HeldUpdates.MAX_PER_SOCKET) {
      return {
        code: CloseCode.invalidPayload,
        reason: 'too many updates waiting for content the server does not have',
      };
    }
    connection.heldBytes += size;
    this.bytes += size;
    connection.held.push({ ...update, since: Date.now() });
    this.holders.add(connection);
    return undefined;
  }

  /** Hands every held update whose needs are met to `accept` (which may meet others' needs). */
  release(
    isMet: (needs: HeldUpdate['needs']) => boolean,
    accept: (connection: Connection, held: HeldUpdate) => void,
  ): void {
    let progress = this.holders.size > 0;
    while (progress) {
      progress = false;
      for (const connection of this.holders) {
        if (connection.held.length === 0) {
          this.holders.delete(connection);
          continue;
        }
        if (connection.closed) continue;
        for (let index = 0; index < connection.held.length; index++) {
          const held = connection.held[index]!;
          if (!isMet(held.needs)) continue;
          connection.held.splice(index--, 1);
          connection.heldBytes -= held.update.length;
          this.bytes -= held.update.length;
          accept(connection, held);
          progress = true;
        }
      }
    }
  }

  /** Drops what a leaving socket held: never stored or acked, its client re-sends it on re-sync. */
  drop(connection: Connection): void {
    this.bytes -= connection.heldBytes;
    connection.held.length = 0;
    connection.heldBytes = 0;
    this.holders.delete(connection);
  }
}
