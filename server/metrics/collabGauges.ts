import { Gauge, type Registry } from 'prom-client';
import type { Connection } from '../collab/connection';

/** What the gauges read from the sync server, at scrape time only. */
export interface CollabState {
  connections(): Iterable<Connection>;
  /** Loaded documents. */
  readonly size: number;
  readonly writer: { readonly pending: number };
}

/**
 * The sync server's state as gauges, computed when scraped (walking every socket then costs
 * nothing on the path of an edit).
 */
export function collabGauges(registry: Registry, state: CollabState): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  const count = (of: (connection: Connection) => number) => () => {
    let total = 0;
    for (const connection of state.connections()) total += of(connection);
    return total;
  };
  gauge(
    'werkplaats_open_sockets',
    'Open collaboration sockets (documents still loading included).',
    count(() => 1),
  );
  gauge('werkplaats_loaded_documents', 'Documents loaded in memory.', () => state.size);
  gauge(
    'werkplaats_held_updates',
    'Updates held back until the content they build on arrives.',
    count((connection) => connection.held.length),
  );
  gauge(
    'werkplaats_pending_updates',
    'Updates waiting for their commit (queued or being committed).',
    () => state.writer.pending,
  );
}
