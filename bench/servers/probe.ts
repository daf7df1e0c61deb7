import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import fs from 'node:fs';
import inspector from 'node:inspector';
import readline from 'node:readline';

/**
 * Instruments a benchmarked server process the same way for every server: the orchestrator writes
 * `reset` / `stats` lines on stdin and reads `STATS {json}` lines (event-loop delay in ms) on
 * stdout. CPU time and RSS are read from /proc/<pid> by the orchestrator itself.
 */
export function installProbe(): void {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const allocDir = process.env.BENCH_ALLOC_DIR;
  const session = allocDir ? new inspector.Session() : undefined;
  if (session) {
    session.connect();
    session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
  }
  delay.enable();
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const command = line.trim();
    if (command === 'reset') {
      delay.reset();
      process.stdout.write('RESET\n');
    } else if (command === 'stats') {
      const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
      const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
      const memory = process.memoryUsage();
      const stats = {
        eldP50: ms(delay.percentile(50)),
        eldP99: ms(delay.percentile(99)),
        eldMax: ms(delay.max),
        heapUsedMb: mb(memory.heapUsed),
        heapTotalMb: mb(memory.heapTotal),
        externalMb: mb(memory.external),
        arrayBuffersMb: mb(memory.arrayBuffers),
        // Per V8 space: [size, physical (resident), used] — size alone hides how much is touched.
        spacesMb: Object.fromEntries(
          v8
            .getHeapSpaceStatistics()
            .filter((space) => space.space_size > 0)
            .map((space) => [
              space.space_name,
              [mb(space.space_size), mb(space.physical_space_size), mb(space.space_used_size)],
            ]),
        ),
      };
      // `npm run bench -- --heap <dir>`: a heap snapshot at the end of every measured window.
      const heapDir = process.env.BENCH_HEAP_DIR;
      if (session && allocDir) {
        session.post('HeapProfiler.stopSampling', (error, result) => {
          if (!error)
            fs.writeFileSync(
              path.join(allocDir, `alloc-${Date.now()}.heapprofile`),
              JSON.stringify(result.profile),
            );
        });
      }
      if (heapDir)
        v8.writeHeapSnapshot(
          path.join(heapDir, `${process.env.BENCH_SERVER ?? 'server'}-${Date.now()}.heapsnapshot`),
        );
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
