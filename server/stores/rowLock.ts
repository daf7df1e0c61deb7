import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/database';
import { isPostgres } from '../db/portable';

/** How a locking read holds its rows: `share` keeps them from changing, `update` also from other lockers. */
export type RowLock = 'share' | 'update';

/**
 * A read that locks the rows it returns until the transaction ends: `FOR SHARE` or `FOR UPDATE` on
 * PostgreSQL, where transactions run concurrently under READ COMMITTED and a waiting locker reads
 * the row as the other transaction committed it. On SQLite a plain read: Kysely reaches the one
 * connection through a mutex held for a whole transaction, so no other transaction of this process
 * runs between this read and the writes after it. Use inside a transaction only.
 */
export function lockingRead<DB, TB extends keyof DB, O>(
  db: Executor,
  query: SelectQueryBuilder<DB, TB, O>,
  mode: RowLock,
): SelectQueryBuilder<DB, TB, O> {
  if (!isPostgres(db)) return query;
  return mode === 'share' ? query.forShare() : query.forUpdate();
}
