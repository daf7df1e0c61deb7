import type { Stores } from '../deps';

/**
 * What the account commands need: AppDeps satisfies it, and so does the admin command's smaller
 * context (server/cli/admin/context.ts), which has no rooms, limiters or document storage.
 */
export interface AccountDeps {
  stores: Pick<Stores, 'users' | 'sessions' | 'audit' | 'passwordResets' | 'sessionEnds'>;
  transaction<T>(fn: (tx: AccountDeps) => Promise<T>): Promise<T>;
}

/**
 * Ends every session of a user inside `tx` and announces the ends in `session_ends`, so that every
 * running server closes their sockets within seconds (server/auth/sessionEnds.ts) — also when this
 * runs in another process. Returns the ended ids (a server closes them at once as well).
 */
export async function endAllSessions(tx: AccountDeps, userId: string, reason: string): Promise<string[]> {
  const ids = await tx.stores.sessions.idsForUser(userId);
  for (const id of ids) await tx.stores.sessions.delete(id);
  await tx.stores.sessionEnds.record(ids, reason);
  return ids;
}
