import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from './messages';

/**
 * Largest update a client sends in one frame: well below the server's MAX_FRAME_BYTES (2 MiB by
 * default) and its struct limit, so an offline client's sync step 2 of any size gets through.
 */
export const MAX_UPDATE_PIECE_BYTES = 256 * 1024;

/** Structs per piece, a fifth of the server's default limit per update (50,000). */
export const MAX_UPDATE_PIECE_STRUCTS = 10_000;

interface Group {
  client: number;
  clock: number;
  count: number;
  /** The group's structs, written by Yjs (v1 writes everything to restEncoder, in order). */
  structs: Y.UpdateEncoderV1;
}

/** A Yjs update (v1) of whole client runs, with an empty delete set. */
function encodePiece(groups: readonly Group[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, groups.length);
  for (const { client, clock, count, structs } of groups) {
    encoding.writeVarUint(encoder, count);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeUint8Array(encoder, structs.toUint8Array());
  }
  encoding.writeVarUint(encoder, 0);
  return encoding.toUint8Array(encoder);
}

/**
 * Splits a Yjs update (v1) into pieces that, applied in order, make the same change, each about
 * `maxBytes` (one struct past it at most) and at most `maxStructs` long. Pieces follow each
 * client's clock, so each builds only on earlier ones; the deletions come last, with the final
 * piece. Yjs has no slicing API; the pieces are written with its own encoder and each struct's
 * own `write`, as Y.mergeUpdates does. An update within the limits is returned as it is.
 */
export function splitUpdate(
  update: Uint8Array,
  maxBytes = MAX_UPDATE_PIECE_BYTES,
  maxStructs = MAX_UPDATE_PIECE_STRUCTS,
): Uint8Array[] {
  if (update.length <= maxBytes) return [update];
  const { structs } = Y.decodeUpdate(update);
  if (structs.length === 0) return [update];
  const pieces: Uint8Array[] = [];
  let groups: Group[] = [];
  let done = 0;
  let count = 0;
  for (const struct of structs) {
    let group = groups.at(-1);
    if (group?.client !== struct.id.client) {
      if (group) done += encoding.length(group.structs.restEncoder);
      group = {
        client: struct.id.client,
        clock: struct.id.clock,
        count: 0,
        structs: new Y.UpdateEncoderV1(),
      };
      groups.push(group);
    }
    struct.write(group.structs, 0);
    group.count++;
    count++;
    // A piece ends after the struct that reaches a limit (so by at most one struct past maxBytes).
    if (done + encoding.length(group.structs.restEncoder) >= maxBytes || count >= maxStructs) {
      pieces.push(encodePiece(groups));
      groups = [];
      done = 0;
      count = 0;
    }
  }
  // The update without the structs it carries: only its deletions.
  const deletions = Y.diffUpdate(update, Y.encodeStateVectorFromUpdate(update));
  pieces.push(Y.mergeUpdates([encodePiece(groups), deletions]));
  return pieces;
}

/**
 * A document-update frame (`[0, 1|2, update]`, see isDocumentUpdateFrame) as frames each within
 * the piece limits: the pieces as sync updates, the last with the frame's own sync type (so a sync
 * step 2 stays the last frame of the handshake). A frame within the limits is returned as it is.
 */
export function splitUpdateFrame(frame: Uint8Array): Uint8Array[] {
  if (frame.length <= MAX_UPDATE_PIECE_BYTES) return [frame];
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  const syncType = decoding.readVarUint(decoder);
  const pieces = splitUpdate(decoding.readVarUint8Array(decoder));
  if (pieces.length === 1) return [frame];
  return pieces.map((piece, index) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    encoding.writeVarUint(encoder, index === pieces.length - 1 ? syncType : SyncMessageType.update);
    encoding.writeVarUint8Array(encoder, piece);
    return encoding.toUint8Array(encoder);
  });
}
