import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { decodeFrame, marker, forEachMarker, openSocket, openingFrames, type Target } from '../lib/protocol';
import { deliveries, key, readTarget, target } from './context';

/**
 * The markers one reader has received: a bit per (writer, seq) in typed arrays rather than a Set
 * (200 readers × thousands of markers in the saturation ramp): less for the load process' own
 * garbage collector to walk, whose pauses would show up as server latency.
 */
export class MarkerSet {
  private readonly bits = new Map<number, Uint8Array>();
  size = 0;

  /** Adds a marker; false when it was already there. */
  add(writer: number, seq: number): boolean {
    const byte = seq >> 3;
    let bits = this.bits.get(writer);
    if (!bits || byte >= bits.length) {
      const grown = new Uint8Array(Math.max(64, (byte + 1) * 2));
      if (bits) grown.set(bits);
      this.bits.set(writer, (bits = grown));
    }
    const mask = 1 << (seq & 7);
    if (bits[byte]! & mask) return false;
    bits[byte] = bits[byte]! | mask;
    this.size++;
    return true;
  }
}

/** A lightweight reader: a raw socket that counts the markers it receives. */
export class Reader {
  readonly socket: WebSocket;
  readonly seen = new MarkerSet();
  duplicates = 0;
  latencies: number[] = [];
  synced: Promise<void>;
  opened: Promise<void>;
  openedAt = 0;
  syncedAt = 0;
  acked = 0;
  onMarker?: (writer: number, seq: number, now: number) => void;

  constructor(
    readonly docId: string,
    durable = false,
    private readonly to: Target = target,
  ) {
    this.socket = openSocket(to, docId, durable);
    let resolveSynced!: () => void;
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      this.socket.once('error', reject);
    });
    this.opened = new Promise((resolve) => {
      this.socket.once('open', () => {
        this.openedAt = performance.now();
        for (const frame of openingFrames(to, docId)) this.socket.send(frame);
        if (to.kind === 'relay') resolveSynced();
        resolve();
      });
    });
    this.socket.on('message', (data: Buffer) => {
      const now = performance.now();
      const decoded = decodeFrame(this.to, data);
      if (decoded.kind === 'durable') {
        this.acked = decoded.count ?? 0;
        return;
      }
      if (decoded.kind === 'step2') {
        if (!this.syncedAt) this.syncedAt = now;
        resolveSynced();
      }
      if ((decoded.kind === 'update' || decoded.kind === 'step2') && decoded.payload) {
        this.receivedAt = now;
        forEachMarker(decoded.payload, this.found);
      }
    });
  }

  /** When the frame being scanned arrived. */
  private receivedAt = 0;
  /** One marker of that frame (a bound method: no closure per frame). */
  private readonly found = (writer: number, seq: number): void => {
    if (!this.seen.add(writer, seq)) {
      this.duplicates++;
      return;
    }
    const now = this.receivedAt;
    const id = key(writer, seq);
    const sent = deliveries.sentAt.get(id);
    if (sent !== undefined) {
      if (deliveries.keepLatencies) this.latencies.push(now - sent);
      deliveries.onDelivery?.(id, now - sent);
    }
    this.onMarker?.(writer, seq, now);
  };

  close(): void {
    this.socket.terminate();
  }
}

/** A real provider typing markers at the end of a shared text. */
export class Writer {
  readonly doc = new Y.Doc();
  readonly text: Y.Text;
  seq = 0;
  ready: Promise<void>;
  private destroyProvider: () => void;

  constructor(
    readonly index: number,
    readonly docId: string,
  ) {
    this.doc.clientID = 100_000 + index;
    this.text = this.doc.getText('bench');
    const base = target.url.replace(/^http/, 'ws');
    if (target.kind === 'hocuspocus') {
      const provider = new HocuspocusProvider({
        url: base,
        name: docId,
        document: this.doc,
        WebSocketPolyfill: WebSocket,
        quiet: true,
      } as ConstructorParameters<typeof HocuspocusProvider>[0]);
      provider.awareness?.setLocalState(null);
      this.ready = new Promise((resolve) => provider.on('synced', () => resolve()));
      this.destroyProvider = () => provider.destroy();
    } else {
      const cookie = target.cookie;
      class CookieSocket extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: cookie ? { cookie } : {}, perMessageDeflate: false });
        }
      }
      const provider = new WebsocketProvider(
        target.kind === 'werkplaats' ? `${base}/collab` : base,
        docId,
        this.doc,
        {
          WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket,
          disableBc: true,
          params: target.kind === 'werkplaats' ? { durable: '1' } : {},
        },
      );
      // Werkplaats' durable-acks (type 4): the writer takes note and otherwise ignores them.
      provider.messageHandlers[4] = () => undefined;
      provider.awareness.setLocalState(null);
      this.ready =
        target.kind === 'relay'
          ? new Promise((resolve) =>
              provider.on('status', ({ status }: { status: string }) => {
                if (status === 'connected') resolve();
              }),
            )
          : new Promise((resolve) => provider.on('sync', (synced: boolean) => synced && resolve()));
      this.destroyProvider = () => provider.destroy();
    }
  }

  /** Types one marked update; returns its key. */
  type(): void {
    const seq = this.seq++;
    deliveries.sentAt.set(key(this.index, seq), performance.now());
    this.text.insert(this.text.length, marker(this.index, seq));
  }

  destroy(): void {
    this.destroyProvider();
  }
}

/** Opens `perDoc` readers per document, at most `concurrency` connecting at a time (a sliding window, not batches that wait for their slowest socket). */
export async function connectReaders(docIds: string[], perDoc: number, concurrency = 200): Promise<Reader[]> {
  const pending: string[] = [];
  for (let r = 0; r < perDoc; r++) pending.push(...docIds);
  const readers: Reader[] = [];
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const reader = new Reader(pending[next++]!, false, readTarget);
      readers.push(reader);
      await reader.synced;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, lane));
  return readers;
}

/** Runs writers at `ratePerDoc` (staggered); returns the function that stops them. */
export function drive(writers: Writer[], perDoc: number, ratePerDoc: () => number) {
  let running = true;
  const timers = new Map<number, NodeJS.Timeout>();
  const docs = Math.max(1, writers.length / perDoc);
  writers.forEach((writer, i) => {
    const periodMs = () => (1000 * perDoc) / ratePerDoc();
    // Stagger: the writers of a document take turns evenly over the period (so the full rate holds
    // from the first period on), and documents are spread within each writer's slot.
    const slot = (i % perDoc) + Math.floor(i / perDoc) / docs;
    let next = performance.now() + (slot / perDoc) * periodMs();
    const tick = () => {
      if (!running) return;
      writer.type();
      next += periodMs();
      const now = performance.now();
      if (next < now - 1000) next = now; // never burst to catch up more than a second
      timers.set(i, setTimeout(tick, Math.max(0, next - now)));
    };
    timers.set(i, setTimeout(tick, Math.max(0, next - performance.now())));
  });
  return () => {
    running = false;
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
