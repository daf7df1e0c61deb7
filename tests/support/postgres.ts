import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, escapeLiteral } from 'pg';
import { freePort } from './freePort';
import {
  findPostgresBin,
  postgresRunAs,
  PostgresServer,
  sweepAbandoned,
  type StopMode,
} from './postgresCluster';

/** Superuser of a throwaway cluster: trusted over the cluster's own unix socket only, for setup. */
export const ADMIN_ROLE = 'wp_admin';
/** The role the app connects as: owns its databases, has no superuser rights, uses a password over TCP. */
export const APP_ROLE = 'werkplaats';

/** What a test worker needs to make databases on a running cluster; plain data, for vitest's `provide`. */
export interface PostgresClusterInfo {
  port: number;
  /** The superuser over the unix socket (trust, no password): creating databases only. */
  adminUrl: string;
  /** Password of APP_ROLE. */
  appPassword: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    /** The run's shared cluster (tests/support/pgGlobalSetup.ts); absent when WERKPLAATS_TEST_PG=0. */
    werkplaatsPostgres?: PostgresClusterInfo;
  }
}

/** Options of startPostgresCluster. */
export interface PostgresClusterOptions {
  /**
   * true: fsync, full_page_writes and synchronous_commit on, as in production — for benchmarks and
   * for tests that kill() the database and expect every committed row back. false (default): all
   * three off for speed; then kill() may lose the last fraction of a second of commits.
   */
  durable?: boolean;
  /**
   * Where the cluster's temp dir is made. Default: for a cluster that is not durable, /dev/shm when it
   * is a tmpfs with room (no disk writes: on this machine a database is made in ~45 ms instead of
   * ~350 ms, and the cluster starts twice as fast; each database then holds ~7 MB of RAM); otherwise
   * the OS temp dir. A durable cluster stays on disk, where fsync means something.
   */
  parentDir?: string;
}

/** A running throwaway cluster (see startPostgresCluster). */
export interface PostgresCluster extends PostgresClusterInfo {
  /** The temp directory holding data, log and socket; stop() removes it. */
  dir: string;
  /** `postgres://werkplaats:…@127.0.0.1:PORT/<database>`: how the app connects in production. */
  appUrl(database: string): string;
  /** Makes a fresh, empty database owned by APP_ROLE and returns its DATABASE_URL. */
  createDatabase(): Promise<string>;
  /** Stops (fast: clean; immediate: as in a crash) and starts the server again, same port and data. */
  restart(mode?: StopMode): Promise<void>;
  /** SIGKILLs the postmaster; restart() brings it back. */
  kill(): Promise<void>;
  /** Stops the server and removes dir. */
  stop(): Promise<void>;
}

const DIR_PREFIX = 'werkplaats-pg-';
const RAM_DIR = '/dev/shm';
/** Free space RAM_DIR needs before a cluster goes there: a run's databases plus headroom. */
const RAM_DIR_MIN_FREE = 2 * 1024 ** 3;
const TMPFS_MAGIC = 0x01021994;

// Exactly two ways in: the superuser over a socket in a directory only the cluster's owner may enter,
// and the app role with a password over TCP. Everything else is rejected.
const PG_HBA = `local all ${ADMIN_ROLE} trust
host all ${APP_ROLE} 127.0.0.1/32 scram-sha-256
`;

// Safe only because the cluster is thrown away: none of these lose data unless the OS itself crashes,
// except synchronous_commit, which may drop the last commits when the server is killed.
// max_wal_size bounds the WAL kept between checkpoints, which is RAM when the cluster lives in RAM_DIR.
const NOT_DURABLE = {
  fsync: 'off',
  full_page_writes: 'off',
  synchronous_commit: 'off',
  max_wal_size: '256MB',
};

/**
 * Starts a throwaway PostgreSQL cluster: initdb into a fresh temp dir, listening on 127.0.0.1 on a
 * free port, running as a non-root user. Removed by stop(), or at the latest when the process exits.
 */
export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  for (const parent of new Set([os.tmpdir(), RAM_DIR])) sweepAbandoned(parent, DIR_PREFIX);
  const dir = fs.mkdtempSync(
    path.join(options.parentDir ?? defaultParentDir(options.durable ?? false), DIR_PREFIX),
  );
  const server = new PostgresServer(bin, dir, postgresRunAs());
  destroyOnExit(server);
  try {
    await server.init(ADMIN_ROLE, PG_HBA);
    server.configure({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: dir,
      // Every test file opens its own pool; two workers at a time stay far below this.
      max_connections: 300,
      ...(options.durable ? {} : NOT_DURABLE),
    });
    const port = await startOnFreePort(server);
    const info: PostgresClusterInfo = {
      port,
      adminUrl: `postgres://${ADMIN_ROLE}@/postgres?host=${encodeURIComponent(dir)}&port=${port}`,
      appPassword: randomBytes(18).toString('hex'),
    };
    await adminQuery(
      info,
      `CREATE ROLE ${APP_ROLE} LOGIN PASSWORD ${escapeLiteral(info.appPassword)} NOSUPERUSER NOCREATEROLE NOCREATEDB`,
    );
    return {
      ...info,
      dir,
      appUrl: (database) => appUrlOf(info, database),
      createDatabase: () => createDatabaseOn(info),
      restart: async (mode = 'fast') => {
        await server.stop(mode);
        await server.start();
      },
      kill: () => server.kill(),
      stop: async () => {
        await server.remove();
        live.delete(server);
      },
    };
  } catch (error) {
    live.delete(server);
    server.destroy();
    throw error;
  }
}

/** The URL APP_ROLE uses for `database` on the cluster `info` describes. */
export function appUrlOf(info: PostgresClusterInfo, database: string): string {
  return `postgres://${APP_ROLE}:${encodeURIComponent(info.appPassword)}@127.0.0.1:${info.port}/${encodeURIComponent(database)}`;
}

/** Makes a fresh, empty database owned by APP_ROLE on the cluster `info` describes; returns its URL. */
export async function createDatabaseOn(info: PostgresClusterInfo): Promise<string> {
  // Random rather than counted: test workers in several processes create databases at once.
  const name = `test_${randomBytes(6).toString('hex')}`;
  await adminQuery(info, `CREATE DATABASE ${name} OWNER ${APP_ROLE}`);
  return appUrlOf(info, name);
}

/** A fresh, empty database on the run's shared cluster (tests/support/pgGlobalSetup.ts); its DATABASE_URL. */
export async function testDatabaseUrl(): Promise<string> {
  // Imported here rather than at the top, so that benchmarks can use this module outside vitest.
  const { inject } = await import('vitest');
  const info = inject('werkplaatsPostgres');
  if (!info) {
    throw new Error(
      'No shared PostgreSQL cluster: tests/support/pgGlobalSetup.ts is not a globalSetup, or WERKPLAATS_TEST_PG=0',
    );
  }
  return createDatabaseOn(info);
}

async function adminQuery(info: PostgresClusterInfo, sql: string): Promise<void> {
  const client = new Client({ connectionString: info.adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function defaultParentDir(durable: boolean): string {
  if (durable) return os.tmpdir();
  try {
    const stats = fs.statfsSync(RAM_DIR);
    if (stats.type === TMPFS_MAGIC && stats.bavail * stats.bsize >= RAM_DIR_MIN_FREE) return RAM_DIR;
  } catch {
    // No /dev/shm (not Linux).
  }
  return os.tmpdir();
}

/**
 * Starts `server` on a port the OS just reported free. Another process may take that port before
 * PostgreSQL binds it, so a bind failure tries a new one.
 */
async function startOnFreePort(server: PostgresServer): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    server.configure({ port });
    try {
      await server.start();
      return port;
    } catch (error) {
      if (attempt === 3 || !/could not bind|could not create any TCP\/IP sockets/.test(String(error)))
        throw error;
    }
  }
}

/** Servers of this process not yet destroyed. */
const live = new Set<PostgresServer>();
let handlersInstalled = false;

/** Keeps `server` on the list destroyed when the process exits or is interrupted. */
function destroyOnExit(server: PostgresServer): void {
  live.add(server);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', destroyAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, function onSignal() {
      destroyAll();
      // Listening replaced the default "terminate"; restore it unless someone else handles the signal.
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    });
  }
}

function destroyAll(): void {
  for (const server of live) {
    try {
      server.destroy();
    } catch {
      // Best effort: the process is going away.
    }
  }
  live.clear();
}
