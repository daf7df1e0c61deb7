import type { Executor } from '../db/database';
import { changed } from '../db/portable';

/** A stored session (the secret itself is never stored, only its SHA-256). */
export interface SessionRow {
  id: string;
  user_id: string;
  secret_hash: Uint8Array;
  created_at: number;
  last_active_at: number;
}

/** Queries on `sessions`. */
export function createSessionStore(db: Executor) {
  return {
    async insert(id: string, userId: string, secretHash: Uint8Array, now: number): Promise<void> {
      await db
        .insertInto('sessions')
        .values({ id, user_id: userId, secret_hash: secretHash, created_at: now, last_active_at: now })
        .execute();
    },
    get(id: string): Promise<SessionRow | undefined> {
      return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async touch(id: string, now: number): Promise<void> {
      await db.updateTable('sessions').set({ last_active_at: now }).where('id', '=', id).execute();
    },
    async delete(id: string): Promise<void> {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    /** Ids of every session of a user. */
    async idsForUser(userId: string): Promise<string[]> {
      const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute();
      return rows.map((row) => row.id);
    },
    listForUser(userId: string): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
    },
    /** Deletes sessions idle since `idleBefore` or created before `createdBefore`. */
    async deleteExpired(idleBefore: number, createdBefore: number): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('last_active_at', '<', idleBefore), eb('created_at', '<', createdBefore)]))
        .executeTakeFirst();
      return changed(result);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
