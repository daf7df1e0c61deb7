import { PostgresAdapter, sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from './database';

/** Whether a query handle talks to PostgreSQL (else SQLite). */
export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The column that orders rows of the tables without an ordered key as they were inserted:
 * SQLite's `rowid`, on PostgreSQL the identity column `seq` its migrations add.
 */
export function insertionOrder(db: Executor, table?: string): RawBuilder<number> {
  const column = isPostgres(db) ? 'seq' : 'rowid';
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
