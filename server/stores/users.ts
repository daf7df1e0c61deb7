import type { Db } from '../db/connection';

/** A user as the server uses it (never with the password hash). */
export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: number;
  deleted_at: number | null;
}

const present = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  createdAt: row.created_at,
});

/** Name shown for contributions of a deleted account. */
export const DELETED_USER_NAME = 'verwijderde gebruiker';

/** Prepared statements for `users`. */
export function createUserStore(db: Db) {
  const insert = db.prepare(
    'INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ? AND deleted_at IS NULL');
  const byEmail = db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ? AND deleted_at IS NULL');
  const setHash = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const setName = db.prepare('UPDATE users SET name = ? WHERE id = ?');
  const anonymise = db.prepare(
    `UPDATE users SET email = 'deleted-' || id || '@invalid', name = ?, password_hash = '', deleted_at = ?
     WHERE id = ?`,
  );
  const nameById = db.prepare<[string], { name: string }>('SELECT name FROM users WHERE id = ?');

  return {
    /** Inserts a user; throws SQLITE_CONSTRAINT_UNIQUE for a taken e-mail. */
    insert(user: { id: string; email: string; name: string; passwordHash: string }, now = Date.now()): void {
      insert.run(user.id, user.email, user.name, user.passwordHash, now);
    },
    /** An active user by id. */
    get(id: string): User | undefined {
      const row = byId.get(id);
      return row ? present(row) : undefined;
    },
    /** An active user and their password hash, by e-mail (case-insensitive). */
    getWithHashByEmail(email: string): { user: User; passwordHash: string } | undefined {
      const row = byEmail.get(email);
      return row ? { user: present(row), passwordHash: row.password_hash } : undefined;
    },
    /** The stored password hash of an active user. */
    passwordHash(id: string): string | undefined {
      return byId.get(id)?.password_hash;
    },
    /** Display name of any user, deleted ones included (audit trails). */
    displayName(id: string): string {
      return nameById.get(id)?.name ?? DELETED_USER_NAME;
    },
    setPasswordHash(id: string, passwordHash: string): void {
      setHash.run(passwordHash, id);
    },
    setName(id: string, name: string): void {
      setName.run(name, id);
    },
    /** Keeps the row (contributions keep an author) but removes all personal data. */
    anonymise(id: string, now = Date.now()): void {
      anonymise.run(DELETED_USER_NAME, now, id);
    },
  };
}

export type UserStore = ReturnType<typeof createUserStore>;
