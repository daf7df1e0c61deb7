import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import * as Y from 'yjs';
import { createAppDeps } from '../../../server/appDeps';
import { AttemptLimiter } from '../../../server/auth/rateLimit';
import type { RoomRegistry } from '../../../server/collab/rooms';
import { createTeam } from '../../../server/commands/teams';
import { openSqlite, type Database } from '../../../server/db/database';
import { openPostgres } from '../../../server/db/postgres';
import { seedExampleTemplates } from '../../../server/db/seed';
import type { AppDeps } from '../../../server/deps';
import { loadEnv } from '../../../server/env';
import { ApiError } from '../../../server/http/apiError';
import { setLogLevel } from '../../../server/log';
import type { DocStorage } from '../../../server/stores/docStorage';
import type { TeamKind } from '../../../shared/domain/roles';
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres';

/**
 * What the concurrency tests share: the app's deps on a real database of either engine (commands
 * run exactly as the routes call them), a stub for the sync server, and two ways to make a race
 * happen every time rather than by luck:
 * - `interleave`: the first caller runs its checks, stops just before writing, the second caller
 *   runs to the end, then the first one writes. Races of checks made outside the transaction, on
 *   both engines (on SQLite these are the only races: its transactions run one at a time).
 * - `holdRows` + `waitForLockWaiters` (PostgreSQL): the test holds a row lock that both callers'
 *   writes need, waits until both transactions are open and blocked on it, then lets go. Races of
 *   checks made inside transactions under READ COMMITTED.
 */

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** The sync server as the commands see it: documents held in memory, every call recorded. */
export interface StubRooms {
  registry: RoomRegistry;
  /** Documents readDocument reads (what a loaded room would hold). */
  docs: Map<string, Y.Doc>;
  calls: Array<{ method: string; args: unknown[] }>;
}

function stubRooms(): StubRooms {
  const docs = new Map<string, Y.Doc>();
  const calls: StubRooms['calls'] = [];
  const registry = {
    peek: (docId: string) => {
      const doc = docs.get(docId);
      return doc ? { doc } : undefined;
    },
    refreshAccess: async (...args: unknown[]) => {
      calls.push({ method: 'refreshAccess', args });
    },
    applyServerUpdate: async (docId: string, update: Uint8Array) => {
      calls.push({ method: 'applyServerUpdate', args: [docId] });
      const doc = docs.get(docId);
      if (doc) Y.applyUpdate(doc, update);
    },
    closeSessions: (...args: unknown[]) => {
      calls.push({ method: 'closeSessions', args });
    },
  };
  return { registry: registry as unknown as RoomRegistry, docs, calls };
}

/** Documents are read from the stub rooms only; the update log is not part of these tests. */
const noDocStorage = new Proxy({} as DocStorage, {
  get(_target, name) {
    throw new Error(`the concurrency tests keep documents in the stub rooms (docStorage.${String(name)})`);
  },
});

/** The database, deps and helpers of one engine, ready after the describe block's beforeAll. */
export interface Harness {
  engine: Engine;
  database: Database;
  deps: AppDeps;
  rooms: StubRooms;
  /** A user with a unique e-mail (`passwordHash` as given: a real one only where a test logs in). */
  user(name?: string, passwordHash?: string): Promise<{ id: string; email: string; name: string }>;
  /** A team created through the command, `ownerId` its owner. */
  team(ownerId: string, kind?: TeamKind): Promise<string>;
  /** Loads a document's stored initial state into the stub rooms (as a room would). */
  open(docId: string): Promise<Y.Doc>;
  /** PostgreSQL: holds the rows `query` selects `FOR UPDATE` in a transaction of its own until release(). */
  holdRows(query: string, params: unknown[]): Promise<{ release(): Promise<void> }>;
  /** PostgreSQL: waits until `count` other sessions of this database wait for a lock. */
  waitForLockWaiters(count: number): Promise<void>;
}

/**
 * Registers the hooks that open `engine`'s database (migrated, example ontwikkelpaden seeded) for
 * a describe block and close it afterwards. Tests of a block share the database and keep apart by
 * making their own users and teams.
 */
export function useEngine(engine: Engine): Harness {
  const h = { engine, rooms: stubRooms() } as Harness;
  let dataDir = '';
  let url = '';
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    setLogLevel('silent');
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'werkplaats-conc-'));
    if (engine === 'postgres') {
      // A throwaway cluster per block (about a second to start), removed after it.
      cluster = await startPostgresCluster();
      url = await cluster.createDatabase();
      h.database = await openPostgres({ url, poolMax: 10 });
    } else {
      h.database = openSqlite(dataDir);
    }
    await seedExampleTemplates(h.database);
    h.deps = createAppDeps({
      env: loadEnv({ DATA_DIR: dataDir }),
      database: h.database,
      docStorage: noDocStorage,
      sessionPolicy: { idleTimeoutMs: 3_600_000, absoluteLifetimeMs: 86_400_000 },
      rooms: h.rooms.registry,
      limiters: {
        passwordByAccountAddress: new AttemptLimiter(100, 60_000),
        passwordByAddress: new AttemptLimiter(100, 60_000),
        signupByAddress: new AttemptLimiter(100, 60_000),
        memberAddsByUser: new AttemptLimiter(100, 60_000),
        resetMailsByEmail: new AttemptLimiter(100, 60_000),
        resetRequestsByAddress: new AttemptLimiter(100, 60_000),
      },
    });
  });
  afterAll(async () => {
    await h.database?.close();
    await rm(dataDir, { recursive: true, force: true });
    await cluster?.stop();
  });

  h.user = async (name = 'Gebruiker', passwordHash = 'x') => {
    const user = { id: randomUUID(), email: `${randomUUID()}@werkplaats.test`, name };
    await h.deps.stores.users.insert({ ...user, passwordHash });
    return user;
  };
  h.team = async (ownerId, kind = 'cocreatieteam') =>
    (await createTeam(h.deps, ownerId, { name: `Team ${randomUUID().slice(0, 6)}`, kind })).id;
  h.open = async (docId) => {
    const row = await h.database.db
      .selectFrom('doc_state')
      .select('state')
      .where('doc_id', '=', docId)
      .executeTakeFirstOrThrow();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(row.state));
    h.rooms.docs.set(docId, doc);
    return doc;
  };
  h.holdRows = async (query, params) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`${query} FOR UPDATE`, params);
    return {
      async release() {
        await client.query('COMMIT');
        await client.end();
      },
    };
  };
  h.waitForLockWaiters = async (count) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(h.database.db);
      if (rows[0]!.n >= count) return;
      if (Date.now() > deadline) throw new Error(`${rows[0]!.n} of ${count} transactions reached the lock`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return h;
}

/** How a call ended. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

async function outcome<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** `deps` whose first transaction waits for `pause()` before it opens. */
export function beforeTransaction(deps: AppDeps, pause: () => Promise<void>): AppDeps {
  return {
    ...deps,
    transaction: async (fn) => {
      await pause();
      return await deps.transaction(fn);
    },
  };
}

/**
 * Runs `first` until it calls `pause` (its checks done, e.g. through beforeTransaction), then
 * `second` to its end, then the rest of `first`. `pause` stops only the first time it is called.
 */
export async function interleave<A, B>(
  first: (pause: () => Promise<void>) => Promise<A>,
  second: () => Promise<B>,
): Promise<[Outcome<A>, Outcome<B>]> {
  let arrived!: () => void;
  const atPause = new Promise<void>((resolve) => (arrived = resolve));
  let resume!: () => void;
  const resumed = new Promise<void>((resolve) => (resume = resolve));
  let paused = false;
  const pause = async () => {
    if (paused) return;
    paused = true;
    arrived();
    await resumed;
  };
  const a = outcome(first(pause));
  await Promise.race([atPause, a]);
  expect(paused, 'the first caller reached its pause').toBe(true);
  const b = await outcome(second());
  resume();
  return [await a, b];
}

/** Runs the callers at once; their outcomes in order. */
export async function race<T>(...callers: Array<() => Promise<T>>): Promise<Outcome<T>[]> {
  return await Promise.all(callers.map(async (caller) => await outcome(caller())));
}

/** The ApiError's status, code and message of a failed outcome (the error itself if it is none). */
export function refusal(
  result: Outcome<unknown>,
): { status: number; code: string; message: string } | unknown {
  if (result.ok) return 'succeeded';
  const { error } = result;
  return error instanceof ApiError
    ? { status: error.status, code: error.code, message: error.message }
    : error;
}
