import os from 'node:os';
import { median, round } from '../lib/stats';
import type { ClusterScenario } from './clusterScenarios';
import { runs } from './options';
import { LOAD_AT_START, machine } from './report';
import type { Metrics } from './scenarios';

/*
 * The `--cluster` report: medians per variant and the ratio of the first variant to the second.
 */

/** Every run's figures: scenario → variant label → runs. */
export type ClusterResults = Map<string, Map<string, Metrics[]>>;

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return String(round(value, value >= 100 ? 0 : 1));
}

function table(scenario: ClusterScenario, results: Map<string, Metrics[]>): string {
  const labels = scenario.variants.map((variant) => variant.label).filter((label) => results.has(label));
  const medianOf = (label: string, key: string) =>
    median((results.get(label) ?? []).map((metrics) => metrics[key] ?? Number.NaN));
  const header = ['', ...scenario.show.map((column) => column.label)];
  const rows = labels.map((label) => [
    label,
    ...scenario.show.map((c) => formatValue(medianOf(label, c.key))),
  ]);
  const [top, bottom] = scenario.ratio ?? [0, 1];
  const first = scenario.variants[top]?.label;
  const second = scenario.variants[bottom]?.label;
  if (first && second && results.has(first) && results.has(second)) {
    rows.push([
      `ratio ${first.split(' (')[0]} / ${second.split(' (')[0]}`,
      ...scenario.show.map((column) => {
        const ours = medianOf(first, column.key);
        const theirs = medianOf(second, column.key);
        if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return '—';
        return `${round(ours / theirs, 2)}×`;
      }),
    ]);
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

/** The whole `--cluster` report as Markdown. */
export function clusterReport(
  scenarios: ClusterScenario[],
  results: ClusterResults,
  totalSeconds: number,
  times: Array<[string, number]>,
): string {
  const parts = [
    `Run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${runs} run(s) per scenario, variants alternating; medians; ${round(totalSeconds / 60, 1)} min in total (${times.map(([name, s]) => `${name} ${Math.round(s)} s`).join(', ')}).`,
    '',
    `Machine: ${machine()}; load average (1 min) ${LOAD_AT_START} at the start, ${round(os.loadavg()[0]!, 1)} at the end.`,
    '',
    'PostgreSQL: throwaway cluster on this machine, fsync on, synchronous_commit on. Redis: throwaway redis-server on loopback, no persistence.',
    '',
  ];
  for (const scenario of scenarios) {
    const scenarioResults = results.get(scenario.name);
    if (scenarioResults && scenarioResults.size > 0) parts.push(table(scenario, scenarioResults));
  }
  return parts.join('\n');
}
