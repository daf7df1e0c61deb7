import * as encoding from 'lib0/encoding';
import { MessageType } from './messages';

/*
 * The access-changed message, `[5]`, tells a socket's user that their access to its document may
 * have changed (a role change, an invite accepted, a lifecycle move) while the socket stays open.
 * It carries nothing: the client asks GET /api/documents/:id, so what the UI shows comes from the
 * one place that answers "what may I do here" — the live socket's own view differs on purpose (a
 * frozen design makes an editor's socket read-only while the API still says "editor") — and the
 * wire tells no more than "look again", whoever listens. When the change ends the socket instead
 * (4403 access withdrawn, 4500 write access changed), that close is the notice and no [5] is sent.
 */

/** URL parameter with which a client asks for access-changed messages (`?access=1`). */
export const ACCESS_CHANGES_PARAM = 'access';

/** Encodes the access-changed frame. */
export function encodeAccessChangedFrame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.accessChanged);
  return encoding.toUint8Array(encoder);
}

/** True when a raw frame is an access-changed message (a type below 128 is its varUint's only byte). */
export function isAccessChangedFrame(frame: Uint8Array): boolean {
  return frame.length >= 1 && frame[0] === MessageType.accessChanged;
}
