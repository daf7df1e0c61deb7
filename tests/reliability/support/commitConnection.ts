import { holdCommits } from '../../support/holdCommits';
import { AdaptiveCommitter } from '../../../server/collab/adaptiveCommitter';
import { WorkerCommitter } from '../../../server/collab/commitWorker';
import type { TestServer } from '../../support/server';

/** Runs a pragma on a connection and answers its first value. */
export type Pragma = (sql: string) => unknown;

/**
 * The SQLite connection the server's group commits go through: the commit worker's own connection
 * (COMMIT_THREAD=worker), the main connection (COMMIT_THREAD=main), or both (auto, the default).
 * Faults are injected there, where the commits really run.
 */
export function commitConnection(server: TestServer): Pragma {
  const committer = server.running.deps.rooms.writer.committer;
  if (committer instanceof WorkerCommitter) return (sql) => committer.pragmaSync(sql);
  const db = server.running.deps.database.sqlite!;
  if (committer instanceof AdaptiveCommitter) {
    // Both connections the commits may go through (the worker's once it was started).
    return (sql) => {
      committer.worker?.pragmaSync(sql);
      return db.pragma(sql, { simple: true });
    };
  }
  return (sql) => db.pragma(sql, { simple: true });
}

/** Makes the next page allocation of that connection fail with SQLITE_FULL; answers a size that cannot fit. */
export function fillDisk(pragma: Pragma): number {
  const pages = Number(pragma('page_count'));
  pragma(`max_page_count = ${pages}`);
  // Free pages could still absorb a row; an update larger than all of them cannot fit.
  const free = Number(pragma('freelist_count'));
  const pageSize = Number(pragma('page_size'));
  return (free + 4) * pageSize;
}

/** Lifts the limit again. */
export function freeDisk(pragma: Pragma): void {
  pragma('max_page_count = 1073741823');
}

/**
 * Makes the server's document commits fail (SQLite: the disk is full) or wait (PostgreSQL: another
 * connection holds the update log's table lock); the answer undoes it.
 */
export async function blockCommits(server: TestServer): Promise<() => Promise<void>> {
  const url = server.running.deps.env.DATABASE_URL;
  if (!url) {
    const pragma = commitConnection(server);
    pragma(`max_page_count = ${Number(pragma('page_count'))}`);
    return async () => freeDisk(pragma);
  }
  return await holdCommits(url);
}
