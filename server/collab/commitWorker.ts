import { createRequire } from 'node:module';
import { MessageChannel, MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { ADVANCE_HEAD_SQL, APPEND_SQL } from '../stores/docStorage/sqlite';
import type { Committer, CommitDone, PendingWrite } from './writer';

/**
 * The worker's code. It is plain JavaScript evaluated in the worker (`eval: true`), so it runs the
 * same under tsx, vitest and a built bundle without a loader: open a second connection to the same
 * database file with the server's durability pragmas, and append each batch of updates in one
 * transaction (DocStorage's statements, passed in). Every reply is followed by a bump of a shared
 * counter, so the main thread can also wait for it synchronously (shutdown).
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite);
const port = workerData.port;
const signal = new Int32Array(workerData.signal);
const db = new Database(workerData.file);
if (String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase() !== 'wal') {
  throw new Error('SQLite refused WAL mode');
}
db.pragma('synchronous = FULL');
if (db.pragma('synchronous', { simple: true }) !== 2) throw new Error('SQLite synchronous is not FULL');
db.pragma('busy_timeout = ' + Number(workerData.busyTimeoutMs));
const advanceHead = db.prepare(workerData.advanceHeadSql);
const insert = db.prepare(workerData.appendSql);
const isEmpty = (u) => u.length <= 2 && u.every((b) => b === 0);
// As DocStorage.appendBatch: each document's head advanced once, its rows numbered in batch order.
const append = db.transaction((docIds, data, ends, now) => {
  const updates = ends.map((end, i) => data.subarray(i === 0 ? 0 : ends[i - 1], end));
  const next = new Map();
  updates.forEach((update, i) => {
    if (!isEmpty(update)) next.set(docIds[i], (next.get(docIds[i]) || 0) + 1);
  });
  for (const [docId, count] of next) next.set(docId, advanceHead.get(docId, count).seq - count + 1);
  return updates.map((update, i) => {
    if (isEmpty(update)) return 0;
    const seq = next.get(docIds[i]);
    next.set(docIds[i], seq + 1);
    insert.run(docIds[i], seq, update, now);
    return seq;
  });
});
port.on('message', (message) => {
  let reply;
  try {
    if (message.type === 'commit') {
      const started = performance.now();
      const result = append(message.docIds, message.data, message.ends, message.now);
      reply = { ok: true, result, ms: performance.now() - started };
    } else if (message.type === 'pragma') {
      reply = { ok: true, result: db.pragma(message.sql, { simple: true }) };
    } else {
      db.close();
      reply = { ok: true, result: null };
    }
  } catch (error) {
    reply = { ok: false, message: String(error && error.message), code: error && error.code };
  }
  port.postMessage(reply);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
  if (message.type === 'close') port.close();
});
`;

/** Heap limits of the commit worker, in MB; see start(). */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 64 } as const;

type Reply = { ok: true; result: unknown; ms?: number } | { ok: false; message: string; code?: string };

/** An error from the worker's connection, with SQLite's code (SQLITE_FULL, SQLITE_BUSY, …). */
export class CommitError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface WorkerCommitterOptions {
  /** The database file (the main connection's `db.name`). */
  file: string;
  /** busy_timeout of the worker's connection. */
  busyTimeoutMs: number;
}

/**
 * Commits update batches on a worker thread with its own SQLite connection, so the fsync of each
 * group commit (synchronous=FULL) no longer stops the event loop: while the disk syncs one batch,
 * the server keeps reading frames, relaying what is committed and serving HTTP — and the next batch
 * grows meanwhile (group commit adapts to the disk). One request is in flight at a time, in order.
 * A worker that dies is restarted on the next request; the failed request is reported as an error
 * and the writer retries it.
 */
export class WorkerCommitter implements Committer {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private waiting: ((reply: Reply) => void) | null = null;

  constructor(private readonly options: WorkerCommitterOptions) {
    // Start now: a thread and a connection take tens of ms, which the first edit should not wait for.
    this.start();
  }

  commit(writes: readonly PendingWrite[], done: CommitDone): void {
    // One buffer for the batch, moved (not copied) to the worker. Structured clone would copy each
    // update's whole ArrayBuffer, and an update received from ws is a view into the socket's read.
    let total = 0;
    const ends = writes.map((write) => (total += write.update.length));
    const data = new Uint8Array(total);
    writes.forEach((write, i) => data.set(write.update, i === 0 ? 0 : ends[i - 1]));
    this.request(
      { type: 'commit', docIds: writes.map((write) => write.docId), data, ends, now: Date.now() },
      (reply) => (reply.ok ? done(null, reply.result as number[], reply.ms) : done(toError(reply))),
      [data.buffer],
    );
  }

  /** Blocks until the request in flight (if any) is answered, and delivers its answer. */
  drainSync(): void {
    while (this.waiting && this.port) {
      const seen = Atomics.load(this.signal, 0);
      const message = receiveMessageOnPort(this.port);
      if (message) {
        this.deliver(message.message as Reply);
        return;
      }
      // 'timed-out' after 5 s: look again (and give up if the worker is gone).
      if (Atomics.wait(this.signal, 0, seen, 5_000) === 'timed-out' && !this.worker) return;
    }
  }

  /** Runs a pragma on the worker's connection and answers its first value (tests inject faults so). */
  pragmaSync(sql: string): unknown {
    let result: Reply | undefined;
    this.drainSync();
    this.request({ type: 'pragma', sql }, (reply) => (result = reply));
    this.drainSync();
    if (!result) throw new Error('commit worker did not answer');
    if (!result.ok) throw toError(result);
    return result.result;
  }

  /** Closes the worker's connection (after the request in flight) and ends the thread. */
  close(): void {
    this.drainSync();
    if (!this.worker) return;
    this.request({ type: 'close' }, () => undefined);
    this.drainSync();
    void this.worker.terminate();
    this.worker = null;
    this.port = null;
  }

  private request(message: object, onReply: (reply: Reply) => void, transfer: ArrayBuffer[] = []): void {
    if (this.waiting) throw new Error('commit worker: one request at a time');
    const port = this.start();
    this.waiting = onReply;
    // Keep the process alive while an answer is due, not otherwise.
    port.ref();
    port.postMessage(message, transfer);
  }

  private deliver(reply: Reply): void {
    const waiting = this.waiting;
    this.waiting = null;
    this.port?.unref();
    waiting?.(reply);
  }

  private start(): MessagePort {
    if (this.worker && this.port) return this.port;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // Plain JavaScript: no loader (tsx) in the worker, which keeps it small and quick to start.
      execArgv: [],
      // It holds one batch at a time (the updates themselves are one transferred buffer, outside the
      // heap): V8's defaults for a thread (young generation up to 16 MB per semi-space) only cost
      // resident memory here.
      resourceLimits: WORKER_LIMITS,
      workerData: {
        file: this.options.file,
        busyTimeoutMs: this.options.busyTimeoutMs,
        betterSqlite: createRequire(import.meta.url).resolve('better-sqlite3'),
        advanceHeadSql: ADVANCE_HEAD_SQL,
        appendSql: APPEND_SQL,
        signal: this.signal.buffer,
        port: port2,
      },
      transferList: [port2],
    });
    worker.unref();
    const gone = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.port = null;
      port1.close();
      if (this.waiting) this.deliver({ ok: false, message: `commit worker stopped: ${error.message}` });
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`exit code ${code}`)));
    port1.on('message', (reply: Reply) => this.deliver(reply));
    port1.unref();
    this.worker = worker;
    this.port = port1;
    return port1;
  }
}

function toError(reply: Extract<Reply, { ok: false }>): CommitError {
  return new CommitError(reply.message, reply.code);
}
