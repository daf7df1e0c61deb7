import { PostgresAdapter, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './database';
import { INSERTION_ORDER_COLUMN } from './schema';

/** Whether a query handle talks to PostgreSQL (else SQLite). */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The insertion-order column of INSERTION_ORDERED_TABLES on this engine (`table`: its alias). */
export function insertionOrder(db: Executor, table?: string): RawBuilder<number> {
  const column = INSERTION_ORDER_COLUMN[isPostgres(db) ? 'postgres' : 'sqlite'];
  return sql.ref<number>(table ? `${table}.${column}` : column);
}

/**
 * Case-insensitive `LIKE` on both engines (SQLite's LIKE already ignores ASCII case; PostgreSQL's
 * does not). `pattern` is escaped by the caller with `\`.
 */
export function likeIgnoringCase(
  db: Executor,
  value: Expression<unknown>,
  pattern: string,
): RawBuilder<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`${value} ILIKE ${pattern} ESCAPE '\\'`
    : sql<SqlBool>`${value} LIKE ${pattern} ESCAPE '\\'`;
}

/** Rows a write changed, from Kysely's bigint counts. */
export function changed(result: { numUpdatedRows?: bigint; numDeletedRows?: bigint } | undefined): number {
  return Number(result?.numUpdatedRows ?? result?.numDeletedRows ?? 0n);
}

/** Whether an error is a unique-constraint violation, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/**
 * The stored size in bytes of a BLOB/BYTEA column. Neither engine reads the value for it: SQLite's
 * length() of a BLOB reads only the record header, PostgreSQL's octet_length() of a TOASTed value
 * only its pointer.
 */
export function byteLength(db: Executor, column: string): RawBuilder<number> {
  const ref = sql.ref(column);
  return isPostgres(db) ? sql<number>`octet_length(${ref})` : sql<number>`length(${ref})`;
}
