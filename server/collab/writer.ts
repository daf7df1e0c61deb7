import { isEmptyUpdate } from '../stores/docStorage/seqs';
import type { SqliteDocStorage } from '../stores/docStorage/sqlite';
import { log } from '../log';
import type { Connection } from './connection';

/** An accepted update waiting for its group commit. */
export interface PendingWrite {
  docId: string;
  update: Uint8Array;
  /** The socket it came from (null for server-side writes). */
  origin: Connection | null;
  /** The origin's document-update frame count when this update arrived (acked after commit). */
  ackCount: number;
  /** performance.now() when it was queued; set by UpdateWriter.enqueue (latency metrics). */
  queuedAt?: number;
}

/**
 * Called after a batch is on disk, in arrival order; `seqs[i]` is the update's place in its
 * document's log, 0 for an empty update (not stored).
 */
export type CommitListener = (batch: PendingWrite[], seqs: number[]) => void;

/** What a committer measured of a batch's commit, in ms, where it can tell them apart. */
export interface CommitTimings {
  /** The transaction itself (on the committer's thread or connection). */
  transactionMs: number;
  /** Waiting for durability (fsync), when measured separately from the transaction. */
  syncMs?: number;
}

/**
 * How a committer reports a batch: the seqs on success, or the error (nothing written); a
 * committer on another thread also says how long the transaction took there (`ms`), or reports
 * `timings` in detail.
 */
export type CommitDone = (error: Error | null, seqs?: number[], ms?: number, timings?: CommitTimings) => void;

/**
 * One committed batch's path, as performance.now() instants: its oldest update queued, the commit
 * started, the committer answered, and the batch applied, relayed and acked (onCommitted returned).
 */
export interface BatchTimings {
  updates: number;
  queuedAt: number;
  startedAt: number;
  committedAt: number;
  appliedAt: number;
  /** As the committer reported it; measured here when it answered synchronously. */
  transactionMs?: number;
  syncMs?: number;
}

/** Told about every committed batch (metrics); must be cheap, it runs on the commit path. */
export type BatchObserver = (timings: BatchTimings) => void;

/**
 * Appends a batch of updates to the log in one transaction. `done` may be called synchronously (on
 * the event loop's SQLite connection) or later (a worker thread, PostgreSQL), and only once the
 * transaction is durable; one batch is in flight at a time.
 */
export interface Committer {
  commit(writes: readonly PendingWrite[], done: CommitDone): void;
  /** Releases what the committer holds; called once no batch is in flight. */
  close(): void;
}

/** Commits on the caller's thread through the given storage (its connection's pragmas apply). */
export function syncCommitter(storage: SqliteDocStorage): Committer {
  return {
    commit(writes, done) {
      let seqs: number[];
      try {
        seqs = storage.appendBatch(writes);
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      done(null, seqs);
    },
    close() {},
  };
}

const MAX_RETRY_DELAY_MS = 5_000;

/**
 * Group commit: every update that arrives while no commit is running is appended in one
 * transaction at the end of the event-loop turn (setImmediate), so one fsync covers them all; with
 * a committer that answers later (worker thread, PostgreSQL), what arrives during a commit forms the
 * next batch. Only after the commit are they handed on (relay, apply, ack). If the commit fails
 * (disk full, SQLITE_BUSY, the database restarting) the batch goes back to the front of the queue
 * and is retried with backoff; nothing is relayed or acked meanwhile, so clients keep their
 * unsynced changes.
 */
export class UpdateWriter {
  private queue: PendingWrite[] = [];
  private inFlight: PendingWrite[] | null = null;
  private timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private failures = 0;
  private idleWaiters: Array<() => void> = [];
  /** Called when the batch in flight has been answered (close waits for it). */
  private answered: Array<() => void> = [];
  private closed = false;

  constructor(
    /** Where batches are committed. */
    readonly committer: Committer,
    private readonly onCommitted: CommitListener,
    private readonly observe?: BatchObserver,
  ) {}

  /**
   * Queues an update for the next group commit. After close() it is dropped: never stored, so never
   * acked; its client sends it again when it reconnects.
   */
  enqueue(write: PendingWrite): void {
    if (this.closed) return;
    write.queuedAt = performance.now();
    this.queue.push(write);
    if (!this.timer && !this.inFlight) this.timer = setImmediate(() => this.flush());
  }

  /** Number of updates waiting for a commit (queued or being committed). */
  get pending(): number {
    return this.queue.length + (this.inFlight?.length ?? 0);
  }

  /**
   * Starts committing everything queued now (unless a commit is running: its end starts the next).
   * Returns false if storage failed synchronously (a retry is scheduled).
   */
  flush(): boolean {
    this.clearTimer();
    if (this.inFlight) return true;
    const batch = this.queue;
    if (batch.length === 0) {
      this.notifyIdle();
      return true;
    }
    this.queue = [];
    // Only empty updates (every socket's sync step 2 on connect, a read-only socket's answer):
    // nothing to store, so no transaction and no trip to the commit thread — a connection storm
    // (thousands of sockets opening) costs the committer nothing. Everything queued before them is
    // committed (nothing is in flight), so their acks keep their order.
    if (batch.every((write) => isEmptyUpdate(write.update))) {
      this.onCommitted(
        batch,
        batch.map(() => 0),
      );
      this.notifyIdle();
      return true;
    }
    this.inFlight = batch;
    let ok = true;
    let inline = true;
    const startedAt = performance.now();
    this.committer.commit(batch, (error, seqs, ms, timings) => {
      const committedAt = performance.now();
      this.inFlight = null;
      if (error || !seqs) {
        ok = false;
        this.failed(batch, error ?? new Error('no seqs'));
      } else {
        this.failures = 0;
        this.onCommitted(batch, seqs);
        this.observe?.({
          updates: batch.length,
          // A retried batch is back at the queue's front, so the first is always the oldest.
          queuedAt: batch[0]!.queuedAt ?? startedAt,
          startedAt,
          committedAt,
          appliedAt: performance.now(),
          transactionMs: timings?.transactionMs ?? ms ?? (inline ? committedAt - startedAt : undefined),
          syncMs: timings?.syncMs,
        });
        if (this.queue.length === 0) this.notifyIdle();
        else if (!this.timer && !this.closed) this.timer = setImmediate(() => this.flush());
      }
      const waiting = this.answered;
      this.answered = [];
      for (const resolve of waiting) resolve();
    });
    inline = false;
    return ok;
  }

  private failed(batch: PendingWrite[], error: Error): void {
    this.queue = batch.concat(this.queue);
    this.failures++;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** this.failures);
    log.error('group commit failed; will retry', {
      updates: batch.length,
      attempt: this.failures,
      retryInMs: delay,
      error: error.message,
    });
    this.clearTimer();
    if (!this.closed) this.timer = setTimeout(() => this.flush(), delay);
  }

  /** Resolves once nothing is waiting for a commit. */
  whenIdle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Shutdown: waits for the commit in flight, commits what is queued once more (no retries), then
   * closes the committer. Resolves with whether everything was committed.
   */
  async close(): Promise<boolean> {
    this.clearTimer();
    this.closed = true;
    await this.inFlightAnswered();
    if (this.queue.length > 0) {
      this.flush();
      await this.inFlightAnswered();
    }
    this.clearTimer();
    this.committer.close();
    return this.queue.length === 0;
  }

  private inFlightAnswered(): Promise<void> {
    if (!this.inFlight) return Promise.resolve();
    return new Promise((resolve) => this.answered.push(resolve));
  }

  private clearTimer(): void {
    if (!this.timer) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = null;
  }

  private notifyIdle(): void {
    if (this.pending > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
