import type { LoadParams } from '../load/params';
import type { ServerKind, Target } from '../lib/protocol';
import { runLoad, type Watched } from './loadProcess';
import { option, quick } from './options';
import { num, type Metrics } from './scenarios';
import type { RunningServer } from './servers';

/*
 * What `npm run bench -- --cluster` measures: each scenario runs against a cluster of instances
 * (writers on the first, readers on the second) and returns its figures.
 */

/** One way of running the servers in a scenario: which server, how many instances. */
export interface Variant {
  label: string;
  kind: ServerKind;
  instances: number;
}

/** The instances of one run, started by bench/run/cluster.ts. */
export interface RunningCluster {
  kind: ServerKind;
  instances: RunningServer[];
  /** The load's target (kind, cookie); its url is that of instance 1. */
  target: Target;
  /** PostgreSQL's and Redis' process trees, measured alongside. */
  trees: NonNullable<Watched['trees']>;
}

/** One measurement, run against each of its variants. */
export interface ClusterScenario {
  name: string;
  title: string;
  variants: Variant[];
  show: Array<{ key: string; label: string; higher?: boolean }>;
  run: (cluster: RunningCluster, docs: string[]) => Promise<Metrics>;
  note?: string;
  /** The ratio row: variant index over variant index (default: the first over the second). */
  ratio?: [number, number];
}

/** Werkplaats (PostgreSQL + Redis) and Hocuspocus 4 (Redis extension), two instances each. */
const PAIRS: Variant[] = [
  { label: 'Werkplaats × 2 (PostgreSQL + Redis)', kind: 'werkplaats', instances: 2 },
  { label: 'Hocuspocus 4 × 2 (Redis extension)', kind: 'hocuspocus', instances: 2 },
];

/** Runs a load with writers on instance 1 and readers on instance 2; every process measured. */
async function crossInstance(cluster: RunningCluster, params: LoadParams) {
  const [writers, readers] = cluster.instances as [RunningServer, RunningServer];
  const measured = await runLoad({ ...params, target: cluster.target, readUrl: readers.url }, writers, {
    servers: [readers],
    trees: cluster.trees,
  });
  const [w, r] = measured.windows as [(typeof measured.windows)[0], (typeof measured.windows)[0]];
  return {
    result: measured.result,
    figures: {
      cpuW: w.cpuPercent,
      cpuR: r.cpuPercent,
      rssW: w.rssMb,
      rssR: r.rssMb,
      cpuPg: measured.trees.postgres,
      cpuRedis: measured.trees.redis,
      cpuLoad: measured.trees.load,
      cpuAll: measured.machineCpu,
    },
  };
}

const fanout =
  (docs: number, readers: number, rate: number, writers: number): ClusterScenario['run'] =>
  async (cluster, docIds) => {
    const { result, figures } = await crossInstance(cluster, {
      mode: 'fanout',
      target: cluster.target,
      docIds: docIds.slice(0, docs),
      readersPerDoc: readers,
      writersPerDoc: writers,
      rate,
      seconds: Number(option('seconds') ?? (quick ? 1 : 5)),
      warmup: quick ? 0.3 : 0.5,
    });
    return { p50: num(result.p50), p99: num(result.p99), lost: num(result.lost), ...figures };
  };

/** CPU of what the instances share: the database, Redis, the load process and the whole machine. */
const sharedCpuColumns: ClusterScenario['show'] = [
  { key: 'cpuPg', label: 'CPU % PostgreSQL' },
  { key: 'cpuRedis', label: 'CPU % Redis' },
  { key: 'cpuLoad', label: 'CPU % load process' },
  { key: 'cpuAll', label: 'CPU % machine (of 200)' },
];

const processColumns: ClusterScenario['show'] = [
  { key: 'cpuW', label: 'CPU % writers’ instance' },
  { key: 'cpuR', label: 'CPU % readers’ instance' },
  ...sharedCpuColumns,
];

const fanoutColumns: ClusterScenario['show'] = [
  { key: 'p50', label: 'p50 ms' },
  { key: 'p99', label: 'p99 ms' },
  { key: 'lost', label: 'lost' },
  ...processColumns,
  { key: 'rssW', label: 'RSS MB writers’' },
  { key: 'rssR', label: 'RSS MB readers’' },
];

const F = quick ? { readers: 50, docs: 20, docReaders: 5 } : { readers: 200, docs: 200, docReaders: 10 };

/** Every `--cluster` scenario, in the order of the report. */
export const CLUSTER_SCENARIOS: ClusterScenario[] = [
  {
    name: 'cluster-fanout-200',
    title: `Cross-instance fan-out: 1 doc × ${F.readers} readers × 10 updates/s (writers on instance 1, readers on instance 2)`,
    variants: PAIRS,
    show: fanoutColumns,
    run: fanout(1, F.readers, 10, 2),
  },
  {
    name: 'cluster-fanout-docs',
    title: `Cross-instance fan-out: ${F.docs} docs × ${F.docReaders} readers × 5 updates/s (writers on instance 1, readers on instance 2)`,
    variants: PAIRS,
    show: fanoutColumns,
    run: fanout(F.docs, F.docReaders, 5, 1),
  },
  {
    name: 'cluster-saturation',
    title: `Cross-instance saturation: 1 doc × ${F.readers} readers on instance 2, 10 writers on instance 1, rate raised until p99 > 100 ms`,
    variants: PAIRS,
    note: 'The single-server saturation ramp (steps of ≥ 1.5 s and ≥ 200 updates, rates doubling from 50/s, then two bisections; a step fails on p99 > 100 ms or any update missing 1 s after it), with the writers on one instance and the readers on the other. CPU % is over the whole ramp.',
    show: [
      { key: 'reached', label: 'updates/s reached (p99 ≤ 100 ms)', higher: true },
      { key: 'p99', label: 'p99 ms there' },
      { key: 'failed', label: 'first failed updates/s', higher: true },
      ...processColumns,
    ],
    run: async (cluster, docIds) => {
      const { result, figures } = await crossInstance(cluster, {
        mode: 'saturation',
        target: cluster.target,
        docIds,
        readersPerDoc: F.readers,
        writersPerDoc: 10,
        rates: quick ? [100] : [50, 100, 200, 400, 800, 1600, 3200, 6400],
        refine: quick ? 0 : 2,
        seconds: quick ? 1 : 1.5,
        minUpdates: quick ? 50 : 200,
        warmup: quick ? 0.3 : 1,
      });
      process.stderr.write(
        `bench: cluster saturation ${cluster.kind}: reached ${String(result.reached)}/s, stopped by ${String(result.stoppedBy)} at ${String(result.failed)}/s\n`,
      );
      return {
        reached: num(result.reached),
        p99: num(result.p99AtReached),
        failed: num(result.failed),
        ...figures,
      };
    },
  },
  {
    name: 'cluster-durable',
    title: `Durable write throughput, 1 vs 2 Werkplaats instances (4 sockets pipelining ${quick ? '2,000' : '48,000'} small updates into 2 docs)`,
    variants: [
      { label: 'Werkplaats × 1 (PostgreSQL + Redis)', kind: 'werkplaats', instances: 1 },
      { label: 'Werkplaats × 2 (PostgreSQL + Redis)', kind: 'werkplaats', instances: 2 },
    ],
    ratio: [1, 0],
    note: 'The same load in both rows: two sockets per document, each document with one observer socket; with two instances document 1 is written and watched on instance 1, document 2 on instance 2. Acked = every update durably acknowledged (committed in PostgreSQL), over the time from the first send to the last ack.',
    show: [
      { key: 'acked', label: 'updates/s durably acked', higher: true },
      { key: 'rate', label: 'updates/s relayed', higher: true },
      { key: 'cpu1', label: 'CPU % instance 1' },
      { key: 'cpu2', label: 'CPU % instance 2' },
      ...sharedCpuColumns,
    ],
    run: async (cluster, docIds) => {
      const [first, ...others] = cluster.instances as [RunningServer, ...RunningServer[]];
      const measured = await runLoad(
        {
          mode: 'clusterDurable',
          target: cluster.target,
          docIds: docIds.slice(0, 2),
          instanceUrls: cluster.instances.map((instance) => instance.url),
          updates: quick ? 2000 : 48_000,
        },
        first,
        { servers: others, trees: cluster.trees },
      );
      return {
        acked: num(measured.result.ackedPerSecond),
        rate: num(measured.result.updatesPerSecond),
        cpu1: measured.windows[0]?.cpuPercent,
        cpu2: measured.windows[1]?.cpuPercent,
        cpuPg: measured.trees.postgres,
        cpuRedis: measured.trees.redis,
        cpuLoad: measured.trees.load,
        cpuAll: measured.machineCpu,
      };
    },
  },
];
