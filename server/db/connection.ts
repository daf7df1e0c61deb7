import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

/** File name of the database inside DATA_DIR. */
export const DATABASE_FILE = 'werkplaats.sqlite';

/**
 * Opens (creating if needed) the database in `dataDir`, in WAL mode with synchronous=FULL, and runs
 * pending migrations. FULL is asserted, not just set: better-sqlite3 silently keeps NORMAL on some
 * existing WAL files, and NORMAL can lose the last commits on power loss — which would break the
 * "durable before relayed" promise.
 */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  configureConnection(db);
  migrate(db);
  return db;
}

/** Applies and verifies the pragmas every connection needs. */
export function configureConnection(db: Db): void {
  const journalMode = db.pragma('journal_mode = WAL', { simple: true });
  if (String(journalMode).toLowerCase() !== 'wal') {
    throw new Error(`SQLite refused WAL mode (journal_mode=${String(journalMode)})`);
  }
  db.pragma('synchronous = FULL');
  const synchronous = db.pragma('synchronous', { simple: true });
  // 2 = FULL (0 OFF, 1 NORMAL, 3 EXTRA).
  if (synchronous !== 2) {
    throw new Error(`SQLite synchronous is ${String(synchronous)}, expected 2 (FULL)`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
