import { CloseCode, type Connection } from './connection';

/** What the access guard asks of the rest of the server. */
export interface AccessGuardOptions {
  /** Current access of a user to a document (re-checked when memberships change). */
  access?: (userId: string, docId: string) => Promise<{ canRead: boolean; canWrite: boolean }>;
  /** The team that owns a document (to tell only the sockets a membership change concerns). */
  teamOf?: (docId: string) => Promise<string | null | undefined>;
  /** Whether a session is still valid; sockets of ended sessions are closed by a sweep. */
  isSessionLive?: (sessionId: string) => Promise<boolean>;
  /** Records activity on a session (a socket that sent frames since the last sweep). */
  touchSession?: (sessionId: string) => Promise<void>;
}

/**
 * Keeps every open socket within what its user may do now: sockets of ended sessions are closed,
 * and a change of someone's access reaches their open sockets at once.
 */
export class AccessGuard {
  private lastSessionSweep = Date.now();

  constructor(
    private readonly connections: () => Iterable<Connection>,
    private readonly options: AccessGuardOptions,
  ) {}

  /** Closes the sockets of these sessions at once (logout, password change, account deletion). */
  closeSessions(sessionIds: readonly string[], reason: string): void {
    if (sessionIds.length === 0) return;
    const ended = new Set(sessionIds);
    for (const connection of [...this.connections()]) {
      if (connection.identity && ended.has(connection.identity.sessionId)) {
        connection.close(CloseCode.unauthenticated, reason);
      }
    }
  }

  /**
   * Re-applies a user's access to their open sockets after a change (`teamId`: a membership change
   * in that team; without it, anything). Removed → closed for good (4403); write access gained or
   * lost → closed with 4500, and the client reconnects at once to a socket with the new access (no
   * frame is processed with the old one meanwhile); otherwise the socket stays as it is and its
   * client, if it asked, is told to look its role up again (a commenter who became a viewer).
   */
  async refreshAccess(userId: string, teamId?: string): Promise<void> {
    const { access, teamOf } = this.options;
    if (!access) return;
    for (const connection of [...this.connections()]) {
      if (connection.identity?.userId !== userId) continue;
      const { canRead, canWrite } = await access(userId, connection.docId);
      if (connection.closed) continue;
      if (!canRead) connection.close(CloseCode.forbidden, 'geen toegang meer');
      else if (canWrite !== connection.canWrite)
        connection.close(CloseCode.accessChanged, 'toegang gewijzigd');
      else if (teamId === undefined || !teamOf || (await teamOf(connection.docId)) === teamId) {
        connection.notifyAccessChanged();
      }
    }
  }

  /** Closes sockets whose session ended without closeSessions (expiry, idle timeout). */
  async sweepSessions(): Promise<void> {
    const { isSessionLive, touchSession } = this.options;
    const since = this.lastSessionSweep;
    this.lastSessionSweep = Date.now();
    for (const connection of [...this.connections()]) {
      if (!connection.identity) continue;
      if (isSessionLive && !(await isSessionLive(connection.identity.sessionId))) {
        connection.close(CloseCode.unauthenticated, 'sessie verlopen');
      } else if (touchSession && connection.lastFrameAt >= since) {
        // Typing over the socket is activity too: without this, someone who only edits would
        // hit the inactivity timeout while working.
        await touchSession(connection.identity.sessionId);
      }
    }
  }
}
