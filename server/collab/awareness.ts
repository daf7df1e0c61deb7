import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Connection } from './connection';

/**
 * Rewrites an awareness update from `connection` before it is applied: entries for client ids
 * that another socket of the room controls are dropped (no impersonating someone's caret), and the
 * `user` field (name, colour) comes from the session, never from the client.
 */
export function sanitizeAwarenessUpdate(
  update: Uint8Array,
  connection: Connection,
  isOwnedByOther: (clientId: number) => boolean,
): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const count = decoding.readVarUint(decoder);
  const entries: Array<{ clientId: number; clock: number; state: string }> = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    if (isOwnedByOther(clientId)) continue;
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
