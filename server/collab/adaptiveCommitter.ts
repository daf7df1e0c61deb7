import { performance } from 'node:perf_hooks';
import { log } from '../log';
import type { Committer, CommitDone, PendingWrite } from './writer';

/** When group commits move off the event loop and when they come back. */
export interface AdaptivePolicy {
  /** An inline commit that kept the event loop longer than this is slow (ms). */
  slowMs: number;
  /** This many slow inline commits among the last `window` move commits to the worker thread. */
  slowToSwitch: number;
  window: number;
  /** One inline commit this long moves commits to the worker at once (ms). */
  stallMs: number;
  /**
   * After this many worker commits in a row that took at most `fastMs` inside the worker (what the
   * same commit would have held the loop for), back inline.
   */
  fastToReturn: number;
  fastMs: number;
  /**
   * Least time on the worker before coming back (ms). Doubled, up to `maxStayMs`, when commits
   * return to the worker within a minute of coming back (a disk that is slow on and off), so they
   * don't keep bouncing: each bounce costs the loop the slow commits that trigger the move.
   */
  stayMs: number;
  maxStayMs: number;
}

export const DEFAULT_ADAPTIVE_POLICY: AdaptivePolicy = {
  // Not lower: the first seconds after a start bring a few commits of several ms, and a worker
  // thread busy for those costs more than it saves; a disk whose fsyncs take longer is what the
  // worker is for (docs/benchmarks.md, Finding 22).
  slowMs: 10,
  slowToSwitch: 3,
  window: 200,
  stallMs: 25,
  fastToReturn: 100,
  fastMs: 4,
  stayMs: 10_000,
  maxStayMs: 300_000,
};

/** A committer that runs on another thread and reports how long each commit took there. */
export interface ThreadCommitter extends Committer {
  pragmaSync(sql: string): unknown;
}

/**
 * Group commit on the event loop while the disk is quick, on the worker thread while it is not
 * (`COMMIT_THREAD=auto`, the default). Inline, a commit costs the loop its fsync but no hand-over
 * between threads, which is cheaper on a quick disk (docs/benchmarks.md, Finding 16). When commits
 * start to hold the loop (a slow or busy disk, a large batch), the next batches go to the worker
 * (started on first need), so other rooms keep being served; once the worker's commits have been
 * quick for a while (AdaptivePolicy.stayMs), they come back. Durability is the same either way
 * (both connections are WAL + synchronous=FULL) and one batch is in flight at a time, so order
 * holds across a switch.
 */
export class AdaptiveCommitter implements Committer {
  private current: 'inline' | 'worker' = 'inline';
  private thread: ThreadCommitter | undefined;
  /** Commit numbers of the recent slow inline commits. */
  private slow: number[] = [];
  private commits = 0;
  private quickInARow = 0;
  /** How often commits changed thread (tests, logs). */
  switches = 0;
  /** When commits last moved to the worker / came back inline (performance.now()). */
  private movedAt = 0;
  private returnedAt = Number.NEGATIVE_INFINITY;
  private stay: number;

  constructor(
    private readonly inline: Committer,
    private readonly startThread: () => ThreadCommitter,
    private readonly policy: AdaptivePolicy = DEFAULT_ADAPTIVE_POLICY,
  ) {
    this.stay = policy.stayMs;
  }

  /** Where the next batch is committed. */
  get mode(): 'inline' | 'worker' {
    return this.current;
  }

  /** The worker thread's committer, once it was needed. */
  get worker(): ThreadCommitter | undefined {
    return this.thread;
  }

  commit(writes: readonly PendingWrite[], done: CommitDone): void {
    if (this.current === 'worker' && this.thread) {
      this.thread.commit(writes, (error, seqs, ms, timings) => {
        if (!error) this.afterThreadCommit(ms);
        done(error, seqs, ms, timings);
      });
      return;
    }
    const started = performance.now();
    this.inline.commit(writes, (error, seqs) => {
      // A failed commit held the loop too (SQLITE_BUSY waits out its timeout), so it counts.
      this.afterInlineCommit(performance.now() - started);
      done(error, seqs);
    });
  }

  close(): void {
    this.thread?.close();
    this.inline.close();
  }

  private afterInlineCommit(ms: number): void {
    this.commits++;
    if (ms <= this.policy.slowMs) return;
    this.slow.push(this.commits);
    while (this.slow.length > 0 && this.slow[0]! <= this.commits - this.policy.window) this.slow.shift();
    if (this.slow.length >= this.policy.slowToSwitch || ms >= this.policy.stallMs) {
      this.switchTo('worker', { lastMs: Math.round(ms * 10) / 10, slowCommits: this.slow.length });
    }
  }

  private afterThreadCommit(ms: number | undefined): void {
    if (ms === undefined) return;
    this.quickInARow = ms <= this.policy.fastMs ? this.quickInARow + 1 : 0;
    if (this.quickInARow >= this.policy.fastToReturn && performance.now() - this.movedAt >= this.stay) {
      this.switchTo('inline', { quickCommits: this.quickInARow });
    }
  }

  private switchTo(mode: 'inline' | 'worker', details: Record<string, number>): void {
    const now = performance.now();
    if (mode === 'worker') {
      this.thread ??= this.startThread();
      this.stay =
        now - this.returnedAt < 60_000 ? Math.min(this.stay * 2, this.policy.maxStayMs) : this.policy.stayMs;
      this.movedAt = now;
      details = { ...details, stayMs: this.stay };
    } else {
      this.returnedAt = now;
    }
    this.current = mode;
    this.slow = [];
    this.quickInARow = 0;
    this.switches++;
    log.info(
      mode === 'worker' ? 'group commits moved to the worker thread' : 'group commits back on the event loop',
      details,
    );
  }
}
