import type { Executor } from '../db/database';

/** One announced session end. */
export interface SessionEnd {
  id: number;
  sessionId: string;
  reason: string;
}

/** Rows older than this are removed when new ones are written: every server has read them by then. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Queries on `session_ends`: sessions ended outside the running servers (the admin command), so
 * that every server closes their sockets (server/auth/sessionEnds.ts).
 */
export function createSessionEndStore(db: Executor) {
  return {
    /** Announces that these sessions ended; prunes old announcements. */
    async record(sessionIds: readonly string[], reason: string, now = Date.now()): Promise<void> {
      await db
        .deleteFrom('session_ends')
        .where('created_at', '<', now - KEEP_MS)
        .execute();
      if (sessionIds.length === 0) return;
      await db
        .insertInto('session_ends')
        .values(sessionIds.map((sessionId) => ({ session_id: sessionId, reason, created_at: now })))
        .execute();
    },
    /** The newest id (0 when none): where a server starts reading. */
    async latestId(): Promise<number> {
      const row = await db
        .selectFrom('session_ends')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst();
      return Number(row?.id ?? 0);
    },
    /** Announcements after `afterId`, oldest first. */
    async after(afterId: number, limit = 1000): Promise<SessionEnd[]> {
      const rows = await db
        .selectFrom('session_ends')
        .select(['id', 'session_id', 'reason'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ id: Number(row.id), sessionId: row.session_id, reason: row.reason }));
    },
  };
}

export type SessionEndStore = ReturnType<typeof createSessionEndStore>;
