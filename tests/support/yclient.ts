import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  DURABLE_PARAM,
  isDocumentUpdateFrame,
  MessageType,
  SyncMessageType,
} from '../../shared/collab/messages';
import { META_MAP, SECTIONS_ARRAY, sectionFragmentName } from '../../shared/editor/fields';
import { syncStep1Frame } from './rawclient';

/** Polls `condition` every few ms; rejects with `message` (and the last state) after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  message: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${timeoutMs} ms: ${typeof message === 'function' ? message() : message}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves after the current event-loop turn (lets sockets and group commits run). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** The Yjs update carried by a document-update frame (`[0, 1|2, varUint8Array update]`). */
export function updateOfFrame(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/**
 * A `ws` socket that counts its document-update frames the way the browser client does
 * (client/collab/CountingWebSocket.ts) and remembers each frame's update, so a test can say
 * exactly which updates a durable-ack covers. Every reconnect makes a new socket: counters
 * restart at 0, like the server's.
 */
export class CountingWebSocket extends WebSocket {
  /** The Yjs update of every document-update frame sent on this socket, in order. */
  readonly sentUpdates: Uint8Array[] = [];
  /** Highest durable-ack received on this socket. */
  ackedUpdates = 0;
  /** Every durable-ack value received, in order. */
  readonly acks: number[] = [];
  /** Message type (first varUint) of every frame received. */
  readonly receivedTypes: number[] = [];
  /** Sync step 2 frames received (the server sends one only in answer to a step 1). */
  receivedStep2 = 0;
  /** Close code, once closed. */
  closeCode: number | null = null;
  /** Called after each ack (tests check storage at that exact moment). */
  onAck: ((count: number) => void) | null = null;

  constructor(url: string | URL, protocols?: string | string[], options?: WebSocket.ClientOptions) {
    super(url, protocols, options);
    this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : asBytes(data);
      if (bytes && bytes.length > 0) {
        this.receivedTypes.push(decoding.readVarUint(decoding.createDecoder(bytes)));
        if (bytes[0] === MessageType.sync && bytes[1] === SyncMessageType.step2) this.receivedStep2++;
      }
    });
    this.on('close', (code: number) => (this.closeCode = code));
  }

  override send(data: unknown, ...rest: unknown[]): void {
    const frame = asBytes(data);
    // Record before sending: the ack may come back before send() returns control to us.
    if (frame && isDocumentUpdateFrame(frame)) this.sentUpdates.push(updateOfFrame(frame).slice());
    (super.send as (...args: unknown[]) => void)(data, ...rest);
  }

  /** Records a durable-ack for the first `count` document-update frames. */
  acknowledge(count: number): void {
    this.acks.push(count);
    if (count > this.ackedUpdates) this.ackedUpdates = count;
    this.onAck?.(count);
  }
}

/**
 * Resolves once the server has handled every frame sent on `socket` before this call, or once the
 * socket has closed (then nothing more will arrive on it either). The server handles one socket's
 * frames in order and answers a sync step 1 with a step 2, so that answer is the marker — no
 * sleeping. (The provider applies the answer: it only holds what it already has.)
 */
export async function roundTrip(socket: CountingWebSocket, timeoutMs = 10_000): Promise<void> {
  const before = socket.receivedStep2;
  if (socket.readyState === socket.OPEN) socket.send(syncStep1Frame());
  await waitFor(
    () => socket.receivedStep2 > before || socket.closeCode !== null,
    'no answer to sync step 1',
    timeoutMs,
  );
}

/** A y-websocket provider in Node with its doc and counting socket. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first sync with the server (our step 1 answered). */
  synced: Promise<void>;
  /** Every socket this provider opened, oldest first. */
  sockets: CountingWebSocket[];
  /** The current (newest) socket. */
  readonly socket: CountingWebSocket;
  /**
   * Set when the server closed the connection for good (44xx: y-websocket emits `closed` and stops
   * reconnecting); null while the provider would still reconnect.
   */
  readonly permanentClose: { code: number; reason: string } | null;
  /** Stops reconnecting and closes the socket. */
  destroy(): void;
}

/** Options of connectClient. */
export interface ConnectOptions {
  /** Ask for durable-acks (`?durable=1`). */
  durable?: boolean;
  /** Fixed Yjs client id (deterministic tests). */
  clientID?: number;
  /** Use this doc instead of a new one. */
  doc?: Y.Doc;
  /** Cookie header sent with every upgrade (the session: `user.cookie`). */
  cookie?: string;
  /** Origin header sent with every upgrade (browsers always send one). */
  origin?: string;
}

/**
 * Connects the real y-websocket client to `wsUrl/docId` through `ws`, with BroadcastChannel off
 * and Werkplaats' durable-ack handler installed (it is installed for plain clients too, so a test
 * can assert that they never receive type 4).
 */
export function connectClient(wsUrl: string, docId: string, options: ConnectOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  if (options.clientID !== undefined) doc.clientID = options.clientID;
  const sockets: CountingWebSocket[] = [];
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  // y-websocket constructs its socket as `new WebSocketPolyfill(url, protocols)`; a browser sends
  // the session cookie by itself, `ws` needs it passed as a header.
  class TrackedSocket extends CountingWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      sockets.push(this);
    }
  }
  const provider = new WebsocketProvider(wsUrl, docId, doc, {
    WebSocketPolyfill: TrackedSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.durable ? { [DURABLE_PARAM]: '1' } : {},
    maxBackoffTime: 500,
  });
  provider.messageHandlers[MessageType.durable] = (_encoder, decoder, receiver) => {
    const count = decoding.readVarUint(decoder);
    // onmessage only runs for the provider's current socket, so the ack belongs to `receiver.ws`.
    if (receiver.ws instanceof CountingWebSocket) receiver.ws.acknowledge(count);
  };
  const synced = new Promise<void>((resolve, reject) => {
    if (provider.synced) return resolve();
    const timer = setTimeout(() => reject(new Error(`client for ${docId} did not sync within 10 s`)), 10_000);
    provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  // A test that never awaits `synced` must not produce an unhandled rejection.
  synced.catch(() => undefined);
  let permanentClose: { code: number; reason: string } | null = null;
  provider.on('closed', (event) => (permanentClose = { code: event.code, reason: event.reason }));
  return {
    doc,
    provider,
    synced,
    sockets,
    get socket() {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error('provider has not opened a socket yet');
      return socket;
    },
    get permanentClose() {
      return permanentClose;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Connects and waits for the first sync. */
export async function connectSynced(
  wsUrl: string,
  docId: string,
  options: ConnectOptions = {},
): Promise<TestClient> {
  const client = connectClient(wsUrl, docId, options);
  await client.synced;
  return client;
}

/** Waits until the client's current socket has every document-update frame it sent acknowledged. */
export async function waitForAllAcked(client: TestClient, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () =>
      client.socket.sentUpdates.length > 0 && client.socket.ackedUpdates === client.socket.sentUpdates.length,
    () => `acks: ${client.socket.ackedUpdates} of ${client.socket.sentUpdates.length} update frames`,
    timeoutMs,
  );
}

/** The section ids of a document, in order. */
export function sectionIds(doc: Y.Doc): string[] {
  return doc
    .getArray<Y.Map<string>>(SECTIONS_ARRAY)
    .toArray()
    .map((section) => String(section.get('id')));
}

/** The rich-text fragment of one section. */
export function sectionFragment(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionFragmentName(sectionId));
}

/** The XML text of one section (e.g. `<paragraph>Hallo</paragraph>`). */
export function sectionText(doc: Y.Doc, sectionId: string): string {
  return sectionFragment(doc, sectionId).toString();
}

/**
 * A comparable picture of a document: meta, sections and every section's XML, plus the extra
 * Y.Text names given (as deltas, so formatting counts). Built from `Y.encodeStateAsUpdate` into a
 * fresh doc, so it shows what the doc would send, not local caches.
 */
export function docContent(doc: Y.Doc, texts: string[] = []): Record<string, unknown> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const content: Record<string, unknown> = {
    meta: copy.getMap(META_MAP).toJSON(),
    sections: copy.getArray(SECTIONS_ARRAY).toJSON(),
  };
  for (const id of sectionIds(copy)) content[sectionFragmentName(id)] = sectionText(copy, id);
  for (const name of texts) content[`text:${name}`] = copy.getText(name).toDelta();
  copy.destroy();
  return content;
}

/** The state vector as a plain object (client → clock) for readable comparisons. */
export function stateVector(doc: Y.Doc): Record<string, number> {
  return Object.fromEntries(
    [...Y.decodeStateVector(Y.encodeStateVector(doc))].map(([k, v]) => [String(k), v]),
  );
}

/** Deterministic PRNG (mulberry32) so random edits are reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
