import { Histogram, type Registry } from 'prom-client';
import type { BatchObserver } from '../collab/writer';

/** Latency buckets in ms: fine at the low end, doubling up to a second, so the tail shows. */
export const MS_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];
/** Updates per committed batch. */
const SIZE_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096];

/** What the sync server reports: each committed batch, and each compaction or row refresh. */
export interface CollabMetrics {
  batchCommitted: BatchObserver;
  /** A persist of rooms that wrote something took `ms` (compaction or the documents-row refresh). */
  persisted(kind: 'compaction' | 'meta', ms: number): void;
}

/**
 * The commit path's histograms, observed once per batch (not per update: the hot path commits
 * tens of thousands of updates a second). Every latency is in ms.
 */
export function commitPathMetrics(registry: Registry): CollabMetrics {
  const ms = (name: string, help: string, labelNames: string[] = []) =>
    new Histogram({ name, help, labelNames, buckets: MS_BUCKETS, registers: [registry] });
  const queueWait = ms(
    'werkplaats_commit_queue_wait_ms',
    'Oldest update of a batch: queued until its commit started (ms).',
  );
  const roundTrip = ms(
    'werkplaats_commit_roundtrip_ms',
    'Commit started until the committer answered, as the event loop sees it: transaction, sync and any hop to a thread or the database (ms).',
  );
  const transaction = ms(
    'werkplaats_commit_transaction_ms',
    'The commit transaction itself, as the committer measured it (ms).',
  );
  const sync = ms(
    'werkplaats_commit_sync_ms',
    'Waiting for durability (fsync), where the committer measures it apart from the transaction (ms).',
  );
  const apply = ms(
    'werkplaats_commit_apply_ms',
    'A committed batch applied to its documents, relayed to their sockets and acked (ms).',
  );
  const relay = ms(
    'werkplaats_update_relay_ms',
    'Oldest update of a batch: queued until relayed, committed first (ms).',
  );
  const size = new Histogram({
    name: 'werkplaats_commit_batch_updates',
    help: 'Updates per committed batch (one transaction).',
    buckets: SIZE_BUCKETS,
    registers: [registry],
  });
  const persist = ms(
    'werkplaats_persist_ms',
    'Writing compactions or the documents-row refresh (updated_at, title) of the rooms that needed it (ms).',
    ['kind'],
  );
  // Label children resolved once: observe() with a label object hashes it on every call.
  const persistBy = { compaction: persist.labels('compaction'), meta: persist.labels('meta') };
  return {
    batchCommitted(t) {
      size.observe(t.updates);
      queueWait.observe(t.startedAt - t.queuedAt);
      roundTrip.observe(t.committedAt - t.startedAt);
      if (t.transactionMs !== undefined) transaction.observe(t.transactionMs);
      if (t.syncMs !== undefined) sync.observe(t.syncMs);
      apply.observe(t.appliedAt - t.committedAt);
      relay.observe(t.appliedAt - t.queuedAt);
    },
    persisted(kind, elapsed) {
      persistBy[kind].observe(elapsed);
    },
  };
}
