import type { RoomRegistry } from '../collab/rooms';
import type { CapExceeded } from '../collab/socketCaps';
import { log } from '../log';
import { ApiError } from './apiError';

/** Who holds an event stream open. */
export interface StreamHolder {
  userId: string;
  sessionId: string;
  address: string;
}

/** An open event stream, as the registry sees it. */
export interface EventStream {
  readonly holder: StreamHolder;
  /** The check that let the stream open, again: rejects with an ApiError once it would refuse. */
  authorize(): Promise<unknown>;
  /** Ends the stream (at once, telling the client `reason`). */
  end(reason: string): void;
}

/** What the registry needs besides the room registry. */
export interface EventStreamOptions {
  /** Whether a session still exists and is within its lifetimes. */
  isSessionLive(sessionId: string): Promise<boolean>;
}

/**
 * The open SSE streams. A stream holds a connection and a listener just as a socket does, so it is
 * counted in the same per-user and per-address caps (RoomRegistry.hold), and it ends the way a
 * socket is closed: when its session ends (logout, password change, account deletion — on any
 * instance, through the registry's followers), when its holder's access changes so that the check
 * that opened it would now refuse (a reviewer removed, a round link revoked, a team taken off a
 * round), and, for what no event announces (a session that expired), at the stream's next
 * keep-alive (see check).
 */
export class EventStreams {
  private readonly open = new Set<EventStream>();

  constructor(
    private readonly rooms: RoomRegistry,
    private readonly options: EventStreamOptions,
  ) {
    rooms.follow({
      sessionsClosed: (sessionIds, reason) => this.sessionsClosed(sessionIds, reason),
      accessChanged: (userId) => this.accessChanged(userId),
    });
  }

  /** Registers a stream: the cap it would exceed (then nothing is registered), or its release. */
  add(stream: EventStream): CapExceeded | (() => void) {
    const release = this.rooms.hold(stream.holder);
    if (typeof release === 'string') return release;
    this.open.add(stream);
    return () => {
      if (this.open.delete(stream)) release();
    };
  }

  /** Number of open streams (tests and diagnostics). */
  get size(): number {
    return this.open.size;
  }

  /** Ends `stream` if its session ended or its holder may no longer see it; false when ended. */
  async check(stream: EventStream): Promise<boolean> {
    try {
      if (!(await this.options.isSessionLive(stream.holder.sessionId))) {
        stream.end('sessie verlopen');
        return false;
      }
      return await this.recheck(stream);
    } catch (error) {
      // The database did not answer: the stream stays, and is asked again at its next keep-alive.
      log.warn('could not check an event stream', { error: String(error) });
      return true;
    }
  }

  private sessionsClosed(sessionIds: readonly string[], reason: string): void {
    const ended = new Set(sessionIds);
    for (const stream of [...this.open]) if (ended.has(stream.holder.sessionId)) stream.end(reason);
  }

  private async accessChanged(userId: string): Promise<void> {
    for (const stream of [...this.open]) {
      if (stream.holder.userId !== userId) continue;
      try {
        await this.recheck(stream);
      } catch (error) {
        log.warn('could not check an event stream after an access change', { error: String(error) });
      }
    }
  }

  private async recheck(stream: EventStream): Promise<boolean> {
    try {
      await stream.authorize();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      stream.end('geen toegang meer');
      return false;
    }
  }
}
