import type { Executor } from '../db/database';

/** Queries on `password_resets`: single-use tokens, stored only as their SHA-256. */
export function createPasswordResetStore(db: Executor) {
  return {
    /** Stores a new token's hash for `userId`, valid until `expiresAt`. */
    async insert(
      reset: { id: string; userId: string; tokenHash: Uint8Array; expiresAt: number },
      now = Date.now(),
    ) {
      await db
        .insertInto('password_resets')
        .values({
          id: reset.id,
          user_id: reset.userId,
          token_hash: reset.tokenHash,
          created_at: now,
          expires_at: reset.expiresAt,
        })
        .execute();
    },
    /** The user a token resets, while it is unused and unexpired (no side effect). */
    async usableUser(tokenHash: Uint8Array, now = Date.now()): Promise<string | undefined> {
      const row = await db
        .selectFrom('password_resets')
        .select('user_id')
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.user_id;
    },
    /**
     * Uses the token in one statement: of two redemptions at once only one gets the user back, the
     * other finds it used.
     */
    async claim(tokenHash: Uint8Array, now = Date.now()): Promise<string | undefined> {
      const row = await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id;
    },
    /** Uses up every other open token of the user (a reset done makes older links worthless). */
    async useAllOf(userId: string, now = Date.now()): Promise<void> {
      await db
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .execute();
    },
    /** Removes tokens expired before `before` (housekeeping). */
    async deleteExpired(before: number): Promise<void> {
      await db.deleteFrom('password_resets').where('expires_at', '<', before).execute();
    },
  };
}

export type PasswordResetStore = ReturnType<typeof createPasswordResetStore>;
