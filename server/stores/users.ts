import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { changed, isPostgres } from '../db/portable';
import { lockingRead } from './rowLock';

/** A user as the server uses it (never with the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

const present = (row: { id: string; email: string; name: string; created_at: number }): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

/** An account as the operator's list shows it. */
export interface AccountListing extends User {
  disabledAt: number | null;
  adminAt: number | null;
}

/** Name shown for contributions of a deleted account. */
export const DELETED_USER_NAME = 'verwijderde gebruiker';

/** Queries on `users`. */
export function createUserStore(db: Executor) {
  const active = () => db.selectFrom('users').selectAll().where('deleted_at', 'is', null);
  // SQLite compares e-mail with the column's NOCASE collation (and its index); PostgreSQL uses
  // the unique index on lower(email).
  const byEmail = (email: string) =>
    isPostgres(db)
      ? active().where(sql<string>`lower(email)`, '=', email.toLowerCase())
      : active().where('email', '=', email);

  return {
    /** Inserts a user; a taken e-mail throws a unique violation (isUniqueViolation). */
    async insert(
      user: { id: string; email: string; name: string; passwordHash: string },
      now = Date.now(),
    ): Promise<void> {
      await db
        .insertInto('users')
        .values({
          id: user.id,
          email: user.email,
          name: user.name,
          password_hash: user.passwordHash,
          created_at: now,
        })
        .execute();
    },
    /** An active user by id. */
    async get(id: string): Promise<User | undefined> {
      const row = await active().where('id', '=', id).executeTakeFirst();
      return row ? present(row) : undefined;
    },
    /** An active user, their password hash and whether they are disabled, by e-mail (case-insensitive). */
    async getWithHashByEmail(
      email: string,
    ): Promise<{ user: User; passwordHash: string; disabled: boolean } | undefined> {
      const row = await byEmail(email).executeTakeFirst();
      return row
        ? { user: present(row), passwordHash: row.password_hash, disabled: row.disabled_at !== null }
        : undefined;
    },
    /** Every active account with the flags an operator sees (`npm run admin -- list-users`), oldest first. */
    async listAccounts(): Promise<AccountListing[]> {
      const rows = await active().orderBy('created_at').orderBy('email').execute();
      return rows.map((row) => ({
        ...present(row),
        disabledAt: row.disabled_at,
        adminAt: row.admin_at,
      }));
    },
    /** Disables (a time) or enables (null) an account; false when there is no such active user. */
    async setDisabled(id: string, at: number | null): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ disabled_at: at })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /** Whether an active account is a platform admin (`npm run admin -- make-admin`). */
    async isAdmin(id: string): Promise<boolean> {
      const row = await active().where('id', '=', id).where('admin_at', 'is not', null).executeTakeFirst();
      return row !== undefined;
    },
    /** Marks a platform admin (kept when already one). */
    async makeAdmin(id: string, now = Date.now()): Promise<void> {
      await db
        .updateTable('users')
        .set({ admin_at: now })
        .where('id', '=', id)
        .where('admin_at', 'is', null)
        .execute();
    },
    /** The stored password hash of an active user. */
    async passwordHash(id: string): Promise<string | undefined> {
      return (await active().where('id', '=', id).executeTakeFirst())?.password_hash;
    },
    /** Display name of any user, deleted ones included (audit trails). */
    async displayName(id: string): Promise<string> {
      const row = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
      return row?.name ?? DELETED_USER_NAME;
    },
    async setPasswordHash(id: string, passwordHash: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
    },
    /** Replaces the password hash if it still is `expected` (false: it changed meanwhile). */
    async replacePasswordHash(id: string, expected: string, passwordHash: string): Promise<boolean> {
      const result = await db
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .where('password_hash', '=', expected)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    /**
     * The password hash of an active user and whether it is disabled, its row locked against a change
     * until the transaction ends.
     */
    async lockLoginState(id: string): Promise<{ passwordHash: string; disabled: boolean } | undefined> {
      const row = await lockingRead(db, active().where('id', '=', id), 'share').executeTakeFirst();
      return row ? { passwordHash: row.password_hash, disabled: row.disabled_at !== null } : undefined;
    },
    async setName(id: string, name: string): Promise<void> {
      await db.updateTable('users').set({ name }).where('id', '=', id).execute();
    },
    /** Keeps the row (contributions keep an author) but removes all personal data. */
    async anonymise(id: string, now = Date.now()): Promise<void> {
      await db
        .updateTable('users')
        .set({
          email: sql<string>`'deleted-' || id || '@invalid'`,
          name: DELETED_USER_NAME,
          password_hash: '',
          deleted_at: now,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
