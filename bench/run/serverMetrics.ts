import {
  bucketQuantile,
  histogramOf,
  scrapeMetrics,
  type HistogramSample,
  type Sample,
} from '../../tests/support/promText';

/*
 * `--verbose`: Werkplaats' own per-stage histograms of the commit path (GET /metrics), scraped
 * before and after each scenario run and printed as the difference — what that run did.
 */

/** The METRICS_TOKEN the suite gives Werkplaats under --verbose (a throwaway local server). */
export const BENCH_METRICS_TOKEN = 'bench-verbose-metrics-token';

/** The histograms shown, in the order of the commit path; `labels` picks one labelled series. */
const SHOWN: Array<{ name: string; labels?: Record<string, string>; unit: string }> = [
  { name: 'werkplaats_commit_batch_updates', unit: 'updates' },
  { name: 'werkplaats_commit_queue_wait_ms', unit: 'ms' },
  { name: 'werkplaats_commit_roundtrip_ms', unit: 'ms' },
  { name: 'werkplaats_commit_transaction_ms', unit: 'ms' },
  { name: 'werkplaats_commit_sync_ms', unit: 'ms' },
  { name: 'werkplaats_commit_apply_ms', unit: 'ms' },
  { name: 'werkplaats_update_relay_ms', unit: 'ms' },
  { name: 'werkplaats_persist_ms', labels: { kind: 'compaction' }, unit: 'ms' },
  { name: 'werkplaats_persist_ms', labels: { kind: 'meta' }, unit: 'ms' },
];

/** The server's metrics now; undefined (and a warning) when it does not answer. */
export async function scrapeServer(url: string): Promise<Sample[] | undefined> {
  try {
    return await scrapeMetrics(url, BENCH_METRICS_TOKEN);
  } catch (error) {
    process.stderr.write(`bench: could not read ${url}/metrics: ${String(error)}\n`);
    return undefined;
  }
}

/** `after` minus `before`, bucket by bucket (histograms are cumulative since the server started). */
function difference(after: HistogramSample, before: HistogramSample | undefined): HistogramSample {
  const earlier = (le: number) => before?.buckets.find((bucket) => bucket.le === le)?.count ?? 0;
  return {
    buckets: after.buckets.map(({ le, count }) => ({ le, count: count - earlier(le) })),
    count: after.count - (before?.count ?? 0),
    sum: after.sum - (before?.sum ?? 0),
  };
}

/** A bucket bound as an estimate: "≤ 4" (the value is at most 4), "> 1024" past the last bound. */
function bound(histogram: HistogramSample, q: number): string {
  const value = bucketQuantile(histogram, q);
  if (Number.isNaN(value)) return '—';
  if (value === Number.POSITIVE_INFINITY) return `> ${histogram.buckets.at(-2)?.le ?? 0}`;
  return `≤ ${value}`;
}

/**
 * The commit path's histograms over one run, as text lines: count, and p50/p99/p99.9/max as the
 * upper bounds of the buckets they fall in (not interpolated: the true value is below the bound and
 * above the bucket before it).
 */
export function commitPathReport(before: Sample[] | undefined, after: Sample[]): string[] {
  const header = ['series', 'unit', 'count', 'mean', 'p50', 'p99', 'p99.9', 'max'];
  const rows = SHOWN.flatMap(({ name, labels, unit }) => {
    const now = histogramOf(after, name, labels);
    if (!now) return [];
    const earlier = before && histogramOf(before, name, labels);
    // A run that restarted the server began again from zero.
    const run = difference(now, earlier && earlier.count <= now.count ? earlier : undefined);
    const label = labels ? `${name}{${Object.values(labels).join(',')}}` : name;
    const mean = run.count > 0 ? (run.sum / run.count).toFixed(2) : '—';
    return [
      [
        label.replace(/^werkplaats_/, ''),
        unit,
        String(run.count),
        mean,
        ...[0.5, 0.99, 0.999, 1].map((q) => bound(run, q)),
      ],
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)];
}
