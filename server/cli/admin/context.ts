import fs from 'node:fs';
import path from 'node:path';
import type { AccountDeps } from '../../commands/accountDeps';
import { DATABASE_FILE } from '../../db/connection';
import { openSqlite, type Database, type Executor } from '../../db/database';
import type { Env } from '../../env';
import { createAuditStore } from '../../stores/audit';
import { createPasswordResetStore } from '../../stores/passwordResets';
import { createSessionEndStore } from '../../stores/sessionEnds';
import { createSessionStore } from '../../stores/sessions';
import { createUserStore } from '../../stores/users';

/** The admin command's database and the account commands' deps on it. */
export interface AdminContext {
  deps: AccountDeps;
  close(): Promise<void>;
}

function accountStores(db: Executor): AccountDeps['stores'] {
  return {
    users: createUserStore(db),
    sessions: createSessionStore(db),
    audit: createAuditStore(db),
    passwordResets: createPasswordResetStore(db),
    sessionEnds: createSessionEndStore(db),
  };
}

/** AccountDeps on `database`: a transaction hands its callback the same stores bound to it. */
export function accountDepsOn(database: Database): AccountDeps {
  const bound = (db: Executor, transaction: AccountDeps['transaction']): AccountDeps => ({
    stores: accountStores(db),
    transaction,
  });
  return bound(database.db, (fn) =>
    database.transaction(async (trx) => {
      const tx: AccountDeps = bound(trx, async (inner) => await inner(tx));
      return await fn(tx);
    }),
  );
}

/**
 * Opens the server's database as the server does (migrating if it is behind), beside a running
 * server: SQLite in WAL mode takes a second connection, PostgreSQL a second pool. A missing SQLite
 * file is refused rather than created: a mistyped DATA_DIR would otherwise get a user nobody serves.
 */
export async function openAdminContext(env: Env): Promise<AdminContext | string> {
  let database: Database;
  if (env.DATABASE_URL) {
    const { openPostgres } = await import('../../db/postgres');
    database = await openPostgres({ url: env.DATABASE_URL, poolMax: 2 });
  } else {
    const file = path.join(env.DATA_DIR, DATABASE_FILE);
    if (!fs.existsSync(file)) {
      return `No database at ${file}: set DATA_DIR (or DATABASE_URL) as for the server, or start the server once first.`;
    }
    database = openSqlite(env.DATA_DIR);
  }
  return { deps: accountDepsOn(database), close: () => database.close() };
}
