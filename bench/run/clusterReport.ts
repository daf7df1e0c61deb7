import os from 'node:os';
import { median, round } from '../lib/stats';
import type { ClusterScenario } from './clusterScenarios';
import { runs } from './options';
import { formatValue, LOAD_AT_START, machine, markdownTable, ratioCell } from './report';
import type { Metrics } from './scenarios';

/*
 * The `--cluster` report: medians per variant and the ratio of the first variant to the second.
 */

/** Every run's figures: scenario → variant label → runs. */
export type ClusterResults = Map<string, Map<string, Metrics[]>>;

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
      ...scenario.show.map((column) => ratioCell(medianOf(first, column.key), medianOf(second, column.key))),
    ]);
  }
  return markdownTable(scenario.title, header, rows, scenario.note);
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
