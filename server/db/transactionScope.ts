import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

const scope = new AsyncLocalStorage<{ open: boolean }>();

/** Runs `fn` as the body of an open transaction: root queries started inside it are refused. */
export async function inTransactionScope<T>(fn: () => Promise<T>): Promise<T> {
  const state = { open: true };
  try {
    return await scope.run(state, fn);
  } finally {
    state.open = false;
  }
}

/**
 * Refuses a query on the root handle while a transaction is open in the same async context. On
 * SQLite (one connection behind a mutex) such a query would wait forever for the transaction that
 * waits for it; on PostgreSQL it would silently run outside the transaction. Either way it is a bug:
 * inside a transaction, use the stores the transaction hands in.
 */
export class RootInsideTransactionGuard implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (scope.getStore()?.open) {
      throw new Error('A query on the root database ran inside a transaction: use the transaction’s stores.');
    }
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
