import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../../shared/collab/messages';
import { CloseCode } from './connection';

/** Thrown for a frame that does not follow the protocol; closes only the offending socket. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly code: number = CloseCode.invalidPayload,
  ) {
    super(message);
  }
}

/** Encodes one frame written by `write`. */
export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/**
 * Throws unless `update` is a well-formed Yjs v1 update: every struct and every deletion range must
 * decode (a truncated or garbled update throws), and no deletion range may be empty — those decode
 * fine but make applyUpdate throw. So a bad update is refused whole instead of being stored or
 * half-applied. (Re-encoding it as v2, which checks the same, cost ~30 µs per small update — three
 * times applying it; decoding costs ~1 µs.)
 */
export function validateUpdate(update: Uint8Array): void {
  const { ds } = Y.decodeUpdate(update);
  for (const ranges of ds.clients.values()) {
    for (const { len } of ranges) if (!(len > 0)) throw new Error('empty deletion range');
  }
}

/** Encodes a sync-update frame. */
export function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** Encodes a durable-ack frame. */
export function encodeDurableFrame(count: number): Uint8Array {
  return frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.durable);
    encoding.writeVarUint(encoder, count);
  });
}
