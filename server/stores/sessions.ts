import type { Db } from '../db/connection';

/** A stored session (the secret itself is never stored, only its SHA-256). */
export interface SessionRow {
  id: string;
  user_id: string;
  secret_hash: Uint8Array;
  created_at: number;
  last_active_at: number;
}

/** Prepared statements for `sessions`. */
export function createSessionStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (id, user_id, secret_hash, created_at, last_active_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const touch = db.prepare('UPDATE sessions SET last_active_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const forUser = db.prepare<[string], { id: string }>('SELECT id FROM sessions WHERE user_id = ?');
  const removeExpired = db.prepare('DELETE FROM sessions WHERE last_active_at < ? OR created_at < ?');
  const listForUser = db.prepare<[string], SessionRow>(
    'SELECT * FROM sessions WHERE user_id = ? ORDER BY created_at',
  );

  return {
    insert(id: string, userId: string, secretHash: Uint8Array, now: number): void {
      insert.run(id, userId, secretHash, now, now);
    },
    get(id: string): SessionRow | undefined {
      return byId.get(id);
    },
    touch(id: string, now: number): void {
      touch.run(now, id);
    },
    delete(id: string): void {
      remove.run(id);
    },
    /** Ids of every session of a user. */
    idsForUser(userId: string): string[] {
      return forUser.all(userId).map((row) => row.id);
    },
    listForUser(userId: string): SessionRow[] {
      return listForUser.all(userId);
    },
    /** Deletes sessions idle since `idleBefore` or created before `createdBefore`. */
    deleteExpired(idleBefore: number, createdBefore: number): number {
      return removeExpired.run(idleBefore, createdBefore).changes;
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
