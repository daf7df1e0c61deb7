import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { DURABLE_PARAM, MessageType, SyncMessageType } from '../../shared/collab/messages';

/** How a raw socket ended. */
export interface CloseInfo {
  code: number;
  reason: string;
}

/** A bare `ws` socket speaking the sync protocol byte by byte (for malformed input and batching). */
export interface RawClient {
  socket: WebSocket;
  /** Resolves once the socket is open. */
  opened: Promise<void>;
  /** Resolves when the socket has closed, with the code the server sent. */
  closed: Promise<CloseInfo>;
  /** Message type of every frame received. */
  receivedTypes: number[];
  /** Highest durable-ack received. */
  acked: number;
  /** Every binary frame received, in order. */
  frames: Uint8Array[];
  /** Sync step 2 frames received (answers to our step 1). */
  step2Count: number;
  /** Sends raw bytes (or a text frame for a string). */
  send(data: Uint8Array | string): void;
  /** Sends a sync-update frame carrying `update`. */
  sendUpdate(update: Uint8Array): void;
  /** Closes without a goodbye (a crashed tab). */
  terminate(): void;
  /**
   * Resolves once the server has handled every frame sent before this call (it answers our sync
   * step 1 with a step 2, and handles one socket's frames in order).
   */
  roundTrip(timeoutMs?: number): Promise<void>;
}

/** Sync step 1 with an empty state vector: the server answers with step 2 (the whole document). */
export function syncStep1Frame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.step1);
  encoding.writeVarUint8Array(encoder, Uint8Array.of(0));
  return encoding.toUint8Array(encoder);
}

/** Encodes `[0, 2, varUint8Array update]`, the frame a provider sends for a local change. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, SyncMessageType.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Opens a raw socket to `wsUrl/docId`; `durable` adds `?durable=1`, `cookie` the session. */
export function connectRaw(
  wsUrl: string,
  docId: string,
  options: { durable?: boolean; cookie?: string; headers?: Record<string, string> } = {},
): RawClient {
  const url = `${wsUrl}/${docId}${options.durable ? `?${DURABLE_PARAM}=1` : ''}`;
  const headers = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  const socket = new WebSocket(url, { headers });
  const client: RawClient = {
    socket,
    opened: new Promise((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`upgrade refused with HTTP ${response.statusCode}`)),
      );
      socket.once('error', reject);
    }),
    closed: new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
    ),
    receivedTypes: [],
    acked: 0,
    frames: [],
    step2Count: 0,
    send: (data) => socket.send(data),
    sendUpdate: (update) => socket.send(updateFrame(update)),
    terminate: () => socket.terminate(),
    roundTrip: (timeoutMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const before = client.step2Count;
        const timer = setTimeout(() => {
          socket.off('message', onMessage);
          reject(new Error(`no answer to sync step 1 within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = () => {
          if (client.step2Count === before) return;
          clearTimeout(timer);
          socket.off('message', onMessage);
          resolve();
        };
        socket.on('message', onMessage);
        socket.send(syncStep1Frame());
      }),
  };
  client.opened.catch(() => undefined);
  // A write after the server closed us is expected in these tests, not a failure.
  socket.on('error', () => undefined);
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice();
    client.frames.push(bytes);
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    client.receivedTypes.push(type);
    if (type === MessageType.sync && bytes[1] === SyncMessageType.step2) client.step2Count++;
    if (type === MessageType.durable) client.acked = Math.max(client.acked, decoding.readVarUint(decoder));
  });
  return client;
}

/**
 * Attempts an upgrade that the server is expected to refuse; resolves with the HTTP status
 * (or rejects if the socket opens).
 */
export function refusedUpgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      socket.terminate();
      reject(new Error(`upgrade to ${url} was accepted`));
    });
    socket.on('error', () => undefined);
  });
}

/**
 * The raw clients one test file opens on its server (durable acks on, the server's own user), all
 * terminated by closeAll — call it in afterEach.
 */
export function rawClients(server: () => { wsUrl: string; cookie: string }) {
  const opened: RawClient[] = [];
  return {
    async open(docId: string): Promise<RawClient> {
      const raw = connectRaw(server().wsUrl, docId, { cookie: server().cookie, durable: true });
      opened.push(raw);
      await raw.opened;
      return raw;
    },
    closeAll(): void {
      for (const raw of opened.splice(0)) raw.terminate();
    },
  };
}
