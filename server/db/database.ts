import { Kysely, type Transaction } from 'kysely';
import type { Pool } from 'pg';
import type { Db } from './connection';
import { openDatabase as openSqliteFile } from './connection';
import type { Database as Schema } from './schema';
import { cachingSqliteDatabase, ImmediateSqliteDialect } from './sqliteStatements';
import { inTransactionScope, RootInsideTransactionGuard } from './transactionScope';

/** A query handle: the root database or an open transaction. Stores take either. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

/** The engine behind the stores and how to reach it. */
export interface Database {
  readonly dialect: 'sqlite' | 'postgres';
  /** Root handle for queries outside a transaction. */
  readonly db: Kysely<Schema>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (trx: Transaction<Schema>) => Promise<T>): Promise<T>;
  /** The raw SQLite connection (the document log's hot path, backups); undefined on PostgreSQL. */
  readonly sqlite: Db | undefined;
  /** The PostgreSQL pool behind `db` (the document log's hot path); undefined on SQLite. */
  readonly postgres: Pool | undefined;
  /** Closes every connection. */
  close(): Promise<void>;
}

/** Wraps a root Kysely instance (guarded) and the same instance's transactions (not guarded). */
export function databaseOf(
  dialect: Database['dialect'],
  unguarded: Kysely<Schema>,
  sqlite: Db | undefined,
  postgres?: Pool,
): Database {
  return {
    dialect,
    db: unguarded.withPlugin(new RootInsideTransactionGuard()),
    sqlite,
    postgres,
    transaction: (fn) => unguarded.transaction().execute((trx) => inTransactionScope(() => fn(trx))),
    close: () => unguarded.destroy(),
  };
}

/** Opens (creating and migrating if needed) the SQLite database in `dataDir`. */
export function openSqlite(dataDir: string): Database {
  const sqlite = openSqliteFile(dataDir);
  return sqliteDatabase(sqlite);
}

/** Kysely over an open better-sqlite3 connection, sharing it with the raw hot path. */
export function sqliteDatabase(sqlite: Db): Database {
  const kysely = new Kysely<Schema>({
    dialect: new ImmediateSqliteDialect({ database: cachingSqliteDatabase(sqlite) }),
  });
  return databaseOf('sqlite', kysely, sqlite);
}
