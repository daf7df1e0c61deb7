import { benchEngine } from './postgres';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import { median, round } from '../lib/stats';
import { pin, ROOT, runs } from './options';
import { entriesOf } from './entries';
import { SCENARIOS, type Metrics, type Scenario } from './scenarios';

/*
 * The report: medians and ratios as Markdown tables, on stdout and (full runs) in docs/benchmarks.md.
 */

/** The machine the suite runs on, in one line. */
export function machine(): string {
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
/** The load average when the suite started. */
export const LOAD_AT_START = loadAverage();

/** Every run's figures: scenario → entry key (bench/run/entries.ts) → runs. */
export type Results = Map<string, Map<string, Metrics[]>>;

/** A figure as shown in the tables: '—' when missing, one decimal below 100. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return String(round(value, value >= 100 ? 0 : 1));
}

function table(scenario: Scenario, results: Map<string, Metrics[]>): string {
  const entries = entriesOf(scenario).filter((entry) => results.has(entry.key));
  const medianOf = (kind: string, key: string) =>
    median((results.get(kind) ?? []).map((metrics) => metrics[key] ?? Number.NaN));
  const baselines = entries.filter((entry) => entry.kind !== 'werkplaats');
  const header = ['server', ...scenario.show.map((column) => column.label)];
  const spreadOf = (kind: string, key: string) => {
    const values = (results.get(kind) ?? []).map((metrics) => metrics[key]).filter(Number.isFinite);
    if (values.length === 0) return '—';
    const [low, high] = [Math.min(...(values as number[])), Math.max(...(values as number[]))];
    return low === high ? formatValue(low) : `${formatValue(low)}–${formatValue(high)}`;
  };
  const rows = entries.map(({ key, label }) => [
    label,
    ...scenario.show.map((c) => (c.spread ? spreadOf(key, c.key) : formatValue(medianOf(key, c.key)))),
  ]);
  if (results.has('werkplaats')) {
    for (const baseline of baselines) {
      rows.push([
        `ratio Werkplaats / ${baseline.label}`,
        ...scenario.show.map((column) => {
          if (column.spread) return '—';
          return ratioCell(medianOf('werkplaats', column.key), medianOf(baseline.key, column.key));
        }),
      ]);
    }
  }
  return markdownTable(scenario.title, header, rows, scenario.note);
}

/** `ours / theirs` as a ratio cell, '—' when either is missing. */
export function ratioCell(ours: number, theirs: number): string {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return '—';
  return `${round(ours / theirs, 2)}×`;
}

/** A scenario's table in Markdown: its heading, the header row, right-aligned figures, its note. */
export function markdownTable(title: string, header: string[], rows: string[][], note?: string): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    `### ${title}`,
    '',
    line(header),
    line(header.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map(line),
    '',
    ...(note ? [note, ''] : []),
  ].join('\n');
}

/** The whole report as Markdown. */
export function report(
  results: Results,
  totalSeconds: number,
  times: Array<[string, number]>,
  probes: string[] = [],
): string {
  const parts = [
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${runs} run(s) per scenario, servers alternating; medians; ${round(totalSeconds / 60, 1)} min in total (${times.map(([name, s]) => `${name} ${Math.round(s)} s`).join(', ')}).`,
    '',
    `Machine: ${machine()}; load average (1 min) ${LOAD_AT_START} at the start, ${loadAverage()} at the end.`,
    '',
    ...probes.flatMap((line) => [line, '']),
    `Werkplaats on ${benchEngine === 'postgres' ? 'PostgreSQL (throwaway cluster on this machine, fsync on, synchronous_commit on)' : 'SQLite (WAL, synchronous=FULL)'}.`,
    '',
  ];
  for (const scenario of SCENARIOS) {
    const scenarioResults = results.get(scenario.name);
    if (scenarioResults && scenarioResults.size > 0) parts.push(table(scenario, scenarioResults));
  }
  return parts.join('\n');
}

// A PostgreSQL run has its own block, so it never replaces the SQLite figures.
const BLOCK = benchEngine === 'postgres' ? 'bench:results-postgres' : 'bench:results';

/** Puts `markdown` between the result markers of docs/benchmarks.md, formatted like every other file. */
export async function writeResults(markdown: string, block = BLOCK): Promise<void> {
  const START = `<!-- ${block}:start -->`;
  const END = `<!-- ${block}:end -->`;
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
