import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { collabGauges, type CollabState } from './collabGauges';
import { commitPathMetrics, type CollabMetrics } from './commitPath';

/** The app's metrics: its own registry (never prom-client's global one: tests run several servers). */
export interface Metrics {
  registry: Registry;
  /** Observed by the sync server's commit path and persistence. */
  collab: CollabMetrics;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  loginFailures: Counter;
  /** Adds the gauges of the sync server (sockets, documents, held and pending updates). */
  watch(state: CollabState): void;
}

/**
 * Creates the registry with every `werkplaats_*` series; `processMetrics` adds prom-client's
 * process and Node metrics (CPU, memory, event-loop lag, GC), which keep a timer and a GC observer
 * running, so only when something will scrape them.
 */
export function createMetrics(options: { processMetrics: boolean }): Metrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
    registry,
    collab: commitPathMetrics(registry),
    httpRequests: new Counter({
      name: 'werkplaats_http_requests_total',
      help: 'HTTP requests by method, matched route pattern and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    loginFailures: new Counter({
      name: 'werkplaats_login_failures_total',
      help: 'Logins refused for a wrong e-mail address or password.',
      registers: [registry],
    }),
    watch: (state) => collabGauges(registry, state),
  };
}
