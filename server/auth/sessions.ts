import type { SessionStore } from '../stores/sessions';
import type { User, UserStore } from '../stores/users';
import { generateSecureRandomString, hashSecret, secretMatches } from './tokens';

/** A validated session. */
export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
}

/** Session lifetimes, in milliseconds. */
export interface SessionPolicy {
  /** Ends after this long without a request. */
  idleTimeoutMs: number;
  /** Ends this long after login, however active. */
  absoluteLifetimeMs: number;
}

// last_active_at is refreshed at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Sessions after the Lucia guide (lucia-auth.com/sessions): the token is `<id>.<secret>`; the id
 * (160 bits) finds the row, the secret (256 bits) proves possession and is stored only as SHA-256,
 * compared in constant time.
 */
export function createSessionService(sessions: SessionStore, users: UserStore, policy: SessionPolicy) {
  const isExpired = (session: { created_at: number; last_active_at: number }, now: number) =>
    now - session.last_active_at >= policy.idleTimeoutMs ||
    now - session.created_at >= policy.absoluteLifetimeMs;

  return {
    policy,
    /** Creates a session; returns the token for the cookie (shown once, never stored). */
    async create(userId: string, now = Date.now()): Promise<{ token: string; session: Session }> {
      const id = generateSecureRandomString(20);
      const secret = generateSecureRandomString(32);
      await sessions.insert(id, userId, hashSecret(secret), now);
      return { token: `${id}.${secret}`, session: { id, userId, createdAt: now, lastActiveAt: now } };
    },
    /** The session and user for a token, or null if unknown, forged or expired (expired ones are deleted). */
    async validate(
      token: string | undefined,
      now = Date.now(),
    ): Promise<{ session: Session; user: User } | null> {
      if (!token) return null;
      const parts = token.split('.');
      if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
      const [id, secret] = parts as [string, string];
      const row = await sessions.get(id);
      if (!row || !secretMatches(secret, row.secret_hash)) return null;
      if (isExpired(row, now)) {
        await sessions.delete(id);
        return null;
      }
      const user = await users.get(row.user_id);
      if (!user) return null;
      let lastActiveAt = row.last_active_at;
      if (now - lastActiveAt >= TOUCH_INTERVAL_MS) {
        await sessions.touch(id, now);
        lastActiveAt = now;
      }
      // row.id, not `id`: that is a slice of the token and would keep the whole token (secret
      // included) in memory for as long as the session id is held, e.g. by an open socket.
      return { session: { id: row.id, userId: row.user_id, createdAt: row.created_at, lastActiveAt }, user };
    },
    /** Whether a session id still exists and is within its lifetimes (for open sockets). */
    async isLive(id: string, now = Date.now()): Promise<boolean> {
      const row = await sessions.get(id);
      return !!row && !isExpired(row, now);
    },
    /** Records activity on a live session (from an open socket). */
    async touch(id: string, now = Date.now()): Promise<void> {
      await sessions.touch(id, now);
    },
    /** Deletes one session. */
    async invalidate(id: string): Promise<void> {
      await sessions.delete(id);
    },
    /** Deletes every session of a user except `keepId`; returns the deleted ids. */
    async invalidateUser(userId: string, keepId?: string): Promise<string[]> {
      const ids = (await sessions.idsForUser(userId)).filter((id) => id !== keepId);
      for (const id of ids) await sessions.delete(id);
      return ids;
    },
    /** Removes expired rows (housekeeping). */
    async sweep(now = Date.now()): Promise<number> {
      return await sessions.deleteExpired(now - policy.idleTimeoutMs, now - policy.absoluteLifetimeMs);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
