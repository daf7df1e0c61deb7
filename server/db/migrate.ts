import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { log } from '../log';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** A numbered migration file: `NNN_name.sql` (SQLite) or its twin `NNN_name.pg.sql` (PostgreSQL). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const SQLITE_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;
const POSTGRES_FILE = /^\d{3}_[a-z0-9_]+\.pg\.sql$/;

/**
 * The advisory lock migrations hold. Any fixed key works as long as nothing else in the database
 * takes it; this one is the first 48 bits of sha256('werkplaats:migrate'), unlikely to be another's.
 */
export const MIGRATION_LOCK_KEY = 3_644_832_231_807;

/** Reads the SQLite migration files in order. Files are append-only: never edit one that has shipped. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readSeries(dir, SQLITE_FILE, '.sql');
}

/**
 * Reads the PostgreSQL twins in order, and throws unless they pair one-to-one with the SQLite
 * series: both engines must go through the same numbered versions.
 */
export function readPostgresMigrations(dir = migrationsDir): Migration[] {
  const sqlite = readMigrations(dir);
  const postgres = readSeries(dir, POSTGRES_FILE, '.pg.sql');
  const fileOf = ({ version, name }: Migration) => `${String(version).padStart(3, '0')}_${name}`;
  const numbers = sqlite.map((migration) => migration.version);
  const twice = numbers.find((version, index) => numbers.indexOf(version) !== index);
  if (twice !== undefined) {
    throw new Error(`Two migrations in ${dir} share the number ${String(twice).padStart(3, '0')}`);
  }
  const twins = new Set(postgres.map(fileOf));
  const missing = sqlite.map(fileOf).filter((file) => !twins.has(file));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL twin missing for ${missing.map((file) => `${file}.sql`).join(', ')}: add ` +
        `${missing.map((file) => `${file}.pg.sql`).join(', ')} to ${dir} (same tables and columns, PostgreSQL types)`,
    );
  }
  const originals = new Set(sqlite.map(fileOf));
  const orphans = postgres.map(fileOf).filter((file) => !originals.has(file));
  if (orphans.length > 0) {
    throw new Error(
      `${orphans.map((file) => `${file}.pg.sql`).join(', ')} in ${dir} has no SQLite migration of the same number and name`,
    );
  }
  return postgres;
}

function readSeries(dir: string, pattern: RegExp, suffix: string): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => pattern.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -suffix.length),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
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

/** Options of migratePostgres. */
export interface PostgresMigrateOptions {
  /**
   * Runs on every call, after the pending migrations, inside the same locked transaction: work that
   * must happen exactly once across instances (seeding), written idempotently, sees a complete
   * schema and never runs beside another instance's. A throw rolls back the migrations too.
   */
  afterMigrate?: (client: PoolClient, applied: readonly Migration[]) => Promise<void>;
  /** The series to apply; the PostgreSQL twins in server/db/migrations unless given. */
  migrations?: readonly Migration[];
}

/**
 * Brings a PostgreSQL database up to date in one transaction under an advisory lock, so that
 * instances starting at once migrate exactly once: the others wait, then find nothing pending.
 * Transactional DDL makes it all or nothing.
 */
export async function migratePostgres(pool: Pool, options: PostgresMigrateOptions = {}): Promise<void> {
  const migrations = options.migrations ?? readPostgresMigrations();
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // READ COMMITTED whatever the database's default: each statement after the lock must see what
    // the instance that held it before committed, and a snapshot taken at BEGIN would not.
    await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at BIGINT NOT NULL
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((migration) => !done.has(migration.version));
    for (const migration of pending) {
      // No parameters: pg then uses the simple protocol, which runs a multi-statement file.
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    }
    await options.afterMigrate?.(client, pending);
    await client.query('COMMIT');
    for (const migration of pending) {
      log.info('migration applied', { version: migration.version, name: migration.name });
    }
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not roll back is destroyed rather than handed to the next user.
    client.release(broken);
  }
}
