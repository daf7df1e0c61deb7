import fs from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrations } from '../../db/migrate';
import { MoveRefused } from './errors';
import { quote } from './sql';

/** The tables every Werkplaats database has had since its first migrations. */
const WERKPLAATS_TABLES = ['schema_migrations', 'documents', 'users'];

/** One table of the source as its catalog describes it. */
export interface SqliteTable {
  name: string;
  /** Column names in declaration order. */
  columns: string[];
  /** Primary-key columns in key order; empty for a table without one. */
  primaryKey: string[];
}

/**
 * Opens `file` read-only (never modified: not even a migration runs) and refuses unless it is a
 * Werkplaats database migrated exactly as far as this code's migrations go.
 */
export function openSource(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new MoveRefused(`${file} bestaat niet.`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const tables = new Set(
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`)
        .pluck()
        .all()
        .map((name) => String(name)),
    );
    const missing = WERKPLAATS_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) {
      throw new MoveRefused(
        `${file} is geen Werkplaats-database (tabellen ${missing.join(', ')} ontbreken).`,
      );
    }
    refuseUnlessCurrent(db, file);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof MoveRefused) throw error;
    throw new MoveRefused(`${file} is geen leesbare SQLite-database: ${(error as Error).message}`);
  }
}

/** Refuses a database behind or ahead of this code's migration series. */
function refuseUnlessCurrent(db: Database.Database, file: string): void {
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  const known = readMigrations();
  const pending = known.filter((migration) => !applied.has(migration.version));
  if (pending.length > 0) {
    const names = pending.map(({ version, name }) => `${String(version).padStart(3, '0')}_${name}`);
    throw new MoveRefused(
      `${file} is ouder dan deze versie van Werkplaats (migraties ${names.join(', ')} ontbreken). ` +
        'Start de app eerst één keer op SQLite (zonder DATABASE_URL, DATA_DIR op deze map) ' +
        'zodat hij bijgewerkt wordt, stop hem en probeer het dan opnieuw.',
    );
  }
  const knownVersions = new Set(known.map((migration) => migration.version));
  const unknown = [...applied].filter((version) => !knownVersions.has(version));
  if (unknown.length > 0) {
    throw new MoveRefused(
      `${file} is nieuwer dan deze versie van Werkplaats (onbekende migraties ${unknown.join(', ')}). ` +
        'Werk de code bij en probeer het opnieuw.',
    );
  }
}

/** Every application table of the source (not schema_migrations: PostgreSQL keeps its own). */
export function sqliteTables(db: Database.Database): SqliteTable[] {
  const names = db
    .prepare(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migrations'
          -- Ordinary tables only: an FTS5 index (search_fts and its shadow tables) is SQLite's own.
          AND name IN (SELECT name FROM pragma_table_list WHERE type = 'table')
        ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return names.map((name) => {
    const info = db.pragma(`table_info(${quote(name)})`) as { name: string; pk: number }[];
    return {
      name,
      columns: info.map((column) => column.name),
      primaryKey: info
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
    };
  });
}
