import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { isEmptyUpdate, rowsPerDoc, seqsOf } from '../stores/docStorage/seqs';
import type { Committer, CommitDone, PendingWrite } from './writer';

// One statement: advance the heads of the batch's documents (in document order, so concurrent
// batches of several instances lock heads in one order; each head's row lock orders its document's
// seqs by commit) and insert every row numbered below its new head. $1/$2: documents and their row
// counts; $3–$5: each row's document, place among its document's rows (1-based) and bytes.
const APPEND_SQL = `
  WITH heads AS (
    INSERT INTO doc_heads (doc_id, seq)
    SELECT * FROM unnest($1::text[], $2::bigint[]) ORDER BY 1
    ON CONFLICT (doc_id) DO UPDATE SET seq = doc_heads.seq + excluded.seq
    RETURNING doc_id, seq
  ), appended AS (
    INSERT INTO doc_updates (doc_id, seq, data, created_at)
    SELECT r.doc_id, h.seq - c.n + r.place, r.data, $6
    FROM unnest($3::text[], $4::bigint[], $5::bytea[]) AS r(doc_id, place, data)
    JOIN heads h USING (doc_id)
    JOIN unnest($1::text[], $2::bigint[]) AS c(doc_id, n) USING (doc_id)
  )
  SELECT doc_id, seq FROM heads`;

/**
 * Group commit on PostgreSQL: one statement per batch, so one round trip whatever its size — its
 * own transaction, durable when it returns (the pool sets synchronous_commit on, whatever the
 * server's default). Only then is the batch reported committed. A failure (the database restarting,
 * a lost connection) is reported as the error and the writer retries the batch; if the answer was
 * lost after the commit took effect, the retry stores the batch twice, which is harmless: applying
 * a Yjs update again changes nothing.
 */
export class PgCommitter implements Committer {
  constructor(private readonly pool: Pool) {}

  commit(writes: readonly PendingWrite[], done: CommitDone): void {
    const started = performance.now();
    this.append(writes).then(
      (seqs) => done(null, seqs, performance.now() - started),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** Nothing of its own to release: the pool belongs to the app's Database. */
  close(): void {}

  private async append(writes: readonly PendingWrite[]): Promise<number[]> {
    const counts = rowsPerDoc(writes);
    if (counts.size === 0) return writes.map(() => 0);
    const docIds = [...counts.keys()];
    const placed = new Map<string, number>();
    const rows = writes.filter((write) => !isEmptyUpdate(write.update));
    const places = rows.map((write) => {
      const place = (placed.get(write.docId) ?? 0) + 1;
      placed.set(write.docId, place);
      return place;
    });
    const { rows: heads } = await this.pool.query<{ doc_id: string; seq: number }>(APPEND_SQL, [
      docIds,
      docIds.map((docId) => counts.get(docId)),
      rows.map((write) => write.docId),
      places,
      rows.map((write) => write.update),
      Date.now(),
    ]);
    return seqsOf(writes, counts, new Map(heads.map((row) => [row.doc_id, row.seq])));
  }
}
