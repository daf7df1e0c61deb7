import { monitorEventLoopDelay } from 'node:perf_hooks';
import readline from 'node:readline';

/**
 * Instruments a benchmarked server process the same way for every server: the orchestrator writes
 * `reset` / `stats` lines on stdin and reads `STATS {json}` lines (event-loop delay in ms) on
 * stdout. CPU time and RSS are read from /proc/<pid> by the orchestrator itself.
 */
export function installProbe(): void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'reset') {
      delay.reset();
      process.stdout.write('RESET\n');
    } else if (command === 'stats') {
      const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
      const stats = {
        eldP50: ms(delay.percentile(50)),
        eldP99: ms(delay.percentile(99)),
        eldMax: ms(delay.max),
      };
      process.stdout.write(`STATS ${JSON.stringify(stats)}\n`);
    }
  });
  // The orchestrator closing our stdin means it is gone: do not linger.
  lines.on('close', () => process.kill(process.pid, 'SIGTERM'));
}

/** The directory for this server's database files (given by the orchestrator). */
export function dataDir(): string {
  const dir = process.env.BENCH_DATA_DIR;
  if (!dir) throw new Error('BENCH_DATA_DIR is not set');
  return dir;
}
