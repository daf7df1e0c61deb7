import * as Y from 'yjs';
import { marker, updateFrame } from '../lib/protocol';
import { Reader } from './clients';
import { params, phase, target, waitUntil } from './context';

/*
 * `--cluster`'s write throughput: the durable scenario's four pipelining sockets, split over
 * documents and instances, so one and two instances get exactly the same load.
 */

const WRITERS = 4;

/**
 * Four sockets pipeline `updates` small updates, two per document; document d is written (and
 * watched by one observer socket) through instanceUrls[d % length]. Acked/s = all updates over the
 * time until every socket had its durable-acks; relayed/s = deliveries to the observers over the
 * time until the last one.
 */
export async function clusterDurable(): Promise<unknown> {
  const urls = params.instanceUrls ?? [target.url];
  const docIds = params.docIds.slice(0, 2);
  const total = params.updates ?? 24_000;
  const on = (d: number) => ({ ...target, url: urls[d % urls.length]! });
  const observers = docIds.map((docId, d) => new Reader(docId, false, on(d)));
  await Promise.all(observers.map((observer) => observer.synced));
  const writers: Array<{ socket: Reader; frames: Uint8Array[] }> = [];
  for (let w = 0; w < WRITERS; w++) {
    const d = w % docIds.length;
    const docId = docIds[d]!;
    const doc = new Y.Doc();
    doc.clientID = 200_000 + w;
    const frames: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => frames.push(updateFrame(target, docId, update)));
    const text = doc.getText('bench');
    for (let seq = 0; seq < total / WRITERS; seq++) text.insert(text.length, marker(900 + w, seq));
    const socket = new Reader(docId, true, on(d));
    await socket.synced;
    writers.push({ socket, frames });
  }
  const perDoc = total / docIds.length;
  let lastDelivery = 0;
  for (const observer of observers) {
    observer.onMarker = (_w, _s, now) => {
      lastDelivery = now;
    };
  }
  phase('start');
  const started = performance.now();
  // The durable scenario's pacing: 250 frames per socket, then a turn of the event loop.
  for (let i = 0; i < total / WRITERS; i += 250) {
    for (const { socket, frames } of writers) {
      for (const frame of frames.slice(i, i + 250)) socket.socket.send(frame);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const acked = await waitUntil(
    () => writers.every(({ socket, frames }) => socket.acked >= frames.length),
    60_000,
  );
  const ackedAt = performance.now();
  const delivered = await waitUntil(
    () => observers.every((observer) => observer.seen.size >= perDoc),
    30_000,
  );
  phase('end');
  const seen = observers.reduce((sum, observer) => sum + observer.seen.size, 0);
  for (const { socket } of writers) socket.close();
  for (const observer of observers) observer.close();
  if (!acked) return { error: `not every update acked within 60 s (${urls.length} instance(s))` };
  return {
    ackedPerSecond: Math.round(total / ((ackedAt - started) / 1000)),
    updatesPerSecond: Math.round(seen / ((lastDelivery - started) / 1000)),
    delivered: seen,
    complete: delivered,
    instances: urls.length,
  };
}
