import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { RoomRegistry } from './collab/rooms';
import { openDatabase } from './db/connection';
import type { AppDeps } from './deps';
import { loadEnv, type Env } from './env';
import { log, setLogLevel } from './log';
import { createDocStorage } from './stores/docStorage';
import { createDocumentStore } from './stores/documents';

/** A started server. */
export interface RunningServer {
  port: number;
  url: string;
  deps: AppDeps;
  /** Stops accepting, closes sockets, flushes and closes the database. */
  close(): Promise<void>;
}

/** Boots the whole server (HTTP API, WebSocket, static client) with settings from `overrides` + env. */
export async function startServer(
  overrides: Partial<Record<keyof Env, string>> = {},
): Promise<RunningServer> {
  const env = loadEnv({ ...process.env, ...overrides });
  setLogLevel(env.LOG_LEVEL);
  const db = openDatabase(env.DATA_DIR);
  const stores = { documents: createDocumentStore(db), docStorage: createDocStorage(db) };
  const rooms = new RoomRegistry(stores.docStorage, stores.documents, { compactEvery: env.COMPACT_EVERY });
  const deps: AppDeps = { env, db, stores, rooms };
  const { app, injectWebSocket, wss } = createApp(deps);

  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s as Server));
  });
  injectWebSocket(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${port}`;
  log.info(`werkplaats listening on ${url}`, { dataDir: env.DATA_DIR });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        rooms.close();
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
      });
      db.close();
      log.info('werkplaats stopped');
    })());

  return { port, url, deps, close };
}
