import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { pgTransaction } from '../stores/docStorage/pgTransaction';
import { rowsPerDoc, seqsOf } from '../stores/docStorage/seqs';
import type { Committer, CommitDone, PendingWrite } from './writer';

// Rows go in document order, so concurrent batches (several instances) lock heads in one order.
const ADVANCE_HEADS_SQL = `
  INSERT INTO doc_heads (doc_id, seq)
  SELECT * FROM unnest($1::text[], $2::bigint[]) ORDER BY 1
  ON CONFLICT (doc_id) DO UPDATE SET seq = doc_heads.seq + excluded.seq
  RETURNING doc_id, seq`;

const APPEND_SQL = `
  INSERT INTO doc_updates (doc_id, seq, data, created_at)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bigint[])`;

/**
 * Group commit on PostgreSQL: one transaction per batch, four round trips whatever its size — open
 * it with synchronous_commit on (durable when COMMIT returns, whatever the server's default), advance
 * the heads of the batch's documents (their row locks order each document's seqs by commit), insert
 * every row in one statement, commit. Only then is the batch reported committed. A failure (the
 * database restarting, a lost connection) is reported as the error and the writer retries the
 * batch; if COMMIT's answer was lost after it took effect, the retry stores the batch twice, which
 * is harmless: applying a Yjs update again changes nothing.
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
    return pgTransaction(
      this.pool,
      async (client) => {
        const heads = await client.query<{ doc_id: string; seq: number }>(ADVANCE_HEADS_SQL, [
          docIds,
          docIds.map((docId) => counts.get(docId)),
        ]);
        const seqs = seqsOf(writes, counts, new Map(heads.rows.map((row) => [row.doc_id, row.seq])));
        const stored = writes.flatMap((write, index) =>
          seqs[index]! > 0 ? [{ write, seq: seqs[index]! }] : [],
        );
        const now = Date.now();
        await client.query(APPEND_SQL, [
          stored.map(({ write }) => write.docId),
          stored.map(({ seq }) => seq),
          stored.map(({ write }) => write.update),
          stored.map(() => now),
        ]);
        return seqs;
      },
      'BEGIN; SET LOCAL synchronous_commit = on',
    );
  }
}
