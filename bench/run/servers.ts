import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { bundleServer } from '../../server/cli/bundle';
import { SERVER_NODE_FLAGS } from '../../server/cli/nodeFlags';
import type { ServerKind } from '../lib/protocol';
import { flag, option, pin, ROOT } from './options';
import { databaseUrlFor } from './postgres';
import { BENCH_METRICS_TOKEN } from './serverMetrics';

/*
 * The servers under test, each its own process, talking to the suite over stdin/stdout lines.
 */

/** A started server process. */
export interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  command: (line: string, reply: string) => Promise<string>;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), when nothing more is measured. */
  kill: () => Promise<void>;
}

/** The command, pinned to `cpu` with `--pin`. */
export function taskset(cpu: string, command: string[]): string[] {
  return pin ? ['taskset', '-c', cpu, ...command] : command;
}

let bundled: Promise<void> | undefined;

/**
 * The server wrappers (bench/servers/*.ts) bundled as `npm start` bundles the server
 * (server/cli/bundle.ts): every server runs on plain Node, none carries tsx's loader thread and
 * transformed sources (~35 MB of RSS), so memory and CPU compare like for like.
 */
async function serverBundle(name: BundleName): Promise<string> {
  const outdir = path.join(ROOT, 'dist/bench');
  const names: BundleName[] = ['werkplaats', 'hocuspocus', 'ywebsocket', 'relay', 'hocuspocusRedis'];
  bundled ??= bundleServer(
    Object.fromEntries(names.map((entry) => [entry, `bench/servers/${entry}.ts`])),
    outdir,
  );
  await bundled;
  return path.join(outdir, `${name}.mjs`);
}

/** The server wrappers in bench/servers/: one per kind, plus Hocuspocus as a Redis cluster member. */
export type BundleName = ServerKind | 'hocuspocusRedis';

/** What `--cluster` changes about a server process. */
export interface ServerExtras {
  /** Another wrapper than the kind's own (e.g. Hocuspocus with its Redis extension). */
  bundle?: BundleName;
  /** More environment (DATABASE_URL, REDIS_URL …). */
  env?: Record<string, string>;
}

/** Starts one server on `dataDir` and waits for its LISTENING line. */
export async function startServer(
  kind: ServerKind,
  dataDir: string,
  extras: ServerExtras = {},
): Promise<RunningServer> {
  const env = {
    ...process.env,
    BENCH_DATA_DIR: dataDir,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    // --verbose shows Werkplaats' info lines too (e.g. where group commits run).
    LOG_LEVEL: flag('verbose') ? 'info' : 'error',
    NODE_ENV: 'production',
    // The load is one account on one address (thousands of sockets); the per-user and per-address
    // socket caps that protect a real deployment would refuse it, so they are lifted here only.
    MAX_SOCKETS_PER_USER: '100000',
    MAX_SOCKETS_PER_ADDRESS: '100000',
    // Likewise the cap on one socket's updates waiting for their commit: the write-throughput
    // scenario pipelines 3,000 per socket on purpose; with the cap (1,000) the socket is closed
    // (1013) and the run waits out its timeouts (95 s, "acked 133/s").
    MAX_PENDING_UPDATES_PER_SOCKET: '100000',
    // The versions scenario saves 1,000 versions of one document within seconds; the version rate
    // and count limits would refuse it.
    VERSIONS_PER_MINUTE_PER_DOCUMENT: '1000000',
    MAX_VERSIONS_PER_DOCUMENT: '1000000',
    // And the per-socket update rate (200/s, burst 1,000): those 3,000 go out at once.
    MAX_UPDATES_PER_SECOND: '1000000',
    MAX_UPDATES_BURST: '1000000',
  };
  // --verbose reads Werkplaats' commit-path histograms from GET /metrics after each run.
  if (kind === 'werkplaats' && flag('verbose')) Object.assign(env, { METRICS_TOKEN: BENCH_METRICS_TOKEN });
  const databaseUrl = kind === 'werkplaats' ? databaseUrlFor(dataDir) : undefined;
  if (databaseUrl) Object.assign(env, { DATABASE_URL: databaseUrl });
  Object.assign(env, extras.env);
  const profile = option('profile');
  const heap = option('heap');
  if (heap) Object.assign(env, { BENCH_HEAP_DIR: path.resolve(heap), BENCH_SERVER: kind });
  const alloc = option('alloc');
  if (alloc && kind === 'werkplaats') Object.assign(env, { BENCH_ALLOC_DIR: path.resolve(alloc) });
  // Every server runs the way `npm start` runs Werkplaats: bundled, on plain Node (no tsx).
  const script = [await serverBundle(extras.bundle ?? kind)];
  const [cmd, ...rest] = taskset('0', [
    process.execPath,
    ...(profile && kind === 'werkplaats' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []),
    // Werkplaats with the flags `npm start` gives it; `--node-flags "…"` adds to (and, as later
    // flags win, overrides) them for experiments.
    ...(kind === 'werkplaats' ? SERVER_NODE_FLAGS : []),
    ...(kind === 'werkplaats' ? (option('node-flags')?.split(' ').filter(Boolean) ?? []) : []),
    ...script,
  ]);
  const child = spawn(cmd!, rest, { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const waiters: Array<{ prefix: string; resolve: (line: string) => void }> = [];
  lines.on('line', (line) => {
    const index = waiters.findIndex((waiter) => line.startsWith(waiter.prefix));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(line);
    else if (flag('verbose')) console.error(`bench: ${kind}: ${line}`);
  });
  const next = (prefix: string, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${kind}: no "${prefix}" line`)), timeoutMs);
      waiters.push({
        prefix,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = await Promise.race([
    next('LISTENING'),
    exited.then(() => {
      throw new Error(`${kind} server exited before listening`);
    }),
  ]);
  const server: RunningServer = {
    kind,
    url: listening.split(' ')[1]!,
    pid: child.pid!,
    command: async (line, reply) => {
      const answer = next(reply, 60_000);
      child.stdin!.write(`${line}\n`);
      return answer;
    },
    restart: async () => {
      await stopChild(child, exited);
      const again = await startServer(kind, dataDir, extras);
      Object.assign(server, { ...again, restart: server.restart });
    },
    stop: () => stopChild(child, exited),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return server;
}

/**
 * Copies Werkplaats' prepared data directory and flushes the copy to disk before the server starts,
 * so the kernel's write-back of the copy cannot land on the server's first fsyncs; the other servers
 * start from an empty directory and never pay for it (docs/benchmarks.md, Finding 22).
 */
export function copyDurably(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
  const flush = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) flush(full);
      else if (entry.isFile()) fsyncPath(full);
    }
    fsyncPath(dir);
  };
  flush(to);
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
