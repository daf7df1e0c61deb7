import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { log } from '../log';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A numbered migration file: `NNN_name.sql`. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads the migration files in order. Files are append-only: never edit one that has shipped. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: fs.readFileSync(`${dir}${file}`, 'utf8'),
    }));
}

/** Applies every migration newer than the database's version, each in its own transaction. */
export function migrate(db: Database.Database, migrations = readMigrations()): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, Date.now());
    })();
    log.info('migration applied', { version: migration.version, name: migration.name });
  }
}
