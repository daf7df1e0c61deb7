/**
 * `npm run bench [-- --quick] [--only a,b] [--servers a,b] [--runs n] [--pin] [--no-write]`
 *   [--profile dir] (CPU profile of Werkplaats) [--heap dir] (heap snapshot of every server)
 *   [--alloc dir] (sampled allocation profile of Werkplaats, garbage included; .heapprofile)
 *   [--verbose] (each server's memory and event-loop figures as measured)
 *   [--node-flags "..."] (Node/V8 flags for the Werkplaats process, for experiments)
 *   [--seconds n] (length of each fan-out measurement; default 5)
 *   [--perf dir] (perf record of each server over the measured window)
 *   [--load-profile dir] (CPU profile of every load process: is the measuring side the limit?)
 *
 * Starts each server as its own process, one after another, and drives it with the same client
 * load from a separate process (bench/load.ts). Every scenario runs `runs` times, alternating the
 * servers; medians and ratios go to stdout and (full runs) to docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import * as prettier from 'prettier';
import { bundleServer } from '../server/cli/bundle';
import type { LoadParams } from './load';
import type { ServerKind, Target } from './lib/protocol';
import { median, round, sleep } from './lib/stats';
import { tracesDir } from './lib/trace';

const ROOT = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const quick = flag('quick');
const pin = flag('pin');
const runs = Number(option('runs') ?? (quick ? 1 : 3));
const ALL_SERVERS: ServerKind[] = ['werkplaats', 'hocuspocus', 'ywebsocket', 'relay'];
const servers = (option('servers')?.split(',') as ServerKind[] | undefined) ?? ALL_SERVERS;
const LABEL: Record<ServerKind, string> = {
  werkplaats: 'Werkplaats',
  hocuspocus: 'Hocuspocus 4',
  ywebsocket: 'y-websocket 2.1.0',
  relay: 'bare relay',
};

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Metrics {
  [name: string]: number | null | undefined;
}

interface Scenario {
  name: string;
  title: string;
  servers: ServerKind[];
  /** Which metrics to show, with their unit; lower is better unless `higher`. */
  show: Array<{ key: string; label: string; higher?: boolean }>;
  run: (server: RunningServer, target: Target, docs: string[]) => Promise<Metrics>;
  /** A line under the table. */
  note?: string;
  /** Runs without a server process (storage-level measurements): used instead of `run`. */
  standalone?: () => Promise<Metrics>;
}

const fanout =
  (docs: number, readers: number, rate: number, writers: number): Scenario['run'] =>
  async (server, target, docIds) => {
    // `--seconds N` measures longer (profiling); the default keeps the suite short.
    const seconds = Number(option('seconds') ?? (quick ? 1 : 5));
    const params: LoadParams = {
      mode: 'fanout',
      target,
      docIds: docIds.slice(0, docs),
      readersPerDoc: readers,
      writersPerDoc: writers,
      rate,
      seconds,
      warmup: quick ? 0.3 : 0.5,
    };
    const { result, window } = await runLoad(params, server);
    return {
      p50: num(result.p50),
      p99: num(result.p99),
      lost: num(result.lost),
      cpu: window.cpuPercent,
      rssMb: window.rssMb,
      eldP99: window.eldP99,
    };
  };

const F = quick ? { big: 100, docs: 20, docReaders: 5 } : { big: 1000, docs: 200, docReaders: 10 };

const SCENARIOS: Scenario[] = [
  {
    name: 'fanout-200',
    title: `Fan-out: 1 doc × ${quick ? 50 : 200} readers × 10 updates/s`,
    servers: ALL_SERVERS,
    show: fanoutColumns(),
    run: fanout(1, quick ? 50 : 200, 10, 2),
  },
  {
    name: 'fanout-1000',
    title: `Fan-out: 1 doc × ${F.big} readers × 20 updates/s`,
    servers: ALL_SERVERS,
    show: fanoutColumns(),
    run: fanout(1, F.big, 20, 4),
  },
  {
    name: 'fanout-docs',
    title: `Fan-out: ${F.docs} docs × ${F.docReaders} readers × 5 updates/s`,
    servers: ALL_SERVERS,
    show: fanoutColumns(),
    run: fanout(F.docs, F.docReaders, 5, 1),
  },
  {
    name: 'saturation',
    title: `Saturation: 1 doc × ${quick ? 50 : 200} readers, rate raised until p99 > 100 ms`,
    servers: ALL_SERVERS,
    note: 'Steps of ≥ 1.5 s and ≥ 200 updates (rates doubling from 50/s, then two bisections), each measured on its own updates; a step fails on p99 > 100 ms or any update missing 1 s after it; a failure with the median still on time is retried once. When the load process cannot send the next rate (the run log says "stopped by load generator"), the figure is the rate it did send, if the server kept p99 ≤ 100 ms with nothing lost there — a lower bound: the server kept up with every rate it was given.',
    show: [
      { key: 'reached', label: 'updates/s reached (p99 ≤ 100 ms)', higher: true },
      { key: 'p99', label: 'p99 ms there' },
      { key: 'failed', label: 'first failed updates/s', higher: true },
      { key: 'cpu', label: 'CPU %' },
    ],
    run: async (server, target, docIds) => {
      // Doubling steps, then two bisections between the last good and the first failed rate.
      const { result, window } = await runLoad(
        {
          mode: 'saturation',
          target,
          docIds,
          readersPerDoc: quick ? 50 : 200,
          writersPerDoc: 10,
          rates: quick ? [100] : [50, 100, 200, 400, 800, 1600, 3200, 6400],
          refine: quick ? 0 : 2,
          seconds: quick ? 1 : 1.5,
          minUpdates: quick ? 50 : 200,
          warmup: quick ? 0.3 : 1,
        },
        server,
      );
      process.stderr.write(
        `bench: saturation ${server.kind}: reached ${String(result.reached)}/s, stopped by ${String(result.stoppedBy)} at ${String(result.failed)}/s\n`,
      );
      return {
        reached: num(result.reached),
        p99: num(result.p99AtReached),
        failed: num(result.failed),
        cpu: window.cpuPercent,
      };
    },
  },
  {
    name: 'memory',
    title: `Memory: ${quick ? 100 : 2000} idle small docs, ${quick ? 200 : 4000} connections`,
    servers: ALL_SERVERS,
    show: [
      { key: 'rssMb', label: 'RSS MB' },
      { key: 'connections', label: 'connections', higher: true },
    ],
    run: async (server, target, docIds) => {
      const { result, window } = await runLoad(
        {
          mode: 'memory',
          target,
          docIds: docIds.slice(0, quick ? 100 : 2000),
          readersPerDoc: 2,
          updates: quick ? 1 : 2,
        },
        server,
      );
      return { rssMb: window.rssMb, connections: num(result.connections) };
    },
  },
  {
    name: 'coldload',
    title: 'Cold load of the B4 document (socket open → sync step 2 received)',
    servers: ['werkplaats', 'hocuspocus', 'ywebsocket'],
    show: [
      { key: 'p50', label: 'p50 ms' },
      { key: 'p99', label: 'p99 ms' },
    ],
    run: async (server, target, docIds) => {
      const docs = docIds.slice(0, quick ? 2 : 8);
      await runLoad(
        { mode: 'coldseed', target, docIds: docs, traceEdits: quick ? 20_000 : undefined },
        server,
      );
      await server.restart();
      const { result } = await runLoad(
        { mode: 'coldload', target: { ...target, url: server.url }, docIds: docs },
        server,
      );
      return { p50: num(result.p50), p99: num(result.p99) };
    },
  },
  {
    name: 'durable',
    title: 'Write throughput (4 sockets pipelining small updates into 1 doc)',
    servers: ALL_SERVERS,
    show: [
      { key: 'rate', label: 'updates/s relayed', higher: true },
      { key: 'acked', label: 'updates/s durably acked', higher: true },
    ],
    run: async (server, target, docIds) => {
      const { result } = await runLoad(
        { mode: 'durable', target, docIds, updates: quick ? 1000 : 12_000 },
        server,
      );
      return { rate: num(result.updatesPerSecond), acked: num(result.ackedPerSecond) };
    },
  },
  {
    name: 'groupcommit',
    title: 'Storage only: our UpdateWriter group commit on SQLite (no sockets), by updates per turn',
    servers: ['werkplaats'],
    show: [
      { key: 'batch1', label: '1/turn', higher: true },
      { key: 'batch10', label: '10/turn', higher: true },
      { key: 'batch100', label: '100/turn', higher: true },
      { key: 'batch1000', label: '1,000/turn', higher: true },
    ],
    run: () => Promise.reject(new Error('standalone scenario')),
    standalone: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-bench-storage-'));
      try {
        const result = await runScript('bench/storage.ts', [dir, String(quick ? 2000 : 20_000)]);
        return {
          batch1: num(result.batch1),
          batch10: num(result.batch10),
          batch100: num(result.batch100),
          batch1000: num(result.batch1000),
        };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  {
    name: 'versions',
    title: 'Versions (Werkplaats only, HTTP API)',
    servers: ['werkplaats'],
    show: [
      { key: 'createSmall', label: 'create (small doc) ms' },
      { key: 'createB4', label: 'create (B4 doc) ms' },
      { key: 'createB4First', label: 'create right after a B4 update ms' },
      { key: 'list', label: `list ${quick ? 20 : 1000} ms` },
      { key: 'diff', label: 'diff two B4 versions ms' },
    ],
    run: async (server, target, docIds) => {
      const { result } = await runLoad(
        {
          mode: 'versions',
          target,
          docIds: docIds.slice(1, 3),
          versions: quick ? 20 : 1000,
          traceEdits: quick ? 20_000 : undefined,
        },
        server,
      );
      return {
        createSmall: num(result.createSmallP50),
        createB4: num(result.createB4),
        createB4First: num(result.createB4First),
        list: num(result.listP50),
        diff: num(result.diffP50),
      };
    },
  },
];

function fanoutColumns(): Scenario['show'] {
  return [
    { key: 'p50', label: 'p50 ms' },
    { key: 'p99', label: 'p99 ms' },
    { key: 'lost', label: 'lost' },
    { key: 'cpu', label: 'CPU %' },
    { key: 'rssMb', label: 'RSS MB' },
    { key: 'eldP99', label: 'loop delay p99 ms' },
  ];
}

/** Seconds since `since` (performance.now()), one decimal. */
function seconds(since: number): number {
  return round((performance.now() - since) / 1000, 1);
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

// ---------------------------------------------------------------------------------------------
// Server processes

interface RunningServer {
  kind: ServerKind;
  url: string;
  pid: number;
  command: (line: string, reply: string) => Promise<string>;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  /** Ends the process at once (SIGKILL), when nothing more is measured. */
  kill: () => Promise<void>;
}

function taskset(cpu: string, command: string[]): string[] {
  return pin ? ['taskset', '-c', cpu, ...command] : command;
}

let bundled: Promise<void> | undefined;

/**
 * The server wrappers (bench/servers/*.ts) bundled as `npm start` bundles the server
 * (server/cli/bundle.ts): every server runs on plain Node, none carries tsx's loader thread and
 * transformed sources (~35 MB of RSS), so memory and CPU compare like for like.
 */
async function serverBundle(kind: ServerKind): Promise<string> {
  const outdir = path.join(ROOT, 'dist/bench');
  const kinds: ServerKind[] = ['werkplaats', 'hocuspocus', 'ywebsocket', 'relay'];
  bundled ??= bundleServer(
    Object.fromEntries(kinds.map((name) => [name, `bench/servers/${name}.ts`])),
    outdir,
  );
  await bundled;
  return path.join(outdir, `${kind}.mjs`);
}

async function startServer(kind: ServerKind, dataDir: string): Promise<RunningServer> {
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
  };
  const profile = option('profile');
  const heap = option('heap');
  if (heap) Object.assign(env, { BENCH_HEAP_DIR: path.resolve(heap), BENCH_SERVER: kind });
  const alloc = option('alloc');
  if (alloc && kind === 'werkplaats') Object.assign(env, { BENCH_ALLOC_DIR: path.resolve(alloc) });
  // Every server runs the way `npm start` runs Werkplaats: bundled, on plain Node (no tsx).
  const script = [await serverBundle(kind)];
  const [cmd, ...rest] = taskset('0', [
    process.execPath,
    ...(profile && kind === 'werkplaats' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profile)}`] : []),
    // Experiments: `--node-flags "--max-semi-space-size=4"` runs Werkplaats with those Node flags.
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
      const again = await startServer(kind, dataDir);
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
function copyDurably(from: string, to: string): void {
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

const CLOCK_TICKS = 100;
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime + stime
}
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024, 1);
}

interface Window {
  cpuPercent: number | null;
  rssMb: number | null;
  eldP99: number | null;
}

/** Runs one load process; measures the server between its PHASE start and PHASE end lines. */
async function runLoad(
  params: LoadParams,
  server: RunningServer,
): Promise<{ result: Record<string, unknown>; window: Window }> {
  const loadProfile = option('load-profile');
  const [cmd, ...rest] = taskset('1', [
    process.execPath,
    ...(loadProfile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(loadProfile)}`] : []),
    '--import',
    'tsx',
    path.join(ROOT, 'bench/load.ts'),
    JSON.stringify({ ...params, target: { ...params.target, url: server.url } }),
  ]);
  const child = spawn(cmd!, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout! });
  const window: Window = { cpuPercent: null, rssMb: null, eldP99: null };
  let started = { cpu: 0, at: 0 };
  let perf: (() => Promise<void>) | undefined;
  let result: Record<string, unknown> = { error: 'no result' };
  const work: Array<Promise<unknown>> = [];
  for await (const line of lines) {
    if (line === 'PHASE start') {
      perf = startPerf(server);
      started = { cpu: cpuSeconds(server.pid), at: performance.now() };
      // A busy server may answer late; a missing figure must not end the suite.
      work.push(server.command('reset', 'RESET').catch(() => undefined));
    } else if (line === 'PHASE end') {
      if (perf) work.push(perf());
      const cpu = cpuSeconds(server.pid);
      const seconds = (performance.now() - started.at) / 1000;
      window.cpuPercent = round(((cpu - started.cpu) / seconds) * 100, 0);
      window.rssMb = rssMb(server.pid);
      work.push(
        server.command('stats', 'STATS').then(
          (line) => {
            const stats = JSON.parse(line.slice('STATS '.length)) as { eldP99: number };
            if (option('heap') || flag('verbose')) console.error(`bench: ${server.kind} ${line}`);
            window.eldP99 = round(Math.max(0, stats.eldP99 - PROBE_RESOLUTION_MS), 1);
          },
          () => undefined,
        ),
      );
    } else if (line.startsWith('RESULT ')) {
      result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
    }
  }
  await Promise.all(work);
  if (result.error) throw new Error(`${server.kind} ${params.mode}: ${String(result.error)}`);
  return { result, window };
}

const PROBE_RESOLUTION_MS = 5;

/**
 * `--perf <dir>`: `perf record -g` of the server process (all its threads, kernel included) over
 * the measured window only; run the server with `--node-flags --perf-basic-prof` for JS names.
 * Returns the function that stops it.
 */
function startPerf(server: RunningServer): (() => Promise<void>) | undefined {
  const dir = option('perf');
  if (!dir) return undefined;
  const file = path.resolve(dir, `${server.kind}-${Date.now()}.perf.data`);
  const child = spawn('perf', ['record', '-F', '999', '-g', '-p', String(server.pid), '-o', file], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return () => {
    child.kill('SIGINT');
    return exited;
  };
}

/** Runs a script that prints one `RESULT {json}` line. */
async function runScript(script: string, scriptArgs: string[]): Promise<Record<string, unknown>> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...scriptArgs], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let result: Record<string, unknown> = { error: `${script}: no result` };
  for await (const line of readline.createInterface({ input: child.stdout! })) {
    if (line.startsWith('RESULT '))
      result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
  }
  if (result.error) throw new Error(String(result.error));
  return result;
}

// ---------------------------------------------------------------------------------------------
// Werkplaats' data: one account, one team, 2,000 documents, made once through the HTTP API.

async function prepareWerkplaats(
  dir: string,
  docCount: number,
): Promise<{ cookie: string; docIds: string[] }> {
  const server = await startServer('werkplaats', dir);
  try {
    const post = async (route: string, body: unknown, cookie = '') => {
      const response = await fetch(`${server.url}${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: server.url },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
      return response;
    };
    const signup = await post('/api/auth/signup', {
      email: 'bench@example.org',
      password: 'benchmark-wachtwoord-42',
      name: 'Bench',
    });
    const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0]!;
    const team = (await (await post('/api/teams', { name: 'Bench', kind: 'atelier' }, cookie)).json()) as {
      id: string;
    };
    const docIds: string[] = [];
    for (let i = 0; i < docCount; i += 16) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(16, docCount - i) }, async () => {
          const response = await post('/api/documents', { teamId: team.id }, cookie);
          return ((await response.json()) as { id: string }).id;
        }),
      );
      docIds.push(...batch);
    }
    return { cookie, docIds };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string {
  const cpus = os.cpus();
  return [
    `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}`,
    `${round(os.totalmem() / 1024 ** 3, 1)} GiB RAM`,
    `Node ${process.version}`,
    `${os.type()} ${os.release()}`,
    pin ? 'server pinned to CPU 0, load to CPU 1' : 'not pinned',
  ].join(', ');
}

/** The 1-minute load average: latencies on a shared machine are only comparable with it in view. */
function loadAverage(): number {
  return round(os.loadavg()[0]!, 1);
}
const LOAD_AT_START = loadAverage();

type Results = Map<string, Map<ServerKind, Metrics[]>>;

function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(round(value, value >= 100 ? 0 : 1));
}

function table(scenario: Scenario, results: Map<ServerKind, Metrics[]>): string {
  const kinds = scenario.servers.filter((kind) => results.has(kind));
  const medianOf = (kind: ServerKind, key: string) =>
    median((results.get(kind) ?? []).map((metrics) => metrics[key] ?? Number.NaN));
  const baselines = kinds.filter((kind) => kind !== 'werkplaats');
  const header = ['server', ...scenario.show.map((column) => column.label)];
  const rows = kinds.map((kind) => [
    LABEL[kind],
    ...scenario.show.map((c) => formatValue(medianOf(kind, c.key))),
  ]);
  if (kinds.includes('werkplaats')) {
    for (const baseline of baselines) {
      rows.push([
        `ratio Werkplaats / ${LABEL[baseline]}`,
        ...scenario.show.map((column) => {
          const ours = medianOf('werkplaats', column.key);
          const theirs = medianOf(baseline, column.key);
          if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return '—';
          return `${round(ours / theirs, 2)}×`;
        }),
      ]);
    }
  }
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### ${scenario.title}`,
    '',
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
    ...(scenario.note ? [scenario.note, ''] : []),
  ].join('\n');
}

function report(results: Results, totalSeconds: number, times: Array<[string, number]>): string {
  const parts = [
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${runs} run(s) per scenario, servers alternating; medians; ${round(totalSeconds / 60, 1)} min in total (${times.map(([name, s]) => `${name} ${Math.round(s)} s`).join(', ')}).`,
    '',
    `Machine: ${machine()}; load average (1 min) ${LOAD_AT_START} at the start, ${loadAverage()} at the end.`,
    '',
  ];
  for (const scenario of SCENARIOS) {
    const scenarioResults = results.get(scenario.name);
    if (scenarioResults && scenarioResults.size > 0) parts.push(table(scenario, scenarioResults));
  }
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

async function main(): Promise<void> {
  const began = performance.now();
  const only = option('only')?.split(',');
  // The quick smoke run skips the 1,000-reader fan-out and the saturation ramp: same code paths
  // as the 200-reader fan-out.
  const QUICK_SKIPS = new Set(['fanout-1000', 'saturation']);
  const scenarios = SCENARIOS.filter((scenario) =>
    only ? only.includes(scenario.name) : !(quick && QUICK_SKIPS.has(scenario.name)),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-bench-'));
  process.stderr.write(
    `bench: ${machine()}, load average ${LOAD_AT_START}\nbench: traces from ${tracesDir()}\n`,
  );
  try {
    const template = path.join(work, 'template');
    fs.mkdirSync(template);
    // Werkplaats' documents are made once through its API (and copied for every run); the other
    // servers take any name, so a run without Werkplaats skips this.
    const needsWerkplaats =
      servers.includes('werkplaats') &&
      scenarios.some((scenario) => !scenario.standalone && scenario.servers.includes('werkplaats'));
    const docCount = quick ? 100 : 2000;
    const prepared = needsWerkplaats
      ? await prepareWerkplaats(template, docCount)
      : { cookie: '', docIds: Array.from({ length: docCount }, () => crypto.randomUUID()) };
    process.stderr.write(
      `bench: prepared ${prepared.docIds.length} ${needsWerkplaats ? 'Werkplaats documents' : 'document names'} (${seconds(began)} s)\n`,
    );
    const results: Results = new Map();
    const failures: string[] = [];
    const times: Array<[name: string, seconds: number]> = [];
    let counter = 0;
    for (const scenario of scenarios) {
      const scenarioBegan = performance.now();
      const perServer = new Map<ServerKind, Metrics[]>();
      results.set(scenario.name, perServer);
      for (let run = 0; run < runs; run++) {
        for (const kind of servers.filter((s) => scenario.servers.includes(s))) {
          if (scenario.standalone) {
            const t0 = performance.now();
            const metrics = await scenario.standalone().catch((error: unknown) => {
              failures.push(`${scenario.name} run ${run + 1}: ${String(error)}`);
              process.stderr.write(`bench: FAILED ${failures.at(-1)}\n`);
              return null;
            });
            if (!metrics) continue;
            perServer.set(kind, [...(perServer.get(kind) ?? []), metrics]);
            process.stderr.write(
              `bench: ${scenario.name} run ${run + 1} ${JSON.stringify(metrics)} (${seconds(t0)} s)\n`,
            );
            continue;
          }
          const dir = path.join(work, `${counter++}-${kind}`);
          if (kind === 'werkplaats') copyDurably(template, dir);
          else fs.mkdirSync(dir);
          const t0 = performance.now();
          const server = await startServer(kind, dir);
          const t1 = performance.now();
          const target: Target = {
            kind,
            url: server.url,
            cookie: kind === 'werkplaats' ? prepared.cookie : undefined,
          };
          try {
            const metrics = await scenario.run(server, target, prepared.docIds).catch((error: unknown) => {
              // Recorded and reported; the suite goes on, and exits non-zero at the end.
              failures.push(`${scenario.name} run ${run + 1} ${kind}: ${String(error)}`);
              process.stderr.write(`bench: FAILED ${failures.at(-1)}\n`);
              return null;
            });
            if (!metrics) continue;
            perServer.set(kind, [...(perServer.get(kind) ?? []), metrics]);
            process.stderr.write(
              `bench: ${scenario.name} run ${run + 1} ${kind} ${JSON.stringify(metrics)} (${seconds(t0)} s: start ${round((t1 - t0) / 1000, 1)} s)\n`,
            );
          } finally {
            const t2 = performance.now();
            // Everything is measured by now and the data directory goes next: no graceful shutdown
            // (it flushes and compacts every room, seconds that measure nothing) — except when
            // profiling, where Node writes the .cpuprofile only on a normal exit.
            if (option('profile')) await server.stop();
            else await server.kill();
            fs.rmSync(dir, { recursive: true, force: true });
            process.stderr.write(`bench: stopped ${kind} in ${seconds(t2)} s\n`);
          }
        }
      }
      times.push([scenario.name, seconds(scenarioBegan)]);
      process.stderr.write(`bench: ${scenario.name} took ${seconds(scenarioBegan)} s\n`);
    }
    process.stderr.write(
      `bench: time per scenario: ${times.map(([name, s]) => `${name} ${s} s`).join(', ')}; total ${seconds(began)} s\n`,
    );
    let markdown = report(results, (performance.now() - began) / 1000, times);
    if (failures.length > 0) {
      markdown += `\nFailed runs (left out of the medians):\n\n${failures.map((f) => `- ${f}`).join('\n')}\n`;
      process.exitCode = 1;
    }
    process.stdout.write(`\n${markdown}\n`);
    if (!quick && !flag('no-write') && !only) {
      const file = path.join(ROOT, 'docs/benchmarks.md');
      const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${START}\n${END}\n`;
      const [before, rest = ''] = current.split(START);
      const after = rest.split(END)[1] ?? '\n';
      // Formatted like every other file, so `npm run check` (prettier --check) stays clean.
      const text = `${before}${START}\n\n${markdown}\n${END}${after}`;
      const config = (await prettier.resolveConfig(file)) ?? {};
      fs.writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
      process.stderr.write(`bench: wrote ${path.relative(ROOT, file)}\n`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
// Sleep briefly so child processes' last output is flushed before exit.
await sleep(50);
