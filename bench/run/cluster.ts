import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from '../lib/stats';
import { CLUSTER_SCENARIOS, type RunningCluster, type Variant } from './clusterScenarios';
import { clusterReport, type ClusterResults } from './clusterReport';
import { flag, option, pin, quick, runs, servers } from './options';
import {
  copyDatabase,
  createEmptyDatabase,
  createTemplateDatabase,
  databaseUrlFor,
  dropDatabase,
  postgresPid,
  startBenchPostgres,
  stopBenchPostgres,
} from './postgres';
import { prepareWerkplaats } from './prepare';
import { startRedis, type TestRedis } from '../../tests/support/redis';
import { LOAD_AT_START, machine, writeResults } from './report';
import type { Metrics } from './scenarios';
import { startServer, type RunningServer } from './servers';

/*
 * `npm run bench -- --cluster [--quick] [--only a,b] [--servers a,b] [--runs n] [--no-write]`: several instances of
 * one server on one PostgreSQL and one Redis (both throwaway, started here), Werkplaats against
 * Hocuspocus 4 with its Redis extension. Each run starts its instances afresh (a copy of the prepared
 * database, an empty one for Hocuspocus, Redis emptied); the variants alternate from run to run.
 */

function seconds(since: number): number {
  return round((performance.now() - since) / 1000, 1);
}

/** Runs the `--cluster` suite and writes its block of docs/benchmarks.md (full runs). */
export async function runCluster(): Promise<void> {
  // Two cores shared by four servers, PostgreSQL, Redis and the load: there is nothing to pin to.
  if (pin) throw new Error('--pin does not apply to --cluster');
  const began = performance.now();
  const only = option('only')?.split(',');
  const scenarios = CLUSTER_SCENARIOS.filter((scenario) => !only || only.includes(scenario.name));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'werkplaats-bench-cluster-'));
  process.stderr.write(`bench: --cluster, ${machine()}, load average ${LOAD_AT_START}\n`);
  let redis: TestRedis | undefined;
  try {
    await startBenchPostgres();
    redis = await startRedis();
    const template = path.join(work, 'template');
    fs.mkdirSync(template);
    await createTemplateDatabase(template);
    const docCount = quick ? 100 : 200;
    // Hocuspocus takes any document name: a run without Werkplaats skips the preparation.
    const prepared = servers.includes('werkplaats')
      ? await prepareWerkplaats(template, docCount)
      : { cookie: '', docIds: Array.from({ length: docCount }, () => crypto.randomUUID()) };
    process.stderr.write(`bench: prepared ${prepared.docIds.length} documents (${seconds(began)} s)\n`);
    const results: ClusterResults = new Map();
    const failures: string[] = [];
    const times: Array<[string, number]> = [];
    let counter = 0;
    for (const scenario of scenarios) {
      const scenarioBegan = performance.now();
      const perVariant = new Map<string, Metrics[]>();
      results.set(scenario.name, perVariant);
      for (let run = 0; run < runs; run++) {
        // Alternate which variant goes first, so a drift of the machine favours neither.
        const chosen = scenario.variants.filter((variant) => servers.includes(variant.kind));
        const variants = run % 2 === 0 ? chosen : [...chosen].reverse();
        for (const variant of variants) {
          const key = path.join(work, `${counter++}-${variant.kind}`);
          const t0 = performance.now();
          let cluster: RunningCluster | undefined;
          try {
            cluster = await startCluster(variant, key, template, prepared.cookie, redis);
            const metrics = await scenario.run(cluster, prepared.docIds);
            perVariant.set(variant.label, [...(perVariant.get(variant.label) ?? []), metrics]);
            process.stderr.write(
              `bench: ${scenario.name} run ${run + 1} ${variant.label} ${JSON.stringify(metrics)} (${seconds(t0)} s)\n`,
            );
          } catch (error) {
            // Recorded and reported; the suite goes on, and exits non-zero at the end.
            failures.push(`${scenario.name} run ${run + 1} ${variant.label}: ${String(error)}`);
            process.stderr.write(`bench: FAILED ${failures.at(-1)}\n`);
          } finally {
            // Measured: no graceful shutdown (it stores and closes every document, measuring nothing).
            await Promise.all(cluster?.instances.map((instance) => instance.kill()) ?? []);
            await dropDatabase(key);
            await redis.command('FLUSHALL');
            fs.rmSync(key, { recursive: true, force: true });
          }
        }
      }
      times.push([scenario.name, seconds(scenarioBegan)]);
      process.stderr.write(`bench: ${scenario.name} took ${seconds(scenarioBegan)} s\n`);
    }
    let markdown = clusterReport(scenarios, results, (performance.now() - began) / 1000, times);
    if (failures.length > 0) {
      markdown += `\nFailed runs (left out of the medians):\n\n${failures.map((f) => `- ${f}`).join('\n')}\n`;
      process.exitCode = 1;
    }
    process.stdout.write(`\n${markdown}\n`);
    if (!quick && !flag('no-write') && !only && !option('servers'))
      await writeResults(markdown, 'bench:results-cluster');
  } finally {
    await redis?.stop();
    await stopBenchPostgres();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Starts `variant.instances` instances one after another, each with its own port and data
 * directory. Werkplaats: one copy of the prepared database that all of them share, and REDIS_URL.
 * Hocuspocus: one empty database that all of them share (its Database extension), and Redis.
 */
async function startCluster(
  variant: Variant,
  key: string,
  template: string,
  cookie: string,
  redis: TestRedis,
): Promise<RunningCluster> {
  let env: Record<string, string>;
  if (variant.kind === 'werkplaats') {
    await copyDatabase(template, key);
    env = { DATABASE_URL: databaseUrlFor(key)!, REDIS_URL: redis.url };
  } else {
    env = { BENCH_HOCUSPOCUS_DATABASE_URL: await createEmptyDatabase(key), BENCH_REDIS_URL: redis.url };
  }
  const bundle = variant.kind === 'hocuspocus' ? 'hocuspocusRedis' : undefined;
  const instances: RunningServer[] = [];
  try {
    for (let i = 0; i < variant.instances; i++) {
      const dir = path.join(key, `instance-${i + 1}`);
      fs.mkdirSync(dir, { recursive: true });
      instances.push(await startServer(variant.kind, dir, { env, bundle }));
    }
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.kill()));
    throw error;
  }
  return {
    kind: variant.kind,
    instances,
    target: {
      kind: variant.kind,
      url: instances[0]!.url,
      cookie: variant.kind === 'werkplaats' ? cookie : undefined,
    },
    trees: { postgres: postgresPid()!, redis: redis.pid },
  };
}
