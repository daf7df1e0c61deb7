import path from 'node:path';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** Every setting, its default and why; parsed once from the environment (see README, "Configuratie"). */
export const envSchema = z.object({
  /** Interface to listen on. Loopback by default: put a TLS proxy in front for real deployments. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Port; 0 picks a free one (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  /** Where the SQLite database lives; created on first start. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Unset: everything lives in SQLite in DATA_DIR. `postgres://user:pass@host:port/db` (TLS via
   * `?sslmode=require`): PostgreSQL holds everything and DATA_DIR nothing essential. The role needs
   * to own its database, not to be a superuser.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /**
   * Connections this instance keeps to PostgreSQL. Each one is a server process on the database
   * side: instances × this must stay under the server's max_connections (100 by default).
   */
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
  /**
   * `redis://host:port` (or `rediss://` for TLS), with DATABASE_URL: this instance joins the cluster
   * of every instance on the same database and Redis (README, "Running several instances").
   * Unset: the instance runs alone.
   */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  /** Largest accepted WebSocket frame; bigger frames close that socket with 1009. */
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * MiB),
  /** Compact a document's update log into one state row after about this many updates. */
  COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  /** Largest accepted JSON body on the HTTP API. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1 * MiB),
  /**
   * Comma-separated origins allowed for unsafe HTTP methods and WebSocket upgrades. Empty: the
   * app's own origin (derived from the Host header of the request).
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** A session ends after this many hours without a request. */
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(72),
  /** A session ends this many days after login, however active. */
  SESSION_MAX_DAYS: z.coerce.number().positive().default(30),
  /**
   * Wrong passwords (at login, password change and account deletion) allowed for one account from
   * one client address within LOGIN_WINDOW_MINUTES; then 429 for that account from that address
   * only, so nobody elsewhere can lock its owner out. An IPv6 address counts by its /64.
   */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** Wrong passwords allowed from one client address within the window, across accounts (then 429). */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  /** New accounts allowed per address per hour. */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * People one user may add to teams by e-mail per hour (`POST /api/teams/:id/members`), hits and
   * misses alike: an answer says whether an e-mail has an account, so this bounds that probing and
   * adding strangers in bulk. Invite links are not counted.
   */
  MEMBER_ADDS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Open collaboration sockets and event streams one user may hold (all documents, all tabs; an
   * editor tab holds one of each, so 40 is about 20 open documents). Beyond it the upgrade or stream
   * is refused with 429 (or, when two sockets arrive at once, the socket is closed with 1013).
   */
  MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(40),
  /**
   * Open collaboration sockets per network address. Behind a reverse proxy every user shares the
   * proxy's address, so size this for the whole user base there.
   */
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(200),
  /**
   * Document updates from one socket that may wait for their commit (storage slow or failing).
   * Beyond it that socket is closed with 1013; its client re-sends what is not stored on reconnect.
   */
  MAX_PENDING_UPDATES_PER_SOCKET: z.coerce.number().int().min(1).default(1000),
  /** Largest awareness (presence) state of one client, in bytes; larger closes the socket (1009). */
  MAX_AWARENESS_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(16 * 1024),
  /** Awareness client ids one socket may announce (a tab has one; more is someone faking people). */
  MAX_AWARENESS_IDS_PER_SOCKET: z.coerce.number().int().min(1).default(4),
  /** How often sockets are pinged (one that missed the last ping is dropped) and idle ones closed. */
  HEARTBEAT_SECONDS: z.coerce.number().positive().default(30),
  /**
   * A socket that sends nothing for this long is closed (y-websocket renews its presence every
   * 15 s, so only abandoned or hostile sockets are affected); its document is unloaded when no one
   * is left.
   */
  SOCKET_IDLE_SECONDS: z.coerce.number().positive().default(600),
  /**
   * A connection must have sent its complete request head (HTTP request or WebSocket upgrade)
   * within this time, or it is closed: slow or silent unauthenticated connections do not linger.
   */
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Whole HTTP request (head and body) time limit. */
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /**
   * How long one SQLite statement waits for a lock held by another process before failing with
   * SQLITE_BUSY. better-sqlite3 waits synchronously (the event loop stands still), so keep it short:
   * the update writer retries a failed commit with backoff anyway.
   */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).default(1000),
  /**
   * Where the group commit of document updates runs (SQLite): 'auto' (default) on the event loop
   * while commits are quick and on a worker thread with its own connection while they hold the loop
   * (server/collab/adaptiveCommitter.ts); 'worker' always on the worker; 'main' always on the loop;
   * 'split' the transaction on the loop and its fsync on libuv's thread pool
   * (server/collab/splitCommitter.ts).
   */
  COMMIT_THREAD: z.enum(['auto', 'worker', 'main', 'split']).default('auto'),
  /** Minutes between online backups into DATA_DIR/backups; 0 turns scheduled backups off. */
  BACKUP_INTERVAL_MINUTES: z.coerce.number().min(0).default(60),
  /** Backups kept in DATA_DIR/backups (oldest removed first). */
  BACKUP_KEEP: z.coerce.number().int().min(1).default(48),
  /**
   * Bearer token of `GET /metrics` (Prometheus text: process metrics and `werkplaats_*`). Unset or
   * empty: metrics are off (404). At least 16 characters: anyone holding it reads the server's load.
   */
  METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .pipe(z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional()),
  /** Quieter logs in tests. */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** Parses settings from `source` (process.env by default); throws a readable error on bad values. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`Invalid configuration: ${details}`);
  }
  if (parsed.data.REDIS_URL && !parsed.data.DATABASE_URL) {
    throw new Error(
      'Invalid configuration: REDIS_URL needs DATABASE_URL — instances can only share a PostgreSQL database, not SQLite files',
    );
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
