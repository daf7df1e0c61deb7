import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoadParams } from '../load/params';
import type { ServerKind, Target } from '../lib/protocol';
import { runLoad, runScript } from './loadProcess';
import { ALL_SERVERS, option, quick } from './options';
import type { RunningServer } from './servers';

/*
 * What the suite measures: each scenario drives one server with bench/load.ts and returns its figures.
 */

/** One run's figures, by metric name. */
export interface Metrics {
  [name: string]: number | null | undefined;
}

/** One measurement, run against each of its servers. */
export interface Scenario {
  name: string;
  title: string;
  servers: ServerKind[];
  /**
   * Which metrics to show, with their unit; lower is better unless `higher`. The median of the runs
   * unless `spread`: then the lowest and highest run (how far one run can be from the median).
   */
  show: Array<{ key: string; label: string; higher?: boolean; spread?: boolean }>;
  run: (server: RunningServer, target: Target, docs: string[]) => Promise<Metrics>;
  /** A line under the table. */
  note?: string;
  /** Runs without a server process (storage-level measurements): used instead of `run`. */
  standalone?: () => Promise<Metrics>;
  /** Werkplaats runs again with the other COMMIT_THREAD settings (bench/run/entries.ts). */
  variants?: boolean;
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
      p999: num(result.p999),
      max: num(result.max),
      lost: num(result.lost),
      cpu: window.cpuPercent,
      rssMb: window.rssMb,
      eldP99: window.eldP99,
    };
  };

const F = quick ? { big: 100, docs: 20, docReaders: 5 } : { big: 1000, docs: 200, docReaders: 10 };

/** Every scenario, in the order of the report. */
export const SCENARIOS: Scenario[] = [
  {
    name: 'fanout-200',
    variants: true,
    title: `Fan-out: 1 doc × ${quick ? 50 : 200} readers × 10 updates/s`,
    servers: ALL_SERVERS,
    show: fanoutColumns(),
    run: fanout(1, quick ? 50 : 200, 10, 2),
  },
  {
    name: 'fanout-1000',
    variants: true,
    title: `Fan-out: 1 doc × ${F.big} readers × 20 updates/s`,
    servers: ALL_SERVERS,
    show: fanoutColumns(),
    run: fanout(1, F.big, 20, 4),
  },
  {
    name: 'fanout-docs',
    variants: true,
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
    { key: 'p99', label: 'p99 of each run, min–max', spread: true },
    { key: 'p999', label: 'p99.9 ms' },
    { key: 'max', label: 'max ms' },
    { key: 'lost', label: 'lost' },
    { key: 'cpu', label: 'CPU %' },
    { key: 'rssMb', label: 'RSS MB' },
    { key: 'eldP99', label: 'loop delay p99 ms' },
  ];
}

/** A figure from the load process' answer, null unless it is a finite number. */
export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
