import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/db/connection';
import type { Env } from '../../server/env';
import { startServer, type RunningServer } from '../../server/index';

/** Repository root (cwd of child servers). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

type Overrides = Partial<Record<keyof Env, string>>;

/** Creates a fresh, empty DATA_DIR under the OS temp dir. */
export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-test-'));
}

/** Removes a DATA_DIR made by makeDataDir. */
export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Path of the SQLite file inside a DATA_DIR. */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, DATABASE_FILE);
}

/**
 * A second, read-only connection to the database file — what is on disk, seen from outside the
 * server's own connection (committed transactions only).
 */
export function openReadOnly(dataDir: string): Database.Database {
  return new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
}

/** Number of rows in doc_updates for one document, read from disk through a separate connection. */
export function countLogRows(dataDir: string, docId: string): number {
  const db = openReadOnly(dataDir);
  try {
    return (
      db.prepare<[string], number>('SELECT COUNT(*) FROM doc_updates WHERE doc_id = ?').pluck().get(docId) ??
      0
    );
  } finally {
    db.close();
  }
}

/** POSTs /api/documents the way the browser does (same Origin); resolves with the new id. */
export async function createDocumentAt(
  url: string,
  body: { title?: string; sections?: string[] } = {},
): Promise<string> {
  const response = await fetch(`${url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/documents: ${response.status} ${text}`);
  const { id } = JSON.parse(text) as { id: string };
  return id;
}

/** An in-process server on port 0 with its own DATA_DIR. */
export interface TestServer {
  /** http://127.0.0.1:<port> (also the Origin the server accepts). */
  readonly url: string;
  /** ws://127.0.0.1:<port>/collab — the provider's serverUrl; the doc id is appended. */
  readonly wsUrl: string;
  readonly dataDir: string;
  /** The running server (its deps: db, stores, rooms). Replaced by restart(). */
  readonly running: RunningServer;
  /** Creates a document through the API; resolves with its id. */
  createDocument(body?: { title?: string; sections?: string[] }): Promise<string>;
  /** Closes the server and starts a new one on the same DATA_DIR (new port). */
  restart(): Promise<void>;
  /** Closes the server and removes DATA_DIR (when this helper created it). */
  close(): Promise<void>;
}

/**
 * Starts the real server (HTTP + WebSocket + SQLite) on 127.0.0.1:0 with a fresh DATA_DIR.
 * LOG_LEVEL is silent unless TEST_LOG_LEVEL says otherwise. Pass DATA_DIR to reuse a directory
 * (it is then left in place on close).
 */
export async function startTestServer(overrides: Overrides = {}): Promise<TestServer> {
  const ownsDataDir = overrides.DATA_DIR === undefined;
  const dataDir = overrides.DATA_DIR ?? makeDataDir();
  const settings: Overrides = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: (process.env.TEST_LOG_LEVEL as Env['LOG_LEVEL'] | undefined) ?? 'silent',
    ALLOWED_ORIGINS: '',
    ...overrides,
    DATA_DIR: dataDir,
  };
  let running = await startServer(settings);
  let closed = false;

  return {
    get url() {
      return running.url;
    },
    get wsUrl() {
      return `${running.url.replace(/^http/, 'ws')}/collab`;
    },
    dataDir,
    get running() {
      return running;
    },
    createDocument: (body) => createDocumentAt(running.url, body),
    async restart() {
      await running.close();
      running = await startServer(settings);
    },
    async close() {
      if (closed) return;
      closed = true;
      await running.close();
      if (ownsDataDir) removeDataDir(dataDir);
    },
  };
}

/** A server started as a child process (`node --import tsx server/cli/serve.ts`). */
export interface ChildServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly pid: number;
  /** Sends a signal to the child. */
  kill(signal: NodeJS.Signals): void;
  /** Resolves when the child has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the child wrote to stderr so far (its logs). */
  stderr(): string;
}

/**
 * Spawns the production entry point on PORT=0 with `dataDir`, resolving once it prints
 * `LISTENING <url>`. Rejects (with the child's stderr) if it exits or stays silent for 30 s.
 */
export function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/serve.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`child server printed no LISTENING line within 30 s; stderr:\n${stderr}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^LISTENING (\S+)$/m.exec(stdout);
      if (!match?.[1]) return;
      clearTimeout(timer);
      const url = match[1];
      resolve({
        url,
        wsUrl: `${url.replace(/^http/, 'ws')}/collab`,
        pid: child.pid ?? -1,
        kill: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        },
        exited,
        stderr: () => stderr,
      });
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `child server exited (code ${code}, signal ${signal}) before listening; stderr:\n${stderr}`,
        ),
      );
    });
  });
}
