/**
 * The client load generator: one process, started by bench/run.ts for one scenario against one
 * server. Readers are lightweight raw sockets (lib0 encoding, no Y.Doc); writers are real providers
 * (y-websocket's WebsocketProvider, or HocuspocusProvider for Hocuspocus) with fixed clientIDs.
 * Prints `PHASE start` / `PHASE end` around the measured window and one `RESULT {json}` line.
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { buildInitialDoc } from '../server/commands/createDocument';
import { DEFAULT_SECTION_HEADINGS } from '../shared/editor/fields';
import {
  decodeFrame,
  marker,
  forEachMarker,
  openSocket,
  openingFrames,
  updateFrame,
  type Target,
} from './lib/protocol';
import { percentile, round, sleep } from './lib/stats';
import { b4Update, loadB4, replayInto } from './lib/trace';

export interface LoadParams {
  mode: 'fanout' | 'saturation' | 'memory' | 'coldseed' | 'coldload' | 'durable' | 'versions';
  target: Target;
  docIds: string[];
  readersPerDoc?: number;
  writersPerDoc?: number;
  /** Updates per second per document (fan-out). */
  rate?: number;
  seconds?: number;
  /**
   * saturation: rates to try, in order (the first also warms up); `seconds` is the shortest step,
   * `minUpdates` the fewest updates a step sends (a step lasts long enough for both);
   * `refine` is how many bisection steps between the last good and the first failed rate.
   */
  rates?: number[];
  minUpdates?: number;
  refine?: number;
  /** durable: total updates; memory: seconds to settle. */
  updates?: number;
  /** Seconds of unmeasured warm-up. */
  warmup?: number;
  /** coldseed/versions: use only the first this many edits of the trace (quick runs). */
  traceEdits?: number;
  /** versions: how many versions to list. */
  versions?: number;
}

// Every provider adds an exit listener; hundreds of writers are expected here.
process.setMaxListeners(0);
const params = JSON.parse(process.argv[2] ?? '{}') as LoadParams;
const { target } = params;
const phase = (name: string) => process.stdout.write(`PHASE ${name}\n`);
const result = (value: unknown) => process.stdout.write(`RESULT ${JSON.stringify(value)}\n`);

/** When each (writer, seq) update was handed to the provider (performance.now()). */
const sentAt = new Map<number, number>();
const key = (writer: number, seq: number) => writer * 1_000_000 + seq;
/** Called on every reader's first receipt of a marker (saturation collects per step with it). */
let onDelivery: ((id: number, latency: number) => void) | undefined;
/** Whether readers keep every latency themselves (saturation collects through onDelivery). */
let keepLatencies = true;

/**
 * The markers one reader has received: a bit per (writer, seq) in typed arrays rather than a Set
 * (200 readers × thousands of markers in the saturation ramp): less for the load process' own
 * garbage collector to walk, whose pauses would show up as server latency.
 */
class MarkerSet {
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
class Reader {
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
  ) {
    this.socket = openSocket(target, docId, durable);
    let resolveSynced!: () => void;
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      this.socket.once('error', reject);
    });
    this.opened = new Promise((resolve) => {
      this.socket.once('open', () => {
        this.openedAt = performance.now();
        for (const frame of openingFrames(target, docId)) this.socket.send(frame);
        if (target.kind === 'relay') resolveSynced();
        resolve();
      });
    });
    this.socket.on('message', (data: Buffer) => {
      const now = performance.now();
      const decoded = decodeFrame(target, data);
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
    const sent = sentAt.get(id);
    if (sent !== undefined) {
      if (keepLatencies) this.latencies.push(now - sent);
      onDelivery?.(id, now - sent);
    }
    this.onMarker?.(writer, seq, now);
  };

  close(): void {
    this.socket.terminate();
  }
}

/** A real provider typing markers at the end of a shared text. */
class Writer {
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
    sentAt.set(key(this.index, seq), performance.now());
    this.text.insert(this.text.length, marker(this.index, seq));
  }

  destroy(): void {
    this.destroyProvider();
  }
}

/** Opens `perDoc` readers per document, at most `concurrency` connecting at a time (a sliding window, not batches that wait for their slowest socket). */
async function connectReaders(docIds: string[], perDoc: number, concurrency = 200): Promise<Reader[]> {
  const pending: string[] = [];
  for (let r = 0; r < perDoc; r++) pending.push(...docIds);
  const readers: Reader[] = [];
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const reader = new Reader(pending[next++]!);
      readers.push(reader);
      await reader.synced;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, lane));
  return readers;
}

/** Runs writers at `ratePerDoc` (staggered) until stop() is called. */
function drive(writers: Writer[], perDoc: number, ratePerDoc: () => number) {
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

function latencySummary(latencies: number[]) {
  return {
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    samples: latencies.length,
  };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

async function fanout(): Promise<unknown> {
  const perDoc = params.writersPerDoc ?? 1;
  const readers = await connectReaders(params.docIds, params.readersPerDoc ?? 1);
  const writers: Writer[] = [];
  params.docIds.forEach((docId, d) => {
    for (let w = 0; w < perDoc; w++) writers.push(new Writer(d * perDoc + w, docId));
  });
  await Promise.all(writers.map((writer) => writer.ready));
  const stop = drive(writers, perDoc, () => params.rate ?? 10);
  await sleep((params.warmup ?? 1) * 1000); // warm-up, not measured
  for (const reader of readers) reader.latencies = [];
  phase('start');
  await sleep((params.seconds ?? 5) * 1000);
  stop();
  const expected = (docId: string) =>
    writers.filter((writer) => writer.docId === docId).reduce((sum, writer) => sum + writer.seq, 0);
  const complete = () => readers.every((reader) => reader.seen.size >= expected(reader.docId));
  await waitUntil(complete, 3000);
  phase('end');
  const latencies = readers.flatMap((reader) => reader.latencies);
  const lost = readers.reduce((sum, reader) => sum + (expected(reader.docId) - reader.seen.size), 0);
  const sent = writers.reduce((sum, writer) => sum + writer.seq, 0);
  for (const writer of writers) writer.destroy();
  for (const reader of readers) reader.close();
  return {
    ...latencySummary(latencies),
    lost,
    sent,
    duplicates: readers.reduce((s, r) => s + r.duplicates, 0),
  };
}

interface SaturationStep {
  rate: number;
  /** Updates per second actually sent (timers can fall behind when the load process is busy). */
  sentRate: number;
  seconds: number;
  updates: number;
  /** Deliveries measured: updates sent in this step × readers, less the lost ones. */
  samples: number;
  p50: number;
  p99: number;
  max: number;
  /** Deliveries not received by the end of the step + grace (counted as infinitely late). */
  lost: number;
  /** The load process' own event-loop delay p99 (ms): high means the measuring side was busy. */
  loadEldP99: number;
  /** Garbage collection in the load process during the step. */
  loadGc: { count: number; totalMs: number; maxMs: number };
  ok: boolean;
}

/**
 * Raises the rate step by step until a step has p99 > 100 ms or loses updates, then bisects between
 * the last good and the first failed rate. Each step measures only the updates sent within it,
 * lasts long enough for `minUpdates` updates (so p99 is not just the worst of a handful: every
 * update reaches all readers at about the same time, so one stall delays 200 samples at once), and
 * ends when all its updates have arrived (at most `GRACE_MS` after the last one was sent). A failed
 * rate is tried once more after the backlog drained; it counts as failed only if it fails twice
 * (one stall of a shared machine should not end the ramp).
 */
async function saturation(): Promise<unknown> {
  const perDoc = params.writersPerDoc ?? 10;
  const docId = params.docIds[0]!;
  const rates = params.rates ?? [100];
  const minSeconds = params.seconds ?? 2;
  const minUpdates = params.minUpdates ?? 200;
  const GRACE_MS = 1000;
  keepLatencies = false;
  const readers = await connectReaders([docId], params.readersPerDoc ?? 200);
  const writers = Array.from({ length: perDoc }, (_, w) => new Writer(w, docId));
  await Promise.all(writers.map((writer) => writer.ready));
  const sentTotal = () => writers.reduce((sum, writer) => sum + writer.seq, 0);
  const drained = () => {
    const total = sentTotal();
    return readers.every((reader) => reader.seen.size >= total);
  };
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let gc = { count: 0, totalMs: 0, maxMs: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc = {
        count: gc.count + 1,
        totalMs: gc.totalMs + entry.duration,
        maxMs: Math.max(gc.maxMs, entry.duration),
      };
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });

  const step = async (rate: number): Promise<SaturationStep> => {
    const seconds = round(Math.max(minSeconds, minUpdates / rate), 2);
    const latencies: number[] = [];
    const before = sentTotal();
    const from = performance.now();
    onDelivery = (id, latency) => {
      if (sentAt.get(id)! >= from) latencies.push(latency);
    };
    loop.reset();
    gc = { count: 0, totalMs: 0, maxMs: 0 };
    const stop = drive(writers, perDoc, () => rate);
    await sleep(seconds * 1000);
    stop();
    const updates = sentTotal() - before;
    await waitUntil(drained, GRACE_MS);
    onDelivery = undefined;
    const lost = updates * readers.length - latencies.length;
    const all = lost > 0 ? [...latencies, ...Array<number>(lost).fill(Number.POSITIVE_INFINITY)] : latencies;
    const p99 = percentile(all, 99);
    const sentRate = round(updates / seconds, 0);
    return {
      rate,
      sentRate,
      seconds,
      updates,
      samples: latencies.length,
      p50: round(percentile(all, 50), 1),
      p99: round(p99, 1),
      max: round(
        latencies.reduce((max, value) => Math.max(max, value), 0),
        1,
      ),
      lost,
      loadEldP99: round(loop.percentile(99) / 1e6, 1),
      loadGc: { count: gc.count, totalMs: round(gc.totalMs, 0), maxMs: round(gc.maxMs, 1) },
      ok: lost === 0 && p99 <= 100 && !loadBound(sentRate, rate),
    };
  };
  // A rate the load process could not even send is not a rate the server kept up with, and no
  // higher rate can be measured from here.
  const loadBound = (sentRate: number, rate: number) => sentRate < 0.9 * rate;
  const steps: SaturationStep[] = [];
  let stoppedBy: 'p99' | 'lost' | 'load generator' | null = null;
  const passes = async (rate: number): Promise<boolean> => {
    for (let attempt = 0; ; attempt++) {
      const result = await step(rate);
      steps.push(result);
      process.stderr.write(`bench: saturation ${target.kind} ${JSON.stringify(result)}\n`);
      if (result.ok) return true;
      stoppedBy = loadBound(result.sentRate, rate) ? 'load generator' : result.lost > 0 ? 'lost' : 'p99';
      // One retry, only for what looks like a stall of the (shared) machine: the median update
      // was still on time and nothing was lost. A backlog (median late) or losses fail at once.
      if (attempt > 0 || stoppedBy !== 'p99' || result.p50 > 100) return false;
      await waitUntil(drained, 3000);
    }
  };

  // Warm-up (JIT, first allocations, every writer's first updates) at the first rate, not measured.
  const warm = drive(writers, perDoc, () => rates[0]!);
  await sleep((params.warmup ?? 1) * 1000);
  warm();
  await waitUntil(drained, 3000);
  phase('start');
  let reached = 0;
  let failed: number | null = null;
  for (const rate of rates) {
    if (!(await passes(rate))) {
      failed = rate;
      break;
    }
    reached = rate;
  }
  // Bisect between the last good and the first failed rate, unless the load process was the limit.
  for (let i = 0; i < (params.refine ?? 0) && failed !== null && reached > 0; i++) {
    if (stoppedBy === 'load generator') break;
    const middle = Math.round(Math.sqrt(reached * failed));
    if (middle <= reached || middle >= failed) break;
    await waitUntil(drained, 3000);
    if (await passes(middle)) reached = middle;
    else failed = middle;
  }
  phase('end');
  loop.disable();
  gcObserver.disconnect();
  for (const writer of writers) writer.destroy();
  for (const reader of readers) reader.close();
  let last = steps.findLast((s) => s.ok && s.rate === reached);
  // The load process could not send the next rate: if the server still kept p99 ≤ 100 ms with
  // nothing lost at what was sent, that sent rate is what it demonstrably handled (a lower bound).
  // Before session 4 the step's nominal rate failed, so the figure dropped to the previous rate:
  // 800/s for a server that had just handled 1,400/s, while one for which the load process managed
  // to send ≥ 90 % of 1,600/s got 1,600.
  const sentButBound = steps.at(-1);
  if (
    stoppedBy === 'load generator' &&
    sentButBound &&
    sentButBound.lost === 0 &&
    sentButBound.p99 <= 100 &&
    sentButBound.sentRate > reached
  ) {
    reached = sentButBound.sentRate;
    last = sentButBound;
  }
  return { reached, failed, stoppedBy, p99AtReached: last?.p99 ?? null, steps };
}

/** A small document: about 200 characters typed by one client. */
function smallUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.getText('bench').insert(0, 'Kleine notitie. '.repeat(12));
  return Y.encodeStateAsUpdate(doc);
}

async function memory(): Promise<unknown> {
  const readers = await connectReaders(params.docIds, params.readersPerDoc ?? 2);
  const seed = smallUpdate();
  // The same documents on every server: Werkplaats' are made through its API and start as a new
  // document does (title and default sections, each with an empty paragraph); the others get that
  // same state first, then everyone the same small text.
  const initial = (() => {
    const doc = buildInitialDoc('Naamloos document', DEFAULT_SECTION_HEADINGS);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return state;
  })();
  const first = new Map<string, Reader>();
  for (const reader of readers) if (!first.has(reader.docId)) first.set(reader.docId, reader);
  for (const reader of first.values()) {
    if (target.kind !== 'werkplaats') reader.socket.send(updateFrame(target, reader.docId, initial));
    reader.socket.send(updateFrame(target, reader.docId, seed));
  }
  await sleep(1000);
  phase('start');
  await sleep((params.updates ?? 3) * 1000);
  phase('end');
  const open = readers.filter((reader) => reader.socket.readyState === WebSocket.OPEN).length;
  for (const reader of readers) reader.close();
  return { connections: open, docs: params.docIds.length };
}

async function coldseed(): Promise<unknown> {
  const { update } = b4Update(params.traceEdits);
  for (const docId of params.docIds) {
    const reader = new Reader(docId, true);
    await reader.synced;
    reader.socket.send(updateFrame(target, docId, update));
    if (target.kind === 'werkplaats') await waitUntil(() => reader.acked >= 1, 30_000);
    else await sleep(200);
    reader.close();
  }
  return { seeded: params.docIds.length, bytes: update.length };
}

async function coldload(): Promise<unknown> {
  const times: number[] = [];
  const withConnect: number[] = [];
  for (const docId of params.docIds) {
    const started = performance.now();
    const reader = new Reader(docId);
    await reader.synced;
    times.push(reader.syncedAt - reader.openedAt);
    withConnect.push(reader.syncedAt - started);
    reader.close();
  }
  return {
    p50: round(percentile(times, 50), 1),
    p99: round(percentile(times, 99), 1),
    withConnectP50: round(percentile(withConnect, 50), 1),
    samples: times.length,
  };
}

async function durable(): Promise<unknown> {
  const docId = params.docIds[0]!;
  const total = params.updates ?? 20_000;
  const writerCount = 4;
  const observer = new Reader(docId);
  await observer.synced;
  const writers: Array<{ socket: Reader; frames: Uint8Array[] }> = [];
  for (let w = 0; w < writerCount; w++) {
    const doc = new Y.Doc();
    doc.clientID = 200_000 + w;
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(updateFrame(target, docId, update)));
    const text = doc.getText('bench');
    for (let seq = 0; seq < total / writerCount; seq++) text.insert(text.length, marker(900 + w, seq));
    const socket = new Reader(docId, true);
    await socket.synced;
    writers.push({ socket, frames });
  }
  let lastDelivery = 0;
  observer.onMarker = (_w, _s, now) => {
    lastDelivery = now;
  };
  phase('start');
  const started = performance.now();
  for (let i = 0; i < total / writerCount; i += 250) {
    for (const { socket, frames } of writers) {
      for (const frame of frames.slice(i, i + 250)) socket.socket.send(frame);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const delivered = await waitUntil(() => observer.seen.size >= total, 60_000);
  let ackedAt = Number.NaN;
  if (target.kind === 'werkplaats') {
    await waitUntil(() => writers.every(({ socket, frames }) => socket.acked >= frames.length), 30_000);
    ackedAt = performance.now();
  }
  phase('end');
  const seconds = (lastDelivery - started) / 1000;
  for (const { socket } of writers) socket.close();
  observer.close();
  return {
    updatesPerSecond: Math.round(observer.seen.size / seconds),
    ackedPerSecond: Number.isNaN(ackedAt) ? null : Math.round(total / ((ackedAt - started) / 1000)),
    delivered: observer.seen.size,
    complete: delivered,
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function versions(): Promise<unknown> {
  const api = async (method: string, path: string, body?: unknown, retry = true): Promise<unknown> => {
    // A keep-alive connection the server closed while the client was busy (the B4 replay takes
    // seconds) fails with "fetch failed"; one retry on a fresh connection. An extra version created
    // by a retried POST does not change what is measured.
    const response = await fetch(`${target.url}${path}`, {
      method,
      headers: { cookie: target.cookie ?? '', 'content-type': 'application/json', origin: target.url },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) => {
      if (retry) return null;
      throw error;
    });
    if (!response) return api(method, path, body, false);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as unknown;
  };
  const [smallDoc, b4Doc] = params.docIds as [string, string];
  const count = params.versions ?? 1000;
  phase('start');
  // Create: a small document, `count` times (this also fills the list).
  const createSmall: number[] = [];
  const timedCreates = Math.min(count, 50);
  for (let i = 0; i < timedCreates; i++) {
    const [, ms] = await timed(() => api('POST', `/api/documents/${smallDoc}/versions`, { label: `v${i}` }));
    createSmall.push(ms);
  }
  // The rest only fill the list: eight at a time.
  for (let i = timedCreates; i < count; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, count - i) }, (_, j) =>
        api('POST', `/api/documents/${smallDoc}/versions`, { label: `v${i + j}` }),
      ),
    );
  }
  const list: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [listed, ms] = await timed(() => api('GET', `/api/documents/${smallDoc}/versions`));
    if (!Array.isArray(listed) || listed.length < count) throw new Error('versions list too short');
    list.push(ms);
  }
  // Two versions of a document holding half, then all, of the B4 trace.
  const trace = loadB4(params.traceEdits);
  const doc = new Y.Doc();
  doc.clientID = 5;
  const socket = new Reader(b4Doc, true);
  socket.socket.on('message', (data: Buffer) => {
    const decoded = decodeFrame(target, data);
    if (decoded.kind === 'step2' && decoded.payload) Y.applyUpdate(doc, decoded.payload);
  });
  await socket.synced;
  let sentCount = 0;
  const push = async (from: number, to: number) => {
    const before = Y.encodeStateVector(doc);
    replayInto(doc, trace, from, to);
    socket.socket.send(updateFrame(target, b4Doc, Y.encodeStateAsUpdate(doc, before)));
    sentCount++;
    if (!(await waitUntil(() => socket.acked >= sentCount, 30_000))) throw new Error('no durable ack');
  };
  const half = Math.floor(trace.patches.length / 2);
  await push(0, half);
  const [a, createB4a] = await timed(() =>
    api('POST', `/api/documents/${b4Doc}/versions`, { label: 'half' }),
  );
  await push(half, trace.patches.length);
  const [b, createB4b] = await timed(() => api('POST', `/api/documents/${b4Doc}/versions`, { label: 'all' }));
  socket.close();
  // The two above come right after a 100 KB+ update was applied (its GC and metadata flush can land
  // inside them): reported apart as the first create; the figure is the median of 5 settled ones.
  await sleep(500);
  const createB4: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [, ms] = await timed(() => api('POST', `/api/documents/${b4Doc}/versions`, { label: `B4 ${i}` }));
    createB4.push(ms);
  }
  const diff: number[] = [];
  const from = (a as { id: string }).id;
  const to = (b as { id: string }).id;
  for (let i = 0; i < 5; i++) {
    const [, ms] = await timed(() => api('GET', `/api/documents/${b4Doc}/diff?from=${from}&to=${to}`));
    diff.push(ms);
  }
  phase('end');
  return {
    createSmallP50: round(percentile(createSmall, 50), 2),
    createB4: round(percentile(createB4, 50), 1),
    createB4First: round(Math.max(createB4a, createB4b), 1),
    listP50: round(percentile(list, 50), 2),
    listed: count,
    diffP50: round(percentile(diff, 50), 1),
  };
}

const modes = { fanout, saturation, memory, coldseed, coldload, durable, versions };
const timeout = setTimeout(() => {
  result({ error: 'load process timed out' });
  process.exit(2);
}, 180_000);
try {
  result(await modes[params.mode]());
} catch (error) {
  result({ error: error instanceof Error ? error.message : String(error) });
}
clearTimeout(timeout);
process.exit(0);
