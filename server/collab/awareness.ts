import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Connection } from './connection';
import type { UpdateRate } from './updateRate';

/** Bounds on what one socket may announce as presence. */
export interface AwarenessLimits {
  /** Largest JSON state of one client id. */
  maxStateBytes: number;
  /** Client ids one socket may control; updates for further ids are dropped. */
  maxIdsPerSocket: number;
  /**
   * Presence frames per socket (token bucket). Each is relayed to every socket of the room, so a
   * reader could otherwise make the server send without bound. Frames over it are dropped, not
   * the socket: a caret dragged at a 144 Hz display's rate loses intermediate positions only, and
   * the client repeats its state every 15 s.
   */
  rate: UpdateRate;
}

export const DEFAULT_AWARENESS_LIMITS: AwarenessLimits = {
  maxStateBytes: 16 * 1024,
  maxIdsPerSocket: 4,
  rate: { perSecond: 60, burst: 240 },
};

/** An awareness state over AwarenessLimits.maxStateBytes (the socket is closed with 1009). */
export class AwarenessTooBig extends Error {
  constructor() {
    super('awareness state too big');
  }
}

/**
 * Rewrites an awareness update from `connection` before it is applied: entries for client ids
 * that another socket of the room controls are dropped (no impersonating someone's caret), and the
 * `user` field (name, colour) comes from the session, never from the client.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  connection: Connection,
  isOwnedByOther: (clientId: number) => boolean,
  limits: AwarenessLimits = DEFAULT_AWARENESS_LIMITS,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  const newIds = new Set<number>();
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (isOwnedByOther(clientId)) continue;
    if (raw.length > limits.maxStateBytes) throw new AwarenessTooBig();
    // One tab announces one id; a socket inventing more would fill everyone's presence list.
    if (!connection.awarenessIds.has(clientId)) {
      if (connection.awarenessIds.size + newIds.size >= limits.maxIdsPerSocket) continue;
      newIds.add(clientId);
    }
    const state: unknown = JSON.parse(raw);
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('awareness state must be an object or null');
    }
    let sanitized = raw;
    if (state !== null && connection.identity) {
      const { name, color, userId } = connection.identity;
      sanitized = JSON.stringify({ ...state, user: { name, color, id: userId } });
    }
    entries.push({ clientId, clock, state: sanitized });
  }
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}
