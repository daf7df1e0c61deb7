import type { Env } from './env';
import { createSessionService, type SessionPolicy } from './auth/sessions';
import type { RoomRegistry } from './collab/rooms';
import type { Database } from './db/database';
import type { AppDeps, Stores } from './deps';
import { createStores } from './stores';
import type { DocStorage } from './stores/docStorage';
import { createMetrics } from './metrics';
import { workerPoolFor } from './workers/pool';
import { NO_MAIL } from './mail/service';

/** What createAppDeps needs beyond the database. */
export interface AppDepsParts {
  env: Env;
  database: Database;
  docStorage: DocStorage;
  sessionPolicy: SessionPolicy;
  rooms: RoomRegistry;
  cluster?: AppDeps['cluster'];
  limiters: AppDeps['limiters'];
  /** The pool for CPU-heavy requests; one from env when absent (its threads start on first use). */
  workers?: AppDeps['workers'];
  /** The server's metrics; a fresh registry without process metrics when absent (tests). */
  metrics?: AppDeps['metrics'];
  /** E-mail; off when absent. */
  mail?: AppDeps['mail'];
}

/**
 * The dependencies of routes and commands. `deps.transaction(fn)` hands `fn` the same shape bound
 * to one transaction (its stores and sessions run inside it, and a nested `transaction` joins it),
 * so a command written against `deps` runs unchanged inside another command's transaction.
 */
export function createAppDeps(
  parts: AppDepsParts,
  stores = createStores(parts.database.db, parts.docStorage),
): AppDeps {
  const { database, docStorage, sessionPolicy } = parts;
  const metrics = parts.metrics ?? createMetrics({ processMetrics: false });
  const workers = parts.workers ?? workerPoolFor(parts.env);
  const bound = (boundStores: Stores, transaction: AppDeps['transaction']): AppDeps => ({
    env: parts.env,
    database,
    stores: boundStores,
    sessions: createSessionService(boundStores.sessions, boundStores.users, sessionPolicy),
    rooms: parts.rooms,
    cluster: parts.cluster,
    limiters: parts.limiters,
    workers,
    metrics,
    mail: parts.mail ?? NO_MAIL,
    transaction,
  });
  const root: AppDeps = bound(stores, (fn) =>
    database.transaction(async (trx) => {
      const tx: AppDeps = bound(createStores(trx, docStorage), async (inner) => await inner(tx));
      return await fn(tx);
    }),
  );
  return root;
}
