import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { LoadParams } from '../load/params';
import { round } from '../lib/stats';
import { flag, option, ROOT } from './options';
import { taskset, type RunningServer } from './servers';

/*
 * The measuring side: a load process per scenario run, and what the server process used meanwhile.
 */

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

/** The server's figures over the measured window. */
export interface Window {
  cpuPercent: number | null;
  rssMb: number | null;
  eldP99: number | null;
}

/** Runs one load process; measures the server between its PHASE start and PHASE end lines. */
export async function runLoad(
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
