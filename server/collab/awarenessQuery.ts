import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { MessageType } from '../../shared/collab/messages';
import { preframe, type Connection } from './connection';

/**
 * One reply per socket per this many ms. A query answers with every client's presence (thousands of
 * times the one-byte query), and the live awareness updates every socket receives anyway keep a
 * client current after its answer, so a second query in the window is ignored, not answered.
 */
export const QUERY_AWARENESS_INTERVAL_MS = 1000;

interface CachedReply {
  message: Uint8Array;
  framed: Buffer;
}

/** Each room's encoded reply, dropped when its awareness changes (keyed by the Awareness itself). */
const replies = new WeakMap<awarenessProtocol.Awareness, CachedReply | null>();
/** When each socket was last answered. */
const answeredAt = new WeakMap<Connection, number>();

function replyOf(awareness: awarenessProtocol.Awareness): CachedReply {
  let cached = replies.get(awareness);
  if (cached === undefined) {
    // First query in this room: from now on every change (a renewal's clock too) drops the reply.
    awareness.on('update', () => replies.set(awareness, null));
  }
  if (!cached) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(awareness, [...awareness.getStates().keys()]),
    );
    const message = encoding.toUint8Array(encoder);
    cached = { message, framed: preframe(message) };
    replies.set(awareness, cached);
  }
  return cached;
}

/**
 * Answers a query-awareness frame: the room's whole awareness, encoded once per change and shared by
 * every socket that asks; at most one reply per socket per QUERY_AWARENESS_INTERVAL_MS.
 */
export function answerAwarenessQuery(
  awareness: awarenessProtocol.Awareness,
  connection: Connection,
  now = performance.now(),
): void {
  const last = answeredAt.get(connection);
  if (last !== undefined && now - last < QUERY_AWARENESS_INTERVAL_MS) return;
  answeredAt.set(connection, now);
  const { framed, message } = replyOf(awareness);
  connection.sendFramed(framed, message);
}
