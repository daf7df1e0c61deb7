import pg from 'pg';
import { testDatabaseUrl } from './postgres';

/**
 * The engine the server and store tests run on: PostgreSQL when WERKPLAATS_TEST_DB=postgres (the
 * vitest project `postgres` sets it), otherwise SQLite.
 */
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env.WERKPLAATS_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** Skips the calling test on PostgreSQL, for tests about SQLite itself; `why` shows in the report. */
export function sqliteOnly(context: { skip(condition: boolean, note?: string): void }, why: string): void {
  context.skip(TEST_ENGINE === 'postgres', `SQLite only: ${why}`);
}

/** A fresh, empty database on the run's shared PostgreSQL cluster. */
export interface TestPostgresDatabase {
  /** Its DATABASE_URL (the app role, over TCP). */
  url: string;
  /** Drops it; every connection to it must be closed first. */
  drop(): Promise<void>;
}

/** Makes a fresh database (tests/support/pgGlobalSetup.ts must run); drop() frees its memory again. */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  const url = await testDatabaseUrl();
  return { url, drop: () => dropDatabase(url) };
}

/**
 * Drops the database `url` names, as its owner from the cluster's `postgres` database. A run starts
 * hundreds of servers; each database holds several MB of the cluster's (RAM) directory until dropped.
 * PostgreSQL waits up to 5 s for the closed pool's backends to exit; a pool still open fails here.
 */
async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
