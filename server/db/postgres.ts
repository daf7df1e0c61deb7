import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { log } from '../log';
import { databaseOf, type Database } from './database';
import { migratePostgres } from './migrate';
import type { Database as Schema } from './schema';

const INT8_OID = 20;

/**
 * int8 (BIGINT ids and ms timestamps, count(*)) as a JavaScript number, as SQLite gives them. A value
 * beyond 2^53 would silently lose digits, so it is refused instead.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`);
  return value;
}

/** Type parsers of this pool only (pg's global parsers stay untouched for other code in the process). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Options of openPostgres. */
export interface PostgresOptions {
  url: string;
  poolMax: number;
}

/**
 * Connects to PostgreSQL (TLS as the URL's sslmode says), migrates the schema under an advisory
 * lock (safe when several instances start at once) and returns the stores' handle.
 */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    types,
    application_name: 'werkplaats',
    // Durable when COMMIT returns, whatever the server's default: acks and relays depend on it.
    options: '-c synchronous_commit=on',
    // A connect that hangs (packets dropped by a firewall, a database failing over) fails after
    // 10 s, so the callers' retries take over instead of waiting for the kernel's TCP timeout.
    connectionTimeoutMillis: 10_000,
    // Notices a peer that vanished without closing (network partition) on idle connections.
    keepAlive: true,
    // A transaction left open by a stuck process would hold row locks on document heads and
    // block every other instance's commits; the database ends it after a minute.
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle client's connection that breaks (database restart) emits here; without a listener
  // the process would exit. The pool drops that client and makes a new one on demand.
  pool.on('error', (error) => log.warn('PostgreSQL connection lost', { error: error.message }));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return databaseOf('postgres', kysely, undefined, pool);
}
