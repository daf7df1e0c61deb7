/*
 * Reading the Prometheus text format (what GET /metrics serves), for tests and the bench.
 */

/** One sample line: `name{label="value",…} value`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A histogram's cumulative buckets (upper bound → count, +Inf last), count and sum. */
export interface HistogramSample {
  buckets: Array<{ le: number; count: number }>;
  count: number;
  sum: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Every sample of an exposition (comments skipped). */
export function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample `name` whose labels include `labels`; undefined when there is none. */
export function sampleValue(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  return samples.find(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  )?.value;
}

/** The histogram `name` (its unlabelled series, or the one with `labels`); undefined if absent. */
export function histogramOf(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): HistogramSample | undefined {
  const count = sampleValue(samples, `${name}_count`, labels);
  if (count === undefined) return undefined;
  const buckets = samples
    .filter(
      (sample) =>
        sample.name === `${name}_bucket` &&
        Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .map((sample) => ({ le: Number(sample.labels.le), count: sample.value }))
    .sort((a, b) => a.le - b.le);
  return { buckets, count, sum: sampleValue(samples, `${name}_sum`, labels) ?? 0 };
}

/**
 * The upper bound of the bucket holding quantile `q` (0–1) — an estimate no finer than the
 * buckets: the true value lies between the previous bound and this one. Infinity when it is past
 * the last finite bound; NaN for an empty histogram.
 */
export function bucketQuantile(histogram: HistogramSample, q: number): number {
  if (histogram.count === 0) return Number.NaN;
  const rank = Math.ceil(q * histogram.count);
  return histogram.buckets.find((bucket) => bucket.count >= rank)?.le ?? Number.POSITIVE_INFINITY;
}

/** GET /metrics with the bearer token; rejects unless it answers 200. */
export async function scrapeMetrics(url: string, token: string): Promise<Sample[]> {
  const response = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /metrics: ${response.status} ${text}`);
  return parseSamples(text);
}
