import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** The servers under test. */
export type ServerKind = 'werkplaats' | 'hocuspocus' | 'ywebsocket' | 'relay';

/** What a load process needs to reach a server. */
export interface Target {
  kind: ServerKind;
  /** http://host:port */
  url: string;
  /** Werkplaats session cookie (`werkplaats_session=…`). */
  cookie?: string;
}

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;

/** Base WebSocket URL of the room `docId` for a lightweight socket. */
export function socketUrl(target: Target, docId: string, durable = false): string {
  const base = target.url.replace(/^http/, 'ws');
  switch (target.kind) {
    case 'werkplaats':
      return `${base}/collab/${docId}${durable ? '?durable=1' : ''}`;
    case 'hocuspocus':
      return `${base}/`;
    default:
      return `${base}/${docId}`;
  }
}

/** Opens a raw `ws` socket the way each server expects (cookie for ours). */
export function openSocket(target: Target, docId: string, durable = false): WebSocket {
  const socket = new WebSocket(socketUrl(target, docId, durable), {
    headers: target.cookie ? { cookie: target.cookie } : {},
    perMessageDeflate: false,
  });
  socket.binaryType = 'nodebuffer';
  return socket;
}

function withPrefix(target: Target, docId: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  // Hocuspocus multiplexes documents over one socket: every frame starts with the document name.
  if (target.kind === 'hocuspocus') encoding.writeVarString(encoder, docId);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The frames a lightweight client sends on open: (Hocuspocus: auth, then) sync step 1. */
export function openingFrames(target: Target, docId: string): Uint8Array[] {
  const frames: Uint8Array[] = [];
  if (target.kind === 'relay') return frames; // nobody answers in a relay
  if (target.kind === 'hocuspocus') {
    frames.push(
      withPrefix(target, docId, (encoder) => {
        encoding.writeVarUint(encoder, HOCUSPOCUS_AUTH);
        encoding.writeVarUint(encoder, 0); // token
        encoding.writeVarString(encoder, '');
      }),
    );
  }
  frames.push(
    withPrefix(target, docId, (encoder) => {
      encoding.writeVarUint(encoder, SYNC);
      encoding.writeVarUint(encoder, STEP1);
      encoding.writeVarUint8Array(encoder, new Uint8Array([0])); // empty state vector
    }),
  );
  return frames;
}

/** A sync-update frame carrying `update`. */
export function updateFrame(target: Target, docId: string, update: Uint8Array): Uint8Array {
  return withPrefix(target, docId, (encoder) => {
    encoding.writeVarUint(encoder, SYNC);
    encoding.writeVarUint(encoder, UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });
}

/** What a received frame is, as far as the benchmark cares. */
export interface Decoded {
  kind: 'step2' | 'update' | 'durable' | 'other';
  /** The Yjs update (step2/update), or the ack count (durable). */
  payload?: Uint8Array;
  count?: number;
}

/** Decodes the frames the benchmark looks at; everything else is 'other'. */
export function decodeFrame(target: Target, data: Uint8Array): Decoded {
  try {
    const decoder = decoding.createDecoder(data);
    if (target.kind === 'hocuspocus') decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === 4 && target.kind === 'werkplaats') {
      return { kind: 'durable', count: decoding.readVarUint(decoder) };
    }
    if (type === SYNC || (type === HOCUSPOCUS_SYNC_REPLY && target.kind === 'hocuspocus')) {
      const sub = decoding.readVarUint(decoder);
      if (sub === STEP2) return { kind: 'step2', payload: decoding.readVarUint8Array(decoder) };
      if (sub === UPDATE) return { kind: 'update', payload: decoding.readVarUint8Array(decoder) };
    }
  } catch {
    // not one of ours
  }
  return { kind: 'other' };
}

const TILDE = 0x7e;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Calls `found` for every `~writer.seq~` marker inside an update. Yjs writes inserted strings as
 * UTF-8, so a reader finds them without decoding the update (and finds all of them when a server
 * merges updates). A byte scan, no string or match objects: in the saturation ramp the load process
 * scans ~300,000 frames a second, and what it spends here it takes from the server under test.
 */
export function forEachMarker(update: Uint8Array, found: (writer: number, seq: number) => void): void {
  const end = update.length;
  let at = update.indexOf(TILDE);
  while (at !== -1) {
    // ~ digits . digits ~
    let i = at + 1;
    let writer = 0;
    const writerStart = i;
    while (i < end && update[i]! >= ZERO && update[i]! <= NINE) writer = writer * 10 + update[i++]! - ZERO;
    if (i > writerStart && i < end && update[i] === DOT) {
      i++;
      let seq = 0;
      const seqStart = i;
      while (i < end && update[i]! >= ZERO && update[i]! <= NINE) seq = seq * 10 + update[i++]! - ZERO;
      if (i > seqStart && i < end && update[i] === TILDE) {
        found(writer, seq);
        at = update.indexOf(TILDE, i + 1);
        continue;
      }
    }
    // Not a marker here; the next one may start at the tilde that ended this attempt.
    at = update.indexOf(TILDE, at + 1);
  }
}

/** The marker a writer inserts for its update `seq`. */
export function marker(writer: number, seq: number): string {
  return `~${writer}.${seq}~`;
}
