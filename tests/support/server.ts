import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../server/db/connection';
import type { PublishPreview } from '../../server/commands/templates';
import type { Env } from '../../server/env';
import { startServer, type RunningServer } from '../../server/index';
import type { Role } from '../../shared/domain/roles';
import { withStoredDocuments } from './collabEngines';
import { createTestPostgresDatabase, TEST_ENGINE } from './testEngine';

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

/** The PostgreSQL database of each running test server, by its DATA_DIR (absent on SQLite). */
const databaseUrls = new Map<string, string>();

/**
 * Number of rows in doc_updates for one document, read through a connection of its own (committed
 * rows only): the SQLite file in `dataDir`, or the PostgreSQL database of the server using it.
 */
export function countLogRows(dataDir: string, docId: string): Promise<number> {
  return withStoredDocuments({ dataDir, databaseUrl: databaseUrls.get(dataDir) }, (documents) =>
    documents.logRows(docId),
  );
}

/** Password of every user the helpers sign up (long enough for the ≥ 10 characters rule). */
export const TEST_PASSWORD = 'correct horse battery staple';

/** A signed-in user as the helpers return it. */
export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  /** The session token (`<id>.<secret>`) from the Set-Cookie header. */
  token: string;
  /** `werkplaats_session=<token>`, ready for a Cookie header (HTTP and WebSocket). */
  cookie: string;
}

/** A user who owns a team: what createDocument needs. */
export interface TestOwner extends TestUser {
  teamId: string;
}

/** Options of apiRequest. */
export interface RequestOptions {
  /** JSON body (serialised here); a string is sent as is. */
  body?: unknown;
  /** Cookie header, e.g. `user.cookie`. */
  cookie?: string;
  /** Extra headers; `origin` defaults to the server's own URL (what a browser sends). */
  headers?: Record<string, string>;
}

/**
 * Sends a request to the API the way the browser does: same Origin, JSON body, the session cookie
 * when given. `path` starts with /api.
 */
export function apiRequest(
  url: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: url, ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return fetch(`${url}${path}`, { method, headers, body });
}

/** Reads a JSON body, failing with status and text when the status is not `expected`. */
export async function expectJson<T>(response: Response, expected: number, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${response.status} ${text}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The session token a response set (plain or __Host- cookie), or undefined. */
export function sessionTokenOf(response: Response): string | undefined {
  for (const header of response.headers.getSetCookie()) {
    const match = /^(?:__Host-)?werkplaats_session=([^;]*)/.exec(header);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return undefined;
}

/** Cookie header value for a session token. */
export function sessionCookie(token: string): string {
  return `werkplaats_session=${encodeURIComponent(token)}`;
}

let emailCounter = 0;

/** A fresh e-mail address derived from a name, unique within this test process. */
export function uniqueEmail(name: string): string {
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'user';
  emailCounter++;
  return `${slug}-${process.pid}-${emailCounter}@werkplaats.test`;
}

/** Signs up through POST /api/auth/signup; resolves with the user and their session cookie. */
export async function signUpAt(
  url: string,
  name: string,
  options: { email?: string; password?: string } = {},
): Promise<TestUser> {
  const email = options.email ?? uniqueEmail(name);
  const password = options.password ?? TEST_PASSWORD;
  const response = await apiRequest(url, 'POST', '/api/auth/signup', { body: { email, password, name } });
  const user = await expectJson<{ id: string; email: string; name: string }>(
    response,
    201,
    `POST /api/auth/signup (${email})`,
  );
  const token = sessionTokenOf(response);
  if (!token) throw new Error('signup set no session cookie');
  return { ...user, password, token, cookie: sessionCookie(token) };
}

/** Logs in through POST /api/auth/login: a new session for an existing user. */
export async function logInAt(url: string, user: { email: string; password: string }): Promise<TestUser> {
  const response = await apiRequest(url, 'POST', '/api/auth/login', {
    body: { email: user.email, password: user.password },
  });
  const me = await expectJson<{ id: string; email: string; name: string }>(
    response,
    200,
    `POST /api/auth/login (${user.email})`,
  );
  const token = sessionTokenOf(response);
  if (!token) throw new Error('login set no session cookie');
  return { ...me, password: user.password, token, cookie: sessionCookie(token) };
}

/** Creates a team through POST /api/teams with `user` as owner; resolves with its id. */
export async function createTeamAt(
  url: string,
  user: { cookie: string },
  body: { name?: string; kind?: 'atelier' | 'cocreatieteam'; lab?: string; consortium?: string } = {},
): Promise<string> {
  const response = await apiRequest(url, 'POST', '/api/teams', {
    cookie: user.cookie,
    body: { name: 'Testteam', kind: 'atelier', ...body },
  });
  return (await expectJson<{ id: string }>(response, 201, 'POST /api/teams')).id;
}

/** Adds an existing user to a team through POST /api/teams/:teamId/members (as `owner`). */
export async function addMemberAt(
  url: string,
  owner: { cookie: string },
  teamId: string,
  member: { email: string },
  role: Role,
): Promise<void> {
  const response = await apiRequest(url, 'POST', `/api/teams/${teamId}/members`, {
    cookie: owner.cookie,
    body: { email: member.email, role },
  });
  await expectJson(response, 201, `POST /api/teams/${teamId}/members (${role})`);
}

/** Signs up a user and creates a team they own. */
export async function createOwnerAt(url: string, name = 'Eigenaar Test'): Promise<TestOwner> {
  const user = await signUpAt(url, name);
  const teamId = await createTeamAt(url, user);
  return { ...user, teamId };
}

/** POSTs /api/documents the way the browser does, into `owner.teamId`; resolves with the new id. */
export async function createDocumentAt(
  url: string,
  owner: { cookie: string; teamId: string },
  body: { title?: string; sections?: string[] } = {},
): Promise<string> {
  const response = await apiRequest(url, 'POST', '/api/documents', {
    cookie: owner.cookie,
    body: { teamId: owner.teamId, ...body },
  });
  return (await expectJson<{ id: string }>(response, 201, 'POST /api/documents')).id;
}

/** POSTs /api/templates/drafts as `user`; resolves with the new draft's document id. */
export async function createTemplateDraftAt(
  url: string,
  user: { cookie: string },
  body: { teamId: string; title?: string; fromVersionId?: string },
): Promise<string> {
  const response = await apiRequest(url, 'POST', '/api/templates/drafts', { cookie: user.cookie, body });
  return (await expectJson<{ id: string }>(response, 201, 'POST /api/templates/drafts')).id;
}

/** GET /api/templates/drafts/:docId/publish as `user`: what publishing now would do. */
export async function publishPreviewAt(
  url: string,
  user: { cookie: string },
  docId: string,
): Promise<PublishPreview> {
  const response = await apiRequest(url, 'GET', `/api/templates/drafts/${docId}/publish`, {
    cookie: user.cookie,
  });
  return expectJson<PublishPreview>(response, 200, `GET /api/templates/drafts/${docId}/publish`);
}

/** POST /api/templates/drafts/:docId/publish as `user`; the raw response (tests check refusals). */
export function publishTemplateAt(
  url: string,
  user: { cookie: string },
  docId: string,
  body: { version?: string; changeNote: string },
): Promise<Response> {
  return apiRequest(url, 'POST', `/api/templates/drafts/${docId}/publish`, { cookie: user.cookie, body });
}

/** Publishes and expects 201; resolves with the new version's id and number. */
export async function publishedAt(
  url: string,
  user: { cookie: string },
  docId: string,
  body: { version?: string; changeNote: string },
): Promise<{ id: string; version: string }> {
  const response = await publishTemplateAt(url, user, docId, body);
  return expectJson<{ id: string; version: string }>(response, 201, `publish ${docId}`);
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
  /**
   * The default owner: signed up (with a team) once per server, on first use. createDocument puts
   * documents in their team. Sessions live in the database, so the cookie survives restart().
   */
  owner(): Promise<TestOwner>;
  /** Cookie header of the default owner; throws before owner() or createDocument() resolved. */
  readonly cookie: string;
  /** Creates a document in the default owner's team through the API; resolves with its id. */
  createDocument(body?: { title?: string; sections?: string[] }): Promise<string>;
  /** Signs up a new user (unique e-mail derived from `name`). */
  signUp(name: string, options?: { email?: string; password?: string }): Promise<TestUser>;
  /** A new session for an existing user, through the login route. */
  logIn(user: { email: string; password: string }): Promise<TestUser>;
  /** Creates a team owned by `user`; resolves with its id. */
  createTeam(
    user: { cookie: string },
    body?: { name?: string; kind?: 'atelier' | 'cocreatieteam' },
  ): Promise<string>;
  /** Adds `member` to a team with `role`, as `owner`. */
  addMember(owner: { cookie: string }, teamId: string, member: { email: string }, role: Role): Promise<void>;
  /** An API request the way the browser sends it (see apiRequest). */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Closes the server and starts a new one on the same DATA_DIR (new port). */
  restart(): Promise<void>;
  /** Closes the server and removes DATA_DIR (when this helper created it). */
  close(): Promise<void>;
}

/**
 * Starts the real server (HTTP + WebSocket + database) on 127.0.0.1:0 with a fresh DATA_DIR and,
 * when TEST_ENGINE is postgres, a fresh PostgreSQL database (kept across restart()).
 * LOG_LEVEL is silent unless TEST_LOG_LEVEL says otherwise. Pass DATA_DIR to reuse a directory
 * (it is then left in place on close), or DATABASE_URL to reuse a PostgreSQL database.
 */
export async function startTestServer(overrides: Overrides = {}): Promise<TestServer> {
  const ownsDataDir = overrides.DATA_DIR === undefined;
  const dataDir = overrides.DATA_DIR ?? makeDataDir();
  const postgres =
    TEST_ENGINE === 'postgres' && overrides.DATABASE_URL === undefined
      ? await createTestPostgresDatabase()
      : undefined;
  const settings: Overrides = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: (process.env.TEST_LOG_LEVEL as Env['LOG_LEVEL'] | undefined) ?? 'silent',
    ALLOWED_ORIGINS: '',
    // Tests sign up many users from 127.0.0.1; only the rate-limit tests want the real limit.
    SIGNUPS_PER_ADDRESS_PER_HOUR: '1000',
    // Likewise one owner adds many members; tests/server/routes/teamMemberAdd.test.ts sets the limit.
    MEMBER_ADDS_PER_USER_PER_HOUR: '1000',
    // Automatic versions only where a test asks for them: a restart would record one otherwise.
    AUTO_VERSION_IDLE_SECONDS: '0',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...overrides,
    DATA_DIR: dataDir,
  };
  if (settings.DATABASE_URL) databaseUrls.set(dataDir, settings.DATABASE_URL);
  let running = await startServer(settings);
  let closed = false;
  let owner: Promise<TestOwner> | undefined;
  let ownerCookie: string | undefined;

  const server: TestServer = {
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
    owner() {
      owner ??= createOwnerAt(running.url).then((created) => {
        ownerCookie = created.cookie;
        return created;
      });
      return owner;
    },
    get cookie() {
      if (!ownerCookie)
        throw new Error('no default owner yet: await server.owner() or createDocument() first');
      return ownerCookie;
    },
    createDocument: async (body) => createDocumentAt(running.url, await server.owner(), body),
    signUp: (name, options) => signUpAt(running.url, name, options),
    logIn: (user) => logInAt(running.url, user),
    createTeam: (user, body) => createTeamAt(running.url, user, body),
    addMember: (ownerUser, teamId, member, role) => addMemberAt(running.url, ownerUser, teamId, member, role),
    request: (method, path, options) => apiRequest(running.url, method, path, options),
    async restart() {
      await running.close();
      running = await startServer(settings);
    },
    async close() {
      if (closed) return;
      closed = true;
      await running.close();
      if (ownsDataDir) removeDataDir(dataDir);
      databaseUrls.delete(dataDir);
      await postgres?.drop();
    },
  };
  return server;
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
 * `LISTENING <url>`. Rejects (with the child's stderr) if it exits or stays silent for
 * CHILD_BOOT_TIMEOUT_MS (default 60 s: a tsx boot took over 30 s on a 2-core machine at load 18).
 */
export function startChildServer(
  dataDir: string,
  env: Record<string, string> = {},
  command: { args: string[]; cwd?: string } = { args: ['--import', 'tsx', 'server/cli/serve.ts'] },
): Promise<ChildServer> {
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd ?? REPO_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const bootTimeoutMs = Number(process.env.CHILD_BOOT_TIMEOUT_MS) || 60_000;
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`child server printed no LISTENING line within ${bootTimeoutMs} ms; stderr:\n${stderr}`),
      );
    }, bootTimeoutMs);
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

/** POSTs /api/designs as `user` (a leerarrangement in a co-creatieteam); resolves with the new id. */
export async function createDesignAt(
  url: string,
  user: { cookie: string },
  body: { teamId: string; templateId: string; title?: string },
): Promise<string> {
  const response = await apiRequest(url, 'POST', '/api/designs', {
    cookie: user.cookie,
    body: { title: 'Leerarrangement', ...body },
  });
  return (await expectJson<{ id: string }>(response, 201, 'POST /api/designs')).id;
}

/** POSTs /api/trajects as `user`; resolves with the new traject's id. */
export async function createTrajectAt(
  url: string,
  user: { cookie: string },
  body: { teamId: string; templateVersionId: string; title?: string },
): Promise<string> {
  const response = await apiRequest(url, 'POST', '/api/trajects', {
    cookie: user.cookie,
    body: { title: 'Traject', ...body },
  });
  return (await expectJson<{ id: string }>(response, 201, 'POST /api/trajects')).id;
}
