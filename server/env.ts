import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_HOURS_PER_ECTS } from '../shared/domain/design/types';
import { SIGNUP_MODES } from '../shared/domain/signupPolicy';
import { parseTrustProxy } from './http/proxyAddress';

const MiB = 1024 * 1024;

/** A domain (`school.nl`) or all its subdomains (`*.school.nl`). */
const SIGNUP_DOMAIN = /^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/;

/** Pool threads by default: the event loop and the commit thread keep a core each where there are few. */
const DEFAULT_WORKER_THREADS = availableParallelism() <= 2 ? 1 : Math.min(4, availableParallelism() - 2);

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
  /**
   * Largest accepted WebSocket frame; bigger frames close that socket with 1009 before anything is
   * decoded. A 50-page document pasted at once is one ~215 KB update frame, so 2 MiB lets through
   * pastes of ~450 formatted pages (and a client's sync step 2 after as much offline typing), and
   * bounds what one frame makes the server decode and hold (Outline uses 1.5 MiB).
   */
  MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(2 * MiB),
  /** Compact a document's update log into one state row after about this many updates. */
  COMPACT_EVERY: z.coerce.number().int().min(2).default(500),
  /** Largest accepted JSON body on the HTTP API. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1 * MiB),
  /**
   * Comma-separated origins allowed for unsafe HTTP methods and WebSocket upgrades besides the
   * app's own (PUBLIC_ORIGIN, or derived from the request's Host header when that is unset).
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
  /**
   * `https://werkplaats.example.nl`: the app's origin as browsers reach it. Unsafe requests and
   * WebSocket upgrades must come from it (or ALLOWED_ORIGINS), links point to it, its scheme decides
   * https (the __Host- cookie, HSTS; X-Forwarded-Proto is then ignored), and a request for another
   * Host name gets 421. Unset: the own origin is derived from Host, and Host must name the listening
   * address (HOST, plus localhost for a loopback HOST; any name when HOST is 0.0.0.0 or ::).
   */
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      const url = URL.canParse(value) ? new URL(value) : undefined;
      if (
        !url ||
        !/^https?:$/.test(url.protocol) ||
        url.username ||
        url.password ||
        url.href !== `${url.origin}/`
      ) {
        ctx.addIssue({
          code: 'custom',
          message: 'an origin only (scheme, host, port) is expected, like https://werkplaats.example.nl',
        });
        return z.NEVER;
      }
      return url.origin;
    }),
  /**
   * Which peers may say where a request came from in X-Forwarded-For. Unset (or 0): nobody, the
   * socket's peer is the client — behind a proxy every user then shares its address and its limits.
   * `1` (or N): the nearest proxy (or N proxies) whoever it is; only when nothing but the proxy can
   * reach this server. A comma list of addresses and CIDRs (IPv4, IPv6; also `loopback`,
   * `linklocal`, `uniquelocal`): just those peers. The client is the right-most entry no trusted
   * proxy wrote, for every per-address limit and the audit log; entries left of it are ignored.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
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
   * Who may create an account: `open` (default) everyone; `closed` nobody (operators use `npm run
   * admin -- create-user`); `domains` addresses of SIGNUP_DOMAINS. Closed or another domain gets 403;
   * someone holding a valid team invite or feedback link may always sign up through it.
   */
  SIGNUP: z.enum(SIGNUP_MODES).default('open'),
  /**
   * With SIGNUP=domains, comma-separated: `school.nl` admits exactly `…@school.nl` (any case),
   * `*.school.nl` its subdomains (`…@mail.school.nl`), not school.nl itself.
   */
  SIGNUP_DOMAINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().regex(SIGNUP_DOMAIN, 'SIGNUP_DOMAINS entries look like school.nl or *.school.nl')),
    ),
  /**
   * People one user may add to teams by e-mail per hour (`POST /api/teams/:id/members`), hits and
   * misses alike: an answer says whether an e-mail has an account, so this bounds that probing and
   * adding strangers in bulk. Invite links are not counted.
   */
  MEMBER_ADDS_PER_USER_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Hours of study load per ECTS, for the study-load sum and rule R3's message. The seeds give sizes
   * in ECTS only; the default is de gangbare Nederlandse norm (28 uur per ECTS). A lab that counts
   * 25 or 30 hours sets it here; it changes no stored design, only how hours and ECTS compare.
   */
  HOURS_PER_ECTS: z.coerce.number().int().min(20).max(40).default(DEFAULT_HOURS_PER_ECTS),
  /**
   * The SMTP server mail leaves through: `smtp://user:pass@host:port` (STARTTLS when the server
   * offers it; a server offering neither TLS nor login works too) or `smtps://…` (TLS from the
   * first byte, port 465). Unset: no mail at all — reset and invite links are copied by hand, the
   * UI promises no mail. Mail is queued in the database and sent by a background job, so a slow or
   * failing SMTP server never holds up a request.
   */
  SMTP_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return undefined;
      if (!URL.canParse(value) || !/^smtps?:$/.test(new URL(value).protocol)) {
        ctx.addIssue({ code: 'custom', message: 'expected smtp://user:pass@host:port or smtps://…' });
        return z.NEVER;
      }
      return value;
    }),
  /** The From header of every mail, exactly as given: `Werkplaats <noreply@school.nl>`. */
  MAIL_FROM: z.string().min(3).default('Werkplaats <noreply@localhost>'),
  /**
   * Seconds before a failed mail is tried again; doubled per attempt up to an hour, given up after
   * two days (a reset mail after its link's hour). Lower only for tests.
   */
  MAIL_RETRY_SECONDS: z.coerce.number().positive().default(30),
  /**
   * How often notifications are turned into mail for people who chose `immediately`: a mention
   * reaches them within this time (plus sending). Each run is one indexed query when nothing is new.
   */
  MAIL_NOTIFY_SECONDS: z.coerce.number().positive().max(60).default(20),
  /** Hour of the day (server's time zone, TZ) the daily digest goes out. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Password-reset mails one address may ask for per hour; beyond it the answer stays 202, no mail. */
  RESET_MAILS_PER_EMAIL_PER_HOUR: z.coerce.number().int().min(1).default(3),
  /** Password-reset requests one client address may make per hour (beyond it 429). */
  RESET_REQUESTS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /**
   * Open collaboration sockets and event streams one user may hold (all documents, all tabs; an
   * editor tab holds one of each, so 40 is about 20 open documents). Beyond it the upgrade or stream
   * is refused with 429 (or, when two sockets arrive at once, the socket is closed with 1013).
   */
  MAX_SOCKETS_PER_USER: z.coerce.number().int().min(1).default(40),
  /**
   * Open collaboration sockets per client address. Behind a reverse proxy every user shares the
   * proxy's address unless TRUST_PROXY is set; without it, size this for the whole user base.
   */
  MAX_SOCKETS_PER_ADDRESS: z.coerce.number().int().min(1).default(200),
  /**
   * Document updates from one socket that may wait for their commit (storage slow or failing).
   * Beyond it that socket is closed with 1013; its client re-sends what is not stored on reconnect.
   */
  MAX_PENDING_UPDATES_PER_SOCKET: z.coerce.number().int().min(1).default(1000),
  /**
   * Threads for CPU-heavy requests (version diff, exports), so they never stop the event loop. Each
   * holds its own heap (tens of MB once used); more threads serve more such requests at once but
   * compete with the event loop and the commit thread for cores. Default: 1 up to two cores, else
   * one per core beyond two (at most 4).
   */
  WORKER_THREADS: z.coerce.number().int().min(1).max(16).default(DEFAULT_WORKER_THREADS),
  /** Diff/export requests that may wait for a worker thread; more get 503 ("Het is nu te druk"). */
  WORKER_QUEUE_MAX: z.coerce.number().int().min(0).default(16),
  /**
   * Time limit of one diff or export on a worker thread, in ms: the thread is terminated and
   * replaced, the request gets 503. Long enough for the largest real document (~1 s on one core).
   */
  WORKER_JOB_TIMEOUT_MS: z.coerce.number().int().min(10).default(10_000),
  /**
   * Bytes of document updates one socket may hold back because they build on content the server
   * does not have yet (normally for milliseconds: an edit typed during the handshake, or one built
   * on another tab's edit). More closes that socket with 1009; it re-syncs on reconnect. At least
   * MAX_FRAME_BYTES, so one whole frame can wait.
   */
  MAX_HELD_BYTES_PER_SOCKET: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * MiB),
  /**
   * The same over all sockets of one document; the socket whose update would pass it is closed
   * with 1013 (it reconnects and re-syncs). Bounds held memory per document, not per attacker.
   */
  MAX_HELD_BYTES_PER_DOCUMENT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * MiB),
  /**
   * Structs (insertions, runs of text, tombstones) in one document update; more closes the socket
   * with 1009 before anything is applied. A 50-page paste is ~4,600 structs; 900,000 one-letter
   * insertions in one 6.9 MiB frame held the event loop 2.4 s. Applying costs ~10 µs a struct.
   */
  MAX_STRUCTS_PER_UPDATE: z.coerce.number().int().min(1000).default(50_000),
  /**
   * Largest document, as its stored bytes (state plus update log, estimated between compactions). An
   * update adding content past it closes that socket with 4413 and the editor says "Dit document is
   * te groot"; deletions still pass. A 50-page formatted document is ~215 KB, so 16 MiB is several
   * thousand pages (the 6.9 MiB dense document of issue 19 took ~1.5 s to load cold).
   */
  MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(16 * MiB),
  /**
   * Document updates one socket may send per second on average, and at once (token bucket). Faster
   * closes that socket with 1013; its client reconnects and re-sends what was not stored as one
   * update. Typing sends ~10–30 a second and a paste one, so only scripts and floods meet it.
   */
  MAX_UPDATES_PER_SECOND: z.coerce.number().positive().default(200),
  MAX_UPDATES_BURST: z.coerce.number().int().min(1).default(1000),
  /** Largest awareness (presence) state of one client, in bytes; larger closes the socket (1009). */
  MAX_AWARENESS_BYTES: z.coerce
    .number()
    .int()
    .min(256)
    .default(16 * 1024),
  /** Awareness client ids one socket may announce (a tab has one; more is someone faking people). */
  MAX_AWARENESS_IDS_PER_SOCKET: z.coerce.number().int().min(1).default(4),
  /**
   * Presence frames (carets, selections) one socket may send per second, in bursts of four times
   * as many; more are dropped (not relayed), the socket stays. Each is sent to everyone in the
   * room, so this bounds what one reader can make the server send.
   */
  MAX_PRESENCE_FRAMES_PER_SECOND: z.coerce.number().positive().default(60),
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
   * within about this plus the rooms' 2 s refresh of the document row.
   */
  SEARCH_INDEX_INTERVAL_MS: z.coerce.number().int().min(100).default(2_000),
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
  if (parsed.data.SIGNUP === 'domains' && parsed.data.SIGNUP_DOMAINS.length === 0) {
    throw new Error(
      'Invalid configuration: SIGNUP=domains needs SIGNUP_DOMAINS (e.g. school.nl,*.school.nl)',
    );
  }
  return { ...parsed.data, DATA_DIR: path.resolve(parsed.data.DATA_DIR) };
}
