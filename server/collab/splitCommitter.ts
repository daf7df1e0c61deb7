import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/connection';
import type { SqliteDocStorage } from '../stores/docStorage/sqlite';
import { log } from '../log';
import type { Committer, CommitDone, PendingWrite } from './writer';

/** What happens when an fsync of the WAL fails: by default the process stops (see below). */
export type SyncFailed = (error: Error) => void;

/** How the WAL is synced: fs.fsync (tests hold the answer back to watch what waits for it). */
export type Fsync = (fd: number, callback: (error: Error | null) => void) => void;

const stopProcess: SyncFailed = (error) => {
  log.error('fsync of the SQLite WAL failed; stopping so that recovery decides what is durable', {
    error: error.message,
  });
  process.exit(70);
};

/**
 * Group commit in two halves (`COMMIT_THREAD=split`): the transaction runs on the event
 * loop with `synchronous=NORMAL` — SQLite writes the WAL frames but does not wait for the disk —
 * and the fsync of the WAL file that `synchronous=FULL` would have made inside the commit runs on
 * libuv's thread pool; the batch is reported (relayed, applied, acked) only once that fsync is
 * done. So durability before relay is exactly FULL's (the same file, the same fsync, before
 * anything leaves), but the loop never waits for the disk and no second JavaScript thread competes
 * for the cores (docs/benchmarks.md, session 9). Every other transaction on the connection keeps
 * FULL. Readers on this connection can see a batch during its fsync; anything written after it is
 * later in the same WAL, whose frames SQLite's recovery only keeps as an unbroken prefix, so
 * nothing can outlive it on disk.
 *
 * A failed fsync cannot be retried safely (Linux may drop the dirty pages and report success the
 * next time), and the batch is already visible in the WAL: as PostgreSQL does, the process stops
 * and recovery on restart decides what is durable; clients re-send what was never acked.
 */
export class SplitCommitter implements Committer {
  private readonly walPath: string;
  private wal: { fd: number; ino: number } | undefined;

  constructor(
    private readonly db: Db,
    private readonly storage: SqliteDocStorage,
    private readonly onSyncFailed: SyncFailed = stopProcess,
    private readonly fsync: Fsync = fs.fsync,
  ) {
    this.walPath = `${db.name}-wal`;
  }

  commit(writes: readonly PendingWrite[], done: CommitDone): void {
    const started = performance.now();
    let seqs: number[];
    // exec, not a prepared statement: SQLite applies this pragma while preparing it.
    this.db.exec('PRAGMA synchronous = NORMAL');
    try {
      seqs = this.storage.appendBatch(writes);
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)));
      return;
    } finally {
      this.db.exec('PRAGMA synchronous = FULL');
    }
    const committed = performance.now();
    let fd: number;
    try {
      fd = this.walFd();
    } catch (error) {
      this.onSyncFailed(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.fsync(fd, (error) => {
      if (error) return this.onSyncFailed(error);
      done(null, seqs, committed - started, {
        transactionMs: committed - started,
        syncMs: performance.now() - committed,
      });
    });
  }

  close(): void {
    if (this.wal) fs.closeSync(this.wal.fd);
    this.wal = undefined;
  }

  /**
   * The WAL file's descriptor, reopened if the file was replaced (it is not while this connection is
   * open, but a descriptor of an unlinked file would sync nothing). The first open also syncs the
   * directory, as SQLite does for a file it created.
   */
  private walFd(): number {
    const ino = fs.statSync(this.walPath).ino;
    if (this.wal?.ino === ino) return this.wal.fd;
    if (this.wal) fs.closeSync(this.wal.fd);
    const fd = fs.openSync(this.walPath, 'r');
    this.wal = { fd, ino: fs.fstatSync(fd).ino };
    const dir = fs.openSync(path.dirname(this.walPath), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
    return fd;
  }
}
