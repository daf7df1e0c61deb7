/**
 * `npm run bench [-- --quick] [--only a,b] [--servers a,b] [--runs n] [--pin] [--no-write]`
 *   [--profile dir] (CPU profile of Werkplaats) [--heap dir] (heap snapshot of every server)
 *   [--alloc dir] (sampled allocation profile of Werkplaats, garbage included; .heapprofile)
 *   [--verbose] (each server's memory and event-loop figures as measured, and Werkplaats' per-stage
 *     commit-path histograms of each run from its GET /metrics: bench/run/serverMetrics.ts)
 *   [--node-flags "..."] (Node/V8 flags for the Werkplaats process, for experiments)
 *   [--seconds n] (length of each fan-out measurement; default 5)
 *   [--perf dir] (perf record of each server over the measured window)
 *   [--load-profile dir] (CPU profile of every load process: is the measuring side the limit?)
 *   [--cluster] (two instances of each server on PostgreSQL + Redis instead: bench/run/cluster.ts)
 *   [--fsync-probe] (only the machine's commit latency distribution, which every report starts with)
 *   [--commit-threads a,b|none] (Werkplaats again with these COMMIT_THREAD settings in the fan-out
 *   scenarios; default main,worker on full runs: bench/run/entries.ts)
 *
 * Starts each server as its own process, one after another, and drives it with the same client
 * load from a separate process (bench/load.ts). Every scenario runs `runs` times, alternating the
 * servers; medians and ratios go to stdout and (full runs) to docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Target } from './lib/protocol';
import { round, sleep } from './lib/stats';
import { tracesDir } from './lib/trace';
import { flag, option, quick, runs, servers } from './run/options';
import { prepareWerkplaats } from './run/prepare';
import { LOAD_AT_START, machine, report, writeResults, type Results } from './run/report';
import { runCluster } from './run/cluster';
import { SCENARIOS, type Metrics } from './run/scenarios';
import { probeLine, probePostgres, probeSqlite } from './run/fsyncProbe';
import { copyDurably, startServer } from './run/servers';
import { entriesOf } from './run/entries';
import { commitPathReport, scrapeServer } from './run/serverMetrics';
import {
  benchEngine,
  copyDatabase,
  createTemplateDatabase,
  dropDatabase,
  scratchDatabaseUrl,
  startBenchPostgres,
  stopBenchPostgres,
} from './run/postgres';

/** Seconds since `since` (performance.now()), one decimal. */
function seconds(since: number): number {
  return round((performance.now() - since) / 1000, 1);
}

async function main(): Promise<void> {
  const began = performance.now();
  const only = option('only')?.split(',');
  // The quick smoke run skips the 1,000-reader fan-out and the saturation ramp: same code paths
  // as the 200-reader fan-out.
  const QUICK_SKIPS = new Set(['fanout-1000', 'saturation']);
  // The storage-only scenario drives the SQLite committer directly; on PostgreSQL the durable
  // scenario measures the same through the server.
  const SQLITE_ONLY = new Set(['groupcommit']);
  const scenarios = SCENARIOS.filter(
    (scenario) =>
      (only ? only.includes(scenario.name) : !(quick && QUICK_SKIPS.has(scenario.name))) &&
      !(benchEngine === 'postgres' && SQLITE_ONLY.has(scenario.name)),
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-bench-'));
  process.stderr.write(
    `bench: ${machine()}, load average ${LOAD_AT_START}, Werkplaats on ${benchEngine}\nbench: traces from ${tracesDir()}\n`,
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
    await startBenchPostgres();
    const probes = await commitProbes();
    await createTemplateDatabase(template);
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
      const perServer = new Map<string, Metrics[]>();
      results.set(scenario.name, perServer);
      for (let run = 0; run < runs; run++) {
        for (const { key, kind, env } of entriesOf(scenario)) {
          if (scenario.standalone) {
            const t0 = performance.now();
            const metrics = await scenario.standalone().catch((error: unknown) => {
              failures.push(`${scenario.name} run ${run + 1}: ${String(error)}`);
              process.stderr.write(`bench: FAILED ${failures.at(-1)}\n`);
              return null;
            });
            if (!metrics) continue;
            perServer.set(key, [...(perServer.get(key) ?? []), metrics]);
            process.stderr.write(
              `bench: ${scenario.name} run ${run + 1} ${JSON.stringify(metrics)} (${seconds(t0)} s)\n`,
            );
            continue;
          }
          const dir = path.join(work, `${counter++}-${kind}`);
          if (kind === 'werkplaats') {
            copyDurably(template, dir);
            await copyDatabase(template, dir);
          } else fs.mkdirSync(dir);
          const t0 = performance.now();
          const server = await startServer(kind, dir, { env });
          const t1 = performance.now();
          const stages = flag('verbose') && kind === 'werkplaats';
          const metricsBefore = stages ? await scrapeServer(server.url) : undefined;
          const target: Target = {
            kind,
            url: server.url,
            cookie: kind === 'werkplaats' ? prepared.cookie : undefined,
          };
          try {
            const metrics = await scenario.run(server, target, prepared.docIds).catch((error: unknown) => {
              // Recorded and reported; the suite goes on, and exits non-zero at the end.
              failures.push(`${scenario.name} run ${run + 1} ${key}: ${String(error)}`);
              process.stderr.write(`bench: FAILED ${failures.at(-1)}\n`);
              return null;
            });
            if (!metrics) continue;
            perServer.set(key, [...(perServer.get(key) ?? []), metrics]);
            process.stderr.write(
              `bench: ${scenario.name} run ${run + 1} ${key} ${JSON.stringify(metrics)} (${seconds(t0)} s: start ${round((t1 - t0) / 1000, 1)} s)\n`,
            );
            const metricsAfter = stages ? await scrapeServer(server.url) : undefined;
            if (metricsAfter) {
              process.stderr.write(
                `bench: ${scenario.name} run ${run + 1} ${key} per batch over the whole run (p50…max are bucket upper bounds):\n` +
                  commitPathReport(metricsBefore, metricsAfter)
                    .map((line) => `bench:   ${line}\n`)
                    .join(''),
              );
            }
          } finally {
            const t2 = performance.now();
            // Everything is measured by now and the data directory goes next: no graceful shutdown
            // (it flushes and compacts every room, seconds that measure nothing) — except when
            // profiling, where Node writes the .cpuprofile only on a normal exit.
            if (option('profile')) await server.stop();
            else await server.kill();
            fs.rmSync(dir, { recursive: true, force: true });
            await dropDatabase(dir);
            process.stderr.write(`bench: stopped ${key} in ${seconds(t2)} s\n`);
          }
        }
      }
      times.push([scenario.name, seconds(scenarioBegan)]);
      process.stderr.write(`bench: ${scenario.name} took ${seconds(scenarioBegan)} s\n`);
    }
    process.stderr.write(
      `bench: time per scenario: ${times.map(([name, s]) => `${name} ${s} s`).join(', ')}; total ${seconds(began)} s\n`,
    );
    let markdown = report(results, (performance.now() - began) / 1000, times, probes);
    if (failures.length > 0) {
      markdown += `\nFailed runs (left out of the medians):\n\n${failures.map((f) => `- ${f}`).join('\n')}\n`;
      process.exitCode = 1;
    }
    process.stdout.write(`\n${markdown}\n`);
    if (!quick && !flag('no-write') && !only) await writeResults(markdown);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await stopBenchPostgres();
  }
}

/** The machine's commit latency (SQLite, and PostgreSQL on `--db postgres`), as report lines. */
async function commitProbes(): Promise<string[]> {
  const lines = [probeLine('SQLite WAL, synchronous=FULL, in the temp dir', probeSqlite())];
  const url = await scratchDatabaseUrl();
  if (url) lines.push(probeLine('PostgreSQL, synchronous_commit on', await probePostgres(url)));
  for (const line of lines) process.stderr.write(`bench: ${line}\n`);
  return lines;
}

if (flag('cluster')) await runCluster();
else if (flag('fsync-probe')) {
  await startBenchPostgres();
  try {
    process.stdout.write(`${(await commitProbes()).join('\n')}\n`);
  } finally {
    await stopBenchPostgres();
  }
} else await main();
// Sleep briefly so child processes' last output is flushed before exit.
await sleep(50);
