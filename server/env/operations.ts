import { z } from 'zod';

/** Commits, versions, search, backups, metrics and logs. */
export const operationsSettings = {
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
  /**
   * Versions one document may get per minute (saved by hand, restores and status moves alike), across
   * all instances; beyond it 429. Saving after a session is one a minute at most; six leaves room
   * for a status move and a restore in the same minute.
   */
  VERSIONS_PER_MINUTE_PER_DOCUMENT: z.coerce.number().int().min(1).default(6),
  /**
   * Versions one document may hold (409 beyond). A team saving after every session (two or three a
   * working day) makes about 600 a year; 1,000 lasts longer, with room for status moves.
   */
  MAX_VERSIONS_PER_DOCUMENT: z.coerce.number().int().min(1).default(1000),
  /**
   * Bytes of all versions of one document (state and projection; 413 beyond). A year of versions of
   * a typical leerarrangement (≈220 KB each, 600 a year) is ≈130 MB; 250 MB leaves twice that.
   */
  MAX_VERSION_BYTES_PER_DOCUMENT: z.coerce.number().int().min(1).default(250_000_000),
  /**
   * Bytes a team's documents may take together (their state, update log and versions); a new
   * version beyond it is refused with 413, and the team page shows the use. 2 GB holds about fifteen
   * documents with a full year of versions each.
   */
  TEAM_STORAGE_MAX_BYTES: z.coerce.number().int().min(1).default(2_000_000_000),
  /**
   * How often the search index catches up with changed documents, in ms. A change is findable
   * within about this plus the rooms' 2 s refresh of the document row, plus 3 s of quiet for a
   * document already indexed.
   */
  SEARCH_INDEX_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
  /** A document that keeps being edited is indexed again at least this often (seconds). */
  SEARCH_INDEX_BUSY_SECONDS: z.coerce.number().int().min(1).default(30),
  /**
   * Automatic versions: one once a document has rested this many seconds after edits (0: no
   * automatic versions), and at least every AUTO_VERSION_EVERY_SECONDS while editing goes on.
   */
  AUTO_VERSION_IDLE_SECONDS: z.coerce.number().min(0).default(600),
  AUTO_VERSION_EVERY_SECONDS: z.coerce.number().min(1).default(3600),
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
  /**
   * Least severe level logged: `debug`, `info` (default: one access-log line per HTTP request and
   * WebSocket upgrade), `warn` (drops the access log), `error` or `silent` (tests).
   */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /**
   * `json` (default): one JSON object per line on stderr (`level`, `time`, `msg`, fields), for a log
   * stack. `pretty`: readable coloured lines for a terminal (`npm run dev`); slower, not for production.
   */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
};
