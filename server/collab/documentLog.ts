import type { Database } from '../db/database';
import type { Env } from '../env';
import { createDocStorage, type DocStorage, type SqliteDocStorage } from '../stores/docStorage';
import { createPostgresDocStorage } from '../stores/docStorage/postgres';
import type { Db } from '../db/connection';
import { AdaptiveCommitter } from './adaptiveCommitter';
import { WorkerCommitter } from './commitWorker';
import { PgCommitter } from './pgCommitter';
import { SplitCommitter } from './splitCommitter';
import { syncCommitter, type Committer } from './writer';

/** The sync server's document storage and group commit, on the app's database. */
export interface DocumentLog {
  docStorage: DocStorage;
  committer: Committer;
}

/**
 * The document log on the engine the app runs on: on PostgreSQL its pool (one transaction per group
 * commit); on SQLite the raw connection, with group commits where COMMIT_THREAD says.
 */
export function documentLogOn(database: Database, env: Env): DocumentLog {
  if (database.postgres) {
    return {
      docStorage: createPostgresDocStorage(database.postgres),
      committer: new PgCommitter(database.postgres),
    };
  }
  const db = database.sqlite!;
  db.pragma(`busy_timeout = ${env.SQLITE_BUSY_TIMEOUT_MS}`);
  const docStorage = createDocStorage(db);
  return { docStorage, committer: sqliteCommitter(env, db, docStorage) };
}

/** The group-commit thread COMMIT_THREAD asks for. */
function sqliteCommitter(env: Env, db: Db, storage: SqliteDocStorage): Committer {
  const worker = () => new WorkerCommitter({ file: db.name, busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS });
  if (env.COMMIT_THREAD === 'split') return new SplitCommitter(db, storage);
  if (env.COMMIT_THREAD === 'worker') return worker();
  if (env.COMMIT_THREAD === 'auto') return new AdaptiveCommitter(syncCommitter(storage), worker);
  return syncCommitter(storage);
}
