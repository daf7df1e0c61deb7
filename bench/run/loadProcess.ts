import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { LoadParams } from '../load/params';
import { round } from '../lib/stats';
import { flag, option, ROOT } from './options';
import { cpuSeconds, machineCpu, rssMb, treeCpu, treeCpuBetween } from './cpu';
import { taskset, type RunningServer } from './servers';

/*
 * The measuring side: a load process per scenario run, and what the server process used meanwhile.
 */

/** The server's figures over the measured window. */
export interface Window {
  cpuPercent: number | null;
  rssMb: number | null;
  eldP99: number | null;
}

/** What else `runLoad` measures: more servers (a cluster) and other process trees (by name). */
export interface Watched {
  /** Servers measured like the first one (CPU, RSS, event-loop delay), e.g. a cluster's others. */
  servers?: RunningServer[];
  /** Process trees whose CPU % is measured (a process and its children: PostgreSQL, Redis). */
  trees?: Record<string, number>;
}

/**
 * Runs one load process; measures the server (and what `watched` names) between its PHASE start
 * and PHASE end lines. CPU % is of one core; `machineCpu` is all cores together (200 = both busy);
 * with `trees`, `trees.load` is the load process' own CPU %.
 */
export async function runLoad(
  params: LoadParams,
  server: RunningServer,
  watched: Watched = {},
): Promise<{
  result: Record<string, unknown>;
  window: Window;
  windows: Window[];
  trees: Record<string, number>;
  machineCpu: number | null;
}> {
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
  const servers = [server, ...(watched.servers ?? [])];
  const windows: Window[] = servers.map(() => ({ cpuPercent: null, rssMb: null, eldP99: null }));
  const trees: Record<string, number> = {};
  let machine: number | null = null;
  let started = {
    cpu: [] as number[],
    trees: [] as Array<Map<number, number>>,
    load: 0,
    machine: 0,
    at: 0,
  };
  let perf: (() => Promise<void>) | undefined;
  let result: Record<string, unknown> = { error: 'no result' };
  const work: Array<Promise<unknown>> = [];
  const treeEntries = Object.entries(watched.trees ?? {});
  for await (const line of lines) {
    if (line === 'PHASE start') {
      perf = startPerf(server);
      started = {
        cpu: servers.map((s) => cpuSeconds(s.pid)),
        trees: treeEntries.map(([, pid]) => treeCpu(pid)),
        load: cpuSeconds(child.pid!),
        machine: machineCpu(),
        at: performance.now(),
      };
      // A busy server may answer late; a missing figure must not end the suite.
      for (const s of servers) work.push(s.command('reset', 'RESET').catch(() => undefined));
    } else if (line === 'PHASE end') {
      if (perf) work.push(perf());
      const seconds = (performance.now() - started.at) / 1000;
      const percent = (cpu: number) => round((cpu / seconds) * 100, 0);
      servers.forEach((s, i) => {
        const window = windows[i]!;
        window.cpuPercent = percent(cpuSeconds(s.pid) - started.cpu[i]!);
        window.rssMb = rssMb(s.pid);
        work.push(
          s.command('stats', 'STATS').then(
            (line) => {
              const stats = JSON.parse(line.slice('STATS '.length)) as { eldP99: number };
              if (option('heap') || flag('verbose')) console.error(`bench: ${s.kind} ${line}`);
              window.eldP99 = round(Math.max(0, stats.eldP99 - PROBE_RESOLUTION_MS), 1);
            },
            () => undefined,
          ),
        );
      });
      treeEntries.forEach(([name, pid], i) => {
        trees[name] = percent(treeCpuBetween(started.trees[i]!, treeCpu(pid)));
      });
      machine = percent(machineCpu() - started.machine);
      // The measuring side shares the machine: what it took is not the servers'.
      if (treeEntries.length > 0) trees.load = percent(cpuSeconds(child.pid!) - started.load);
    } else if (line.startsWith('RESULT ')) {
      result = JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
    }
  }
  await Promise.all(work);
  if (result.error) throw new Error(`${server.kind} ${params.mode}: ${String(result.error)}`);
  return { result, window: windows[0]!, windows, trees, machineCpu: machine };
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
export async function runScript(script: string, scriptArgs: string[]): Promise<Record<string, unknown>> {
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
