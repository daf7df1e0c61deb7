import type { AppDeps } from '../deps';
import { log } from '../log';
import { saveAutoVersion } from '../commands/versions';
import { thinnedAway } from './thinning';

/** When automatic versions are recorded (0 turns them off). */
export interface AutoVersionTiming {
  /** A version once nobody has edited for this long. */
  idleMs: number;
  /** And at least this often while editing goes on. */
  activeMs: number;
}

interface Pending {
  authors: Set<string>;
  firstAt: number;
  /** When a tick last saw edits (a tick's resolution: `edited` reads no clock, it runs per update). */
  lastAt: number;
  /** Edited since the last tick. */
  fresh: boolean;
}

/**
 * Records versions on its own while people edit: the rooms report who committed an edit to which
 * document (on this instance), and once a document has rested `idleMs` — or has been edited for
 * `activeMs` — its committed state is stored as an automatic version with those authors, then old
 * automatic versions of that document are thinned (thinning.ts). Nothing happens on the commit path:
 * `edited` only notes a name and a time. Another instance records the edits of its own sockets; a
 * state already stored (the same fingerprint as the newest version) is not stored again.
 */
export class AutoVersions {
  private readonly pending = new Map<string, Pending>();
  private readonly timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: AppDeps,
    private readonly timing: AutoVersionTiming,
  ) {
    if (timing.idleMs <= 0) return;
    const checkMs = Math.max(100, Math.min(30_000, Math.min(timing.idleMs, timing.activeMs) / 4));
    this.timer = setInterval(() => void this.tick(), checkMs);
    this.timer.unref();
  }

  /** A committed edit by `userId` on `docId` (called by the rooms for every update: no clock read). */
  edited(docId: string, userId: string): void {
    if (this.timing.idleMs <= 0) return;
    const pending = this.pending.get(docId);
    if (pending) {
      pending.authors.add(userId);
      pending.fresh = true;
    } else {
      const now = Date.now();
      this.pending.set(docId, { authors: new Set([userId]), firstAt: now, lastAt: now, fresh: false });
    }
  }

  /** Records every document that is due; one run at a time (a tick during a run waits for it). */
  async tick(now = Date.now()): Promise<void> {
    if (this.running) return this.running;
    const run = this.recordDue(now);
    this.running = run;
    try {
      await run;
    } finally {
      this.running = null;
    }
  }

  private async recordDue(now: number): Promise<void> {
    for (const [docId, pending] of [...this.pending]) {
      if (pending.fresh && Number.isFinite(now)) {
        pending.fresh = false;
        pending.lastAt = now;
      }
      if (now - pending.lastAt < this.timing.idleMs && now - pending.firstAt < this.timing.activeMs) continue;
      this.pending.delete(docId);
      await this.record(docId, pending);
    }
  }

  /** Stops the timer and records what is still pending (a shutdown loses no history). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    await this.tick(Number.POSITIVE_INFINITY);
  }

  private async record(docId: string, pending: Pending): Promise<void> {
    try {
      // Thinned first, so the budgets count what stays.
      await this.thin(docId);
      await saveAutoVersion(this.deps, docId, [...pending.authors]);
    } catch (error) {
      // Over a budget, or the document is gone: no automatic version this time; editing goes on.
      log.warn('automatic version not recorded', { docId, error: String(error) });
    }
  }

  private async thin(docId: string): Promise<void> {
    const versions = this.deps.stores.versions;
    await versions.removeAuto(docId, thinnedAway(await versions.thinnable(docId), Date.now()));
  }
}
