import type Database from 'better-sqlite3';
import type { ClientBase } from 'pg';
import { sqliteSelectList } from './copy';
import type { TablePlan } from './plan';
import { quote, rowKey, show } from './sql';

/** Rows fetched per round trip from the PostgreSQL cursor. */
const FETCH_ROWS = 1000;
/** Differences reported per table; the rest are only counted. */
const REPORTED_PER_TABLE = 5;

/** The outcome of comparing one table. */
export interface TableComparison {
  sqliteRows: number;
  postgresRows: number;
  /** Human-readable differences, at most REPORTED_PER_TABLE (plus the count line). */
  problems: string[];
}

/**
 * Compares one table row by row and column by column, both sides read in the same order: by the
 * primary key (text in byte order on both engines) or, for insertion-ordered tables, by rowid
 * against the seq column that holds it.
 */
export async function compareTable(
  sqlite: Database.Database,
  client: ClientBase,
  plan: TablePlan,
): Promise<TableComparison> {
  const sqliteKey = plan.key.map((column) => (plan.rowidColumns.includes(column) ? 'rowid' : quote(column)));
  // Text in byte order, as SQLite's BINARY collation sorts it, whatever the database's collation.
  const postgresKey = plan.key.map((column) =>
    plan.types.get(column) === 'text' ? `${quote(column)} COLLATE "C"` : quote(column),
  );
  const sqliteRows = sqlite
    .prepare(
      `SELECT ${sqliteSelectList(plan)} FROM ${quote(plan.name)} ORDER BY ${sqliteKey.map((key) => `${key} COLLATE BINARY`).join(', ')}`,
    )
    .raw(true)
    .safeIntegers(true)
    .iterate() as IterableIterator<unknown[]>;
  const names = [...plan.columns, ...plan.rowidColumns];
  const comparison: TableComparison = { sqliteRows: 0, postgresRows: 0, problems: [] };
  let differing = 0;

  await client.query(
    `DECLARE move_verify NO SCROLL CURSOR FOR
       SELECT ${names.map(quote).join(', ')} FROM ${quote(plan.name)} ORDER BY ${postgresKey.join(', ')}`,
  );
  try {
    for (;;) {
      const { rows } = await client.query<unknown[]>({
        text: `FETCH FORWARD ${FETCH_ROWS} FROM move_verify`,
        rowMode: 'array',
      });
      for (const postgresRow of rows) {
        comparison.postgresRows++;
        const next = sqliteRows.next();
        if (next.done) continue;
        comparison.sqliteRows++;
        const column = names.findIndex((_name, index) => !sameValue(next.value[index], postgresRow[index]));
        if (column === -1) continue;
        differing++;
        if (comparison.problems.length < REPORTED_PER_TABLE) {
          comparison.problems.push(
            `${plan.name} rij ${rowKey(plan, names, next.value)}: kolom ${names[column]} is in SQLite ` +
              `${show(next.value[column])}, in PostgreSQL ${show(postgresRow[column])}`,
          );
        }
      }
      if (rows.length < FETCH_ROWS) break;
    }
    for (let next = sqliteRows.next(); !next.done; next = sqliteRows.next()) comparison.sqliteRows++;
  } finally {
    sqliteRows.return?.();
    await client.query('CLOSE move_verify');
  }
  if (comparison.sqliteRows !== comparison.postgresRows) {
    comparison.problems.push(
      `${plan.name}: ${comparison.sqliteRows} rijen in SQLite, ${comparison.postgresRows} in PostgreSQL`,
    );
  } else if (differing > REPORTED_PER_TABLE) {
    comparison.problems.push(`${plan.name}: nog ${differing - REPORTED_PER_TABLE} rijen verschillen`);
  }
  return comparison;
}

/** Equal as stored: integers as integers (BigInt or number), bytes as bytes, text as text. */
export function sameValue(sqlite: unknown, postgres: unknown): boolean {
  const a = asInteger(sqlite);
  const b = asInteger(postgres);
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  }
  return a === b;
}

function asInteger(value: unknown): unknown {
  return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : value;
}
