import type Database from 'better-sqlite3';
import type { ClientBase } from 'pg';
import type { TablePlan } from './plan';
import { quote, quoteAll, rowKey } from './sql';

/** Rows per INSERT: few round trips, while a batch a refused row is searched in stays short. */
const BATCH_ROWS = 500;
/** A batch is sent early once its values reach this size (document states can be large). */
const BATCH_BYTES = 8 * 1024 * 1024;

/** What one table's copy moved. */
export interface Copied {
  rows: number;
  /** Bytes of text and binary values (a measure of the data, not of the files). */
  bytes: number;
}

/** Size of a value as copied: text as UTF-8, bytes as bytes, numbers as 8. */
export function sizeOf(value: unknown): number {
  if (value === null) return 0;
  if (typeof value === 'string') return Buffer.byteLength(value);
  if (value instanceof Uint8Array) return value.byteLength;
  return 8;
}

/** SQLite's select list for `plan`: its shared columns, then rowid for each PostgreSQL-only identity. */
export function sqliteSelectList(plan: TablePlan): string {
  return [...plan.columns.map(quote), ...plan.rowidColumns.map(() => 'rowid')].join(', ');
}

/**
 * Streams one table from SQLite into PostgreSQL in batched INSERTs. Integers arrive as BigInt
 * (exact beyond 2^53); ids and the rowid of insertion-ordered tables keep their values.
 */
export async function copyTable(
  sqlite: Database.Database,
  client: ClientBase,
  plan: TablePlan,
): Promise<Copied> {
  const rows = sqlite
    .prepare(`SELECT ${sqliteSelectList(plan)} FROM ${quote(plan.name)}`)
    .raw(true)
    .safeIntegers(true);
  const target = [...plan.columns, ...plan.rowidColumns];
  // BY DEFAULT identities take a given value anyway; ALWAYS ones (the seq columns) need this clause.
  const overriding = plan.identityColumns.length > 0 ? ' OVERRIDING SYSTEM VALUE' : '';
  const copied: Copied = { rows: 0, bytes: 0 };
  let batch: unknown[][] = [];
  let batchBytes = 0;

  // One array parameter per column (INSERT … SELECT FROM unnest): one short statement whatever the
  // batch size, instead of a parameter per value.
  const arrays = target.map((column, position) => `$${position + 1}::${plan.types.get(column)}[]`);
  const statement =
    `INSERT INTO ${quote(plan.name)} (${quoteAll(target)})${overriding} ` +
    `SELECT * FROM unnest(${arrays.join(', ')})`;
  const insert = (rows: unknown[][]) =>
    client.query(
      statement,
      target.map((_column, position) => rows.map((row) => row[position])),
    );
  const flush = async () => {
    if (batch.length === 0) return;
    // A savepoint per batch: a refused batch can be retried row by row to name the refused row.
    await client.query('SAVEPOINT move_batch');
    try {
      await insert(batch);
    } catch (error) {
      await client.query('ROLLBACK TO SAVEPOINT move_batch');
      throw await refusedRow(client, plan, target, batch, insert, error);
    }
    await client.query('RELEASE SAVEPOINT move_batch');
    copied.rows += batch.length;
    batch = [];
    batchBytes = 0;
  };

  // iterate() streams: the open cursor pauses across the awaits, so a large table never sits in memory.
  for (const row of rows.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    for (const value of row) {
      const size = sizeOf(value);
      batchBytes += size;
      copied.bytes += size;
    }
    if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
  }
  await flush();
  return copied;
}

/** The error naming the first row of `batch` PostgreSQL refuses on its own (or the batch, if none). */
async function refusedRow(
  client: ClientBase,
  plan: TablePlan,
  names: string[],
  batch: unknown[][],
  insert: (rows: unknown[][]) => Promise<unknown>,
  batchError: unknown,
): Promise<Error> {
  const because = (error: unknown) => {
    const { message, detail } = error as { message: string; detail?: string };
    return `${message}${detail ? ` (${detail})` : ''}`;
  };
  for (const row of batch) {
    await client.query('SAVEPOINT move_row');
    try {
      await insert([row]);
      await client.query('RELEASE SAVEPOINT move_row');
    } catch (error) {
      return new Error(`PostgreSQL weigert ${plan.name} rij ${rowKey(plan, names, row)}: ${because(error)}`, {
        cause: error,
      });
    }
  }
  return new Error(`PostgreSQL weigert een reeks rijen van ${plan.name}: ${because(batchError)}`, {
    cause: batchError,
  });
}

/** Sets every identity sequence past the largest copied value, so new rows get fresh ids. */
export async function advanceIdentities(client: ClientBase, plans: readonly TablePlan[]): Promise<void> {
  for (const plan of plans) {
    for (const column of plan.identityColumns) {
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2),
                       GREATEST(COALESCE((SELECT max(${quote(column)}) FROM ${quote(plan.name)}), 0) + 1, 1),
                       false)`,
        [quote(plan.name), column],
      );
    }
  }
}
