import * as Y from 'yjs';
import { decodeFrame, updateFrame } from '../lib/protocol';
import { percentile, round, sleep } from '../lib/stats';
import { loadB4, replayInto } from '../lib/trace';
import { Reader } from './clients';
import { params, phase, target, waitUntil } from './context';

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

/** Versions over the HTTP API: create, list and diff, on a small and on a B4 document. */
export async function versions(): Promise<unknown> {
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
  // A version of an unchanged document is not stored (the newest is answered), so one letter is
  // typed, durably, before each version.
  const small = new Reader(smallDoc, true);
  await small.synced;
  const typed = new Y.Doc();
  typed.clientID = 6;
  let typedCount = 0;
  const type = async () => {
    const before = Y.encodeStateVector(typed);
    typed.getText('bench').insert(0, 'x');
    small.socket.send(updateFrame(target, smallDoc, Y.encodeStateAsUpdate(typed, before)));
    typedCount++;
    if (!(await waitUntil(() => small.acked >= typedCount, 30_000))) throw new Error('no durable ack');
  };
  // Create: a small document, `count` times (this also fills the list).
  const createSmall: number[] = [];
  const timedCreates = Math.min(count, 50);
  for (let i = 0; i < count; i++) {
    await type();
    const [, ms] = await timed(() => api('POST', `/api/documents/${smallDoc}/versions`, { label: `v${i}` }));
    if (i < timedCreates) createSmall.push(ms);
  }
  small.close();
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
