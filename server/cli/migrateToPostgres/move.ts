import type Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres } from '../../db/migrate';
import { advanceIdentities, copyTable } from './copy';
import { MoveRefused, VerificationFailed } from './errors';
import { planCopy, type TablePlan } from './plan';
import { quote } from './sql';
import { openSource, sqliteTables } from './sqliteSource';
import { compareDocuments } from './verifyDocuments';
import { compareTable } from './verifyRows';

const INT8_OID = 20;

/** int8 as BigInt: compared exactly with SQLite's integers, whatever their size. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Options of moveToPostgres. */
export interface MoveOptions {
  /** The SQLite database file (opened read-only). */
  from: string;
  databaseUrl: string;
  /** Called with each finished step (a table copied, the checks done). */
  onProgress?: (line: string) => void;
  /** Tests only: runs inside the transaction after the copy, before the checks. */
  beforeVerify?: (client: pg.PoolClient) => Promise<void>;
}

/** What a successful move did. */
export interface MoveSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  documents: number;
  bytes: number;
  seconds: number;
}

/**
 * Copies a SQLite database into an empty PostgreSQL database in one transaction: the schema
 * migrations, every table in foreign-key order, the identity sequences, and, before COMMIT, a
 * row-by-row and document-by-document comparison. Any refusal, error or difference rolls all of
 * it back, so PostgreSQL is left exactly as it was.
 */
export async function moveToPostgres(options: MoveOptions): Promise<MoveSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const sqlite = openSource(options.from);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 1,
    types,
    application_name: 'werkplaats-migrate-to-postgres',
  });
  // The one connection is checked out for the whole move: its errors reach the query that failed.
  pool.on('error', () => undefined);
  let summary: Omit<MoveSummary, 'seconds'> | undefined;
  try {
    // One read transaction: every table and document is read from the same snapshot.
    sqlite.exec('BEGIN');
    const tables = sqliteTables(sqlite);
    // Inside the migrations' transaction and advisory lock: an app instance starting meanwhile
    // waits, then finds the data (and seeds nothing); a failure rolls back the schema as well.
    await migratePostgres(pool, {
      afterMigrate: async (client) => {
        const plans = await planCopy(client, tables);
        await refuseUnlessEmpty(client, plans);
        const copied = [];
        for (const plan of plans) {
          const tableStarted = performance.now();
          const { rows, bytes } = await copyTable(sqlite, client, plan);
          copied.push({ name: plan.name, rows, bytes });
          progress(`${plan.name}: ${rows} ${rows === 1 ? 'rij' : 'rijen'} (${secondsSince(tableStarted)})`);
        }
        await options.beforeVerify?.(client);
        const documents = await verify(sqlite, client, plans, progress);
        await advanceIdentities(client, plans);
        summary = {
          tables: copied.map(({ name, rows }) => ({ name, rows })),
          rows: copied.reduce((sum, table) => sum + table.rows, 0),
          documents,
          bytes: copied.reduce((sum, table) => sum + table.bytes, 0),
        };
      },
    });
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
    await pool.end();
  }
  if (!summary) throw new Error('the move ended without a summary');
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}

/** Refuses a database that holds any Werkplaats row: the move fills an empty one only. */
async function refuseUnlessEmpty(client: pg.PoolClient, plans: readonly TablePlan[]): Promise<void> {
  const filled: string[] = [];
  for (const plan of plans) {
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${quote(plan.name)}) AS any`,
    );
    if (rows[0]?.any) filled.push(plan.name);
  }
  if (filled.length > 0) {
    throw new MoveRefused(
      `De PostgreSQL-database bevat al Werkplaats-gegevens (in ${filled.join(', ')}). ` +
        'Verhuizen kan alleen naar een lege database: maak een nieuwe aan en zet DATABASE_URL daarop.',
    );
  }
}

/** Compares every table and document; throws VerificationFailed with all differences found. */
async function verify(
  sqlite: Database.Database,
  client: pg.PoolClient,
  plans: readonly TablePlan[],
  progress: (line: string) => void,
): Promise<number> {
  const problems: string[] = [];
  let started = performance.now();
  for (const plan of plans) problems.push(...(await compareTable(sqlite, client, plan)).problems);
  progress(`${plans.length} tabellen rij voor rij vergeleken (${secondsSince(started)})`);
  const updates = plans.find((plan) => plan.name === 'doc_updates');
  if (!updates) throw new MoveRefused('De tabel doc_updates ontbreekt.');
  started = performance.now();
  const documents = await compareDocuments(sqlite, client, updates);
  progress(`${documents.documents} documenten als Y.Doc vergeleken (${secondsSince(started)})`);
  problems.push(...documents.problems);
  if (problems.length > 0) throw new VerificationFailed(problems);
  return documents.documents;
}

function secondsSince(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
