import type { Target } from '../lib/protocol';

/** What one load process does: its scenario (`mode`) and sizes, passed by bench/run.ts as argv[2]. */
export interface LoadParams {
  mode:
    'fanout' | 'saturation' | 'memory' | 'coldseed' | 'coldload' | 'durable' | 'versions' | 'clusterDurable';
  target: Target;
  docIds: string[];
  /** `--cluster`: readers connect to this instance; writers to `target.url`. */
  readUrl?: string;
  /** clusterDurable: the instances; document i is written through instanceUrls[i % length]. */
  instanceUrls?: string[];
  readersPerDoc?: number;
  writersPerDoc?: number;
  /** Updates per second per document (fan-out). */
  rate?: number;
  seconds?: number;
  /**
   * saturation: rates to try, in order (the first also warms up); `seconds` is the shortest step,
   * `minUpdates` the fewest updates a step sends (a step lasts long enough for both);
   * `refine` is how many bisection steps between the last good and the first failed rate.
   */
  rates?: number[];
  minUpdates?: number;
  refine?: number;
  /** durable: total updates; memory: seconds to settle. */
  updates?: number;
  /** Seconds of unmeasured warm-up. */
  warmup?: number;
  /** coldseed/versions: use only the first this many edits of the trace (quick runs). */
  traceEdits?: number;
  /** versions: how many versions to list. */
  versions?: number;
}
