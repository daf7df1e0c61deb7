import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { LogRow } from '../collab/appliedSeqs';

/*
 * What instances say to each other on a document's Redis channel, binary (lib0 encoding): who
 * speaks, then committed rows, a presence update, or a question for everyone's presence.
 */

/** Rows larger than this travel without their bytes: the instances that need them read the log. */
export const MAX_ANNOUNCED_ROW_BYTES = 64 * 1024;
/** Bytes of rows one announcement carries at most; later rows travel without their bytes. */
const MAX_ANNOUNCED_BYTES = 512 * 1024;

/** Kinds of document-channel messages on the wire. */
const KIND = { rows: 0, awareness: 1, awarenessQuery: 2 } as const;

/** A decoded document-channel message. */
export type DocMessage =
  | { from: string; kind: 'rows'; rows: LogRow[] }
  | { from: string; kind: 'awareness'; update: Uint8Array }
  | { from: string; kind: 'awarenessQuery' };

/** Encodes committed rows; large ones (and any beyond the message budget) without their bytes. */
export function encodeRows(from: string, rows: ReadonlyArray<Required<LogRow>>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, KIND.rows);
  encoding.writeVarUint(encoder, rows.length);
  let budget = MAX_ANNOUNCED_BYTES;
  for (const { seq, update } of rows) {
    encoding.writeVarUint(encoder, seq);
    const carried = update.length <= MAX_ANNOUNCED_ROW_BYTES && update.length <= budget;
    encoding.writeVarUint(encoder, carried ? 1 : 0);
    if (carried) {
      encoding.writeVarUint8Array(encoder, update);
      budget -= update.length;
    }
  }
  return encoding.toUint8Array(encoder);
}

/** Encodes a presence update (y-protocols awareness encoding) of this instance's sockets. */
export function encodeAwareness(from: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, KIND.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Encodes a question: every instance holding the document answers with its sockets' presence. */
export function encodeAwarenessQuery(from: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, KIND.awarenessQuery);
  return encoding.toUint8Array(encoder);
}

/** Decodes a document-channel message; throws on one that does not decode. */
export function decodeDocMessage(data: Uint8Array): DocMessage {
  const decoder = decoding.createDecoder(data);
  const from = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind === KIND.rows) {
    const rows: LogRow[] = [];
    for (let count = decoding.readVarUint(decoder); count > 0; count--) {
      const seq = decoding.readVarUint(decoder);
      const carried = decoding.readVarUint(decoder) === 1;
      rows.push(carried ? { seq, update: decoding.readVarUint8Array(decoder) } : { seq });
    }
    return { from, kind: 'rows', rows };
  }
  if (kind === KIND.awareness)
    return { from, kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
  if (kind === KIND.awarenessQuery) return { from, kind: 'awarenessQuery' };
  throw new Error(`unknown cluster message kind ${kind}`);
}

/** Messages on the control channel (JSON). */
export type ControlMessage =
  | { from: string; type: 'sessions'; sessionIds: string[]; reason: string }
  | { from: string; type: 'access'; userId: string; teamId?: string }
  | {
      from: string;
      type: 'round';
      docId: string;
      change: { kind: 'comments' | 'round'; roundId: string | null };
    }
  | { from: string; type: 'bye' };
