import { CloseCode, type Connection } from './connection';

/** How the heartbeat judges a socket. */
export interface HeartbeatOptions {
  /** How often sockets are pinged; one that misses a ping is dropped. */
  heartbeatMs: number;
  /** A socket silent for this long is closed (undefined: never). */
  socketIdleMs?: number;
}

/**
 * Pings every socket; one that did not answer the previous ping is dropped. A sleeping laptop or
 * a lost network leaves a half-open TCP connection that would otherwise keep its presence (and
 * its room) forever. Also closes sockets that are idle or wait too long for missing content.
 */
export function heartbeat(connections: Iterable<Connection>, options: HeartbeatOptions): void {
  const now = Date.now();
  const idleBefore = now - (options.socketIdleMs ?? Number.POSITIVE_INFINITY);
  for (const connection of [...connections]) {
    if (connection.lastFrameAt < idleBefore) {
      // Pongs come from the socket library, not the app: an abandoned or hostile socket answers
      // pings forever while keeping its document in memory.
      connection.close(CloseCode.goingAway, 'inactief');
      continue;
    }
    const held = connection.held[0];
    if (held && held.since < now - options.heartbeatMs) {
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
}
