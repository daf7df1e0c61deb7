import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { documentLogOn } from './collab/documentLog';
import { RoomRegistry } from './collab/rooms';
import { openSqlite } from './db/database';
import { createAppDeps } from './appDeps';
import { createStores } from './stores';
import type { AppDeps } from './deps';
import { can } from '../shared/domain/roles';
import { createLimiters } from './auth/limiters';
import { createSessionService } from './auth/sessions';
import { documentRole } from './policies/document';
import { seedExampleTemplates } from './db/seed';
import { recoverTemplateRichText } from './commands/templateRichText';
import { scheduleBackups } from './db/backup';
import { startDeadlineJob } from './commands/rounds';
import { DEFAULT_PACE, startSearchIndexer } from './search/indexer';
import { AutoVersions } from './versions/autoVersions';
import { loadEnv, type Env } from './env';
import { configuredOrigin } from './http/origin';
import { log, setLogFormat, setLogLevel } from './log';
import { createMetrics } from './metrics';
import { watchSessionEnds } from './auth/sessionEnds';
import { startMail } from './mail/service';

const HOUR_MS = 60 * 60 * 1000;
const HEAD_CHECK_MS = 1_000;

/** Scheduled backups are SQLite's own (online backup of the file); on PostgreSQL, pg_dump's job. */
const NO_BACKUPS = { stop: async () => {}, runNow: async () => undefined };

/** A started server. */
export interface RunningServer {
  port: number;
  url: string;
  deps: AppDeps;
  /** Stops accepting, closes sockets, flushes and closes the database. */
  close(): Promise<void>;
  /** Runs an online backup now (as the schedule does); resolves with its file, undefined if it failed. */
  backupNow(): Promise<string | undefined>;
}

/** Boots the whole server (HTTP API, WebSocket, static client) with settings from `overrides` + env. */
export async function startServer(
  overrides: Partial<Record<keyof Env, string>> = {},
): Promise<RunningServer> {
  const env = loadEnv({ ...process.env, ...overrides });
  await setLogFormat(env.LOG_FORMAT);
  setLogLevel(env.LOG_LEVEL);
  // With DATABASE_URL everything lives in PostgreSQL: no SQLite file is opened or created. pg and
  // ioredis (below) load only when configured: a single SQLite instance keeps neither resident.
  const databaseUrl = env.DATABASE_URL;
  const database = databaseUrl
    ? await import('./db/postgres').then(({ openPostgres }) =>
        openPostgres({ url: databaseUrl, poolMax: env.DATABASE_POOL_MAX }),
      )
    : openSqlite(env.DATA_DIR);
  const { docStorage, committer } = documentLogOn(database, env);
  const metrics = createMetrics({ processMetrics: Boolean(env.METRICS_TOKEN) });
  const stores = createStores(database.db, docStorage);
  await seedExampleTemplates(database);
  await recoverTemplateRichText(stores.templateVersions, docStorage);
  const sessionPolicy = {
    idleTimeoutMs: env.SESSION_IDLE_HOURS * HOUR_MS,
    absoluteLifetimeMs: env.SESSION_MAX_DAYS * 24 * HOUR_MS,
  };
  const sessions = createSessionService(stores.sessions, stores.users, sessionPolicy);
  // REDIS_URL: the instances on this database relay to each other (loadEnv ensures DATABASE_URL).
  const cluster = env.REDIS_URL ? new (await import('./cluster/cluster')).Cluster(env.REDIS_URL) : undefined;
  // Set once deps exist; the rooms only tell it who edited what.
  const edits: { autoVersions?: AutoVersions } = {};
  const rooms = new RoomRegistry(docStorage, {
    onEdit: (docId, userId) => edits.autoVersions?.edited(docId, userId),
    compactEvery: env.COMPACT_EVERY,
    access: async (userId, docId) => {
      const role = (await documentRole(stores, userId, docId))?.role;
      return { canRead: can(role, 'document.read'), canWrite: can(role, 'document.edit') };
    },
    teamOf: async (docId) => (await stores.documents.get(docId))?.teamId,
    isSessionLive: (sessionId) => sessions.isLive(sessionId),
    touchSession: (sessionId) => sessions.touch(sessionId),
    heartbeatMs: env.HEARTBEAT_SECONDS * 1000,
    socketIdleMs: env.SOCKET_IDLE_SECONDS * 1000,
    maxSocketsPerUser: env.MAX_SOCKETS_PER_USER,
    maxSocketsPerAddress: env.MAX_SOCKETS_PER_ADDRESS,
    maxPendingUpdatesPerSocket: env.MAX_PENDING_UPDATES_PER_SOCKET,
    updates: {
      heldBytesPerSocket: env.MAX_HELD_BYTES_PER_SOCKET,
      heldBytesPerRoom: env.MAX_HELD_BYTES_PER_DOCUMENT,
      maxStructs: env.MAX_STRUCTS_PER_UPDATE,
      maxDocumentBytes: env.MAX_DOCUMENT_BYTES,
      rate: { perSecond: env.MAX_UPDATES_PER_SECOND, burst: env.MAX_UPDATES_BURST },
    },
    awareness: {
      maxStateBytes: env.MAX_AWARENESS_BYTES,
      maxIdsPerSocket: env.MAX_AWARENESS_IDS_PER_SOCKET,
      rate: { perSecond: env.MAX_PRESENCE_FRAMES_PER_SECOND, burst: 4 * env.MAX_PRESENCE_FRAMES_PER_SECOND },
    },
    committer,
    metrics: metrics.collab,
    link: cluster,
    // Rows other instances committed and nobody announced (Redis down, a message lost, an instance
    // killed after its commit) arrive within this time; a PostgreSQL database may be shared.
    headCheckMs: database.postgres ? HEAD_CHECK_MS : 0,
  });
  cluster?.attach(rooms);
  // Sessions the admin command ended (another process) lose their sockets here within seconds.
  const sessionEnds = await watchSessionEnds(stores.sessionEnds, rooms);
  metrics.watch(rooms);
  const backups = database.sqlite
    ? scheduleBackups(database.sqlite, env.DATA_DIR, {
        intervalMs: env.BACKUP_INTERVAL_MINUTES * 60_000,
        keep: env.BACKUP_KEEP,
      })
    : NO_BACKUPS;
  // In a cluster the limits are counted in Redis, so they hold for every instance together.
  const limiters = createLimiters(env, cluster?.redis);
  // Queued mail (a restart resumes the outbox) and notifications turned into mail.
  const mail = startMail({ stores, transaction: (fn) => deps.transaction(fn) }, env);
  const deps = createAppDeps(
    { env, database, docStorage, sessionPolicy, rooms, cluster, limiters, metrics, mail },
    stores,
  );
  // Expired session rows are removed hourly; validation refuses them anyway.
  const sweep = setInterval(
    () =>
      void sessions.sweep().catch((error: unknown) => {
        log.warn('could not remove expired sessions', { error: String(error) });
      }),
    HOUR_MS,
  );
  sweep.unref();
  // Feedback rounds close at their deadline here, never as a side effect of a read.
  const deadlines = await startDeadlineJob(deps);
  const autoVersions = new AutoVersions(deps, {
    idleMs: env.AUTO_VERSION_IDLE_SECONDS * 1000,
    activeMs: env.AUTO_VERSION_EVERY_SECONDS * 1000,
  });
  edits.autoVersions = autoVersions;
  // The search index follows committed state in the background, never on the commit path.
  const indexer = startSearchIndexer(deps, env.SEARCH_INDEX_INTERVAL_MS, {
    ...DEFAULT_PACE,
    busyMs: env.SEARCH_INDEX_BUSY_SECONDS * 1000,
  });
  const { app, injectWebSocket, wss } = createApp(deps);

  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        hostname: env.HOST,
        port: env.PORT,
        serverOptions: {
          // A connection that has not sent a complete request head (an upgrade included) in time
          // is closed; Node checks at connectionsCheckingInterval.
          headersTimeout: env.HEADERS_TIMEOUT_MS,
          requestTimeout: Math.max(env.REQUEST_TIMEOUT_MS, env.HEADERS_TIMEOUT_MS),
          connectionsCheckingInterval: Math.min(1000, env.HEADERS_TIMEOUT_MS),
        },
      },
      () => resolve(s as Server),
    );
  });
  injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;
  mail.listening(configuredOrigin({ ...env, PORT: port }));
  const where = database.sqlite ? { dataDir: env.DATA_DIR } : { database: 'postgres' };
  log.info(`werkplaats listening on ${url}`, {
    ...where,
    ...(cluster ? { cluster: cluster.id } : {}),
    node: process.version,
  });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweep);
      sessionEnds.stop();
      deadlines.stop();
      await indexer.stop();
      await mail.stop();
      // A backup in progress finishes first: the database is closed after it.
      await backups.stop();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Pending edits are committed and acked, sockets closed (1001) and documents compacted.
      await rooms.close();
      // After the last edits are committed: what was edited since the last automatic version is kept.
      await autoVersions.stop();
      await cluster?.close();
      for (const client of wss.clients) client.terminate();
      server.closeAllConnections();
      // Requests still waiting for a diff or an export get 503; their connections are closed anyway.
      await deps.workers.close();
      await stopped;
      await database.close();
      log.info('werkplaats stopped');
    })());

  return { port, url, deps, close, backupNow: backups.runNow };
}
