import WebSocket from 'ws';
import * as Y from 'yjs';
import { buildInitialDoc } from '../../server/commands/createDocument';
import { DEFAULT_SECTION_HEADINGS } from '../../shared/editor/fields';
import { marker, updateFrame } from '../lib/protocol';
import { percentile, round, sleep } from '../lib/stats';
import { b4Update } from '../lib/trace';
import { connectReaders, drive, Reader, Writer } from './clients';
import { params, phase, target, waitUntil } from './context';

/*
 * The load modes but the saturation ramp (saturation.ts) and the versions API (versions.ts).
 */

function latencySummary(latencies: number[]) {
  return {
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    p999: round(percentile(latencies, 99.9), 2),
    max: round(percentile(latencies, 100), 2),
    samples: latencies.length,
  };
}

/** Readers and writers on every document at a fixed rate: delivery latency and losses. */
export async function fanout(): Promise<unknown> {
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

/** A small document: about 200 characters typed by one client. */
function smallUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 7;
  doc.getText('bench').insert(0, 'Kleine notitie. '.repeat(12));
  return Y.encodeStateAsUpdate(doc);
}

/** Idle sockets on many small documents: how much memory they hold. */
export async function memory(): Promise<unknown> {
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

/** Writes the B4 trace into each document (before a restart and coldload). */
export async function coldseed(): Promise<unknown> {
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

/** Opens each document once after a restart: socket open → sync step 2. */
export async function coldload(): Promise<unknown> {
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

/** Four sockets pipelining updates into one document: relayed and durably acked per second. */
export async function durable(): Promise<unknown> {
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
