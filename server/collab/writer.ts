import type { DocStorage } from '../stores/docStorage';
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
}

/** Called after a batch is on disk, in arrival order; `logIds[i]` is 0 for an empty update. */
export type CommitListener = (batch: PendingWrite[], logIds: number[]) => void;

const MAX_RETRY_DELAY_MS = 5_000;

/** True for a Yjs v1 update that carries nothing (no structs, no deletions). */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length <= 2 && update.every((byte) => byte === 0);
}

/**
 * Group commit: every update that arrives in one event-loop turn is appended in one SQLite
 * transaction at the end of the turn (setImmediate), so one fsync covers them all. Only after the
 * commit are they handed on (relay, apply, ack). If the commit fails (disk full, SQLITE_BUSY) the
 * batch stays queued and is retried with backoff; nothing is relayed or acked meanwhile, so clients
 * keep their unsynced changes.
 */
export class UpdateWriter {
  private queue: PendingWrite[] = [];
  private timer: NodeJS.Immediate | NodeJS.Timeout | null = null;
  private failures = 0;
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly storage: DocStorage,
    private readonly onCommitted: CommitListener,
  ) {}

  /** Queues an update for the next group commit. */
  enqueue(write: PendingWrite): void {
    this.queue.push(write);
    if (!this.timer) this.timer = setImmediate(() => this.flush());
  }

  /** Number of updates waiting for a commit. */
  get pending(): number {
    return this.queue.length;
  }

  /** Commits everything queued now. Returns false if storage failed (a retry is scheduled). */
  flush(): boolean {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
      this.timer = null;
    }
    const batch = this.queue;
    if (batch.length === 0) {
      this.notifyIdle();
      return true;
    }
    let logIds: number[];
    try {
      logIds = this.storage.transaction(() =>
        batch.map((write) =>
          isEmptyUpdate(write.update) ? 0 : this.storage.append(write.docId, write.update),
        ),
      );
    } catch (error) {
      this.failures++;
      const delay = Math.min(MAX_RETRY_DELAY_MS, 50 * 2 ** this.failures);
      log.error('group commit failed; will retry', {
        updates: batch.length,
        attempt: this.failures,
        retryInMs: delay,
        error: error instanceof Error ? error.message : String(error),
      });
      this.timer = setTimeout(() => this.flush(), delay);
      return false;
    }
    this.queue = [];
    this.failures = 0;
    this.onCommitted(batch, logIds);
    if (this.queue.length === 0) this.notifyIdle();
    return true;
  }

  /** Resolves once nothing is waiting for a commit. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops retrying (shutdown); returns whether everything was committed. */
  close(): boolean {
    const ok = this.flush();
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      this.timer = null;
    }
    return ok;
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
