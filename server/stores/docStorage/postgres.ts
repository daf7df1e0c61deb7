import type { Pool } from 'pg';
import type { DocStorage, DocWrite } from '../docStorage';
import { pgTransaction } from './pgTransaction';

// One statement, so state and log come from one snapshot: a compaction committing between two
// separate reads would hide the rows it deleted from a reader that still saw the older state.
const READ_SQL = `
  SELECT true AS is_state, up_to_seq AS seq, state AS data, updated_at AS created_at
  FROM doc_state WHERE doc_id = $1
  UNION ALL
  SELECT false, seq, data, created_at FROM doc_updates
  WHERE doc_id = $1 AND seq > coalesce((SELECT up_to_seq FROM doc_state WHERE doc_id = $1), 0)
  ORDER BY is_state DESC, seq`;

// A compaction never replaces a newer state: two of one document may commit in either order.
const UPSERT_STATES_SQL = `
  INSERT INTO doc_state (doc_id, state, state_vector, updated_at, up_to_seq)
  SELECT doc_id, state, state_vector, $5, up_to_seq
  FROM unnest($1::text[], $2::bytea[], $3::bytea[], $4::bigint[]) AS c(doc_id, state, state_vector, up_to_seq)
  ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, state_vector = excluded.state_vector,
    updated_at = excluded.updated_at, up_to_seq = excluded.up_to_seq
  WHERE doc_state.up_to_seq < excluded.up_to_seq`;

const DELETE_COMPACTED_SQL = `
  DELETE FROM doc_updates AS u USING unnest($1::text[], $2::bigint[]) AS c(doc_id, up_to_seq)
  WHERE u.doc_id = c.doc_id AND u.seq <= c.up_to_seq`;

const REFRESH_ROWS_SQL = `
  UPDATE documents AS d SET updated_at = $3, title = coalesce(m.title, d.title)
  FROM unnest($1::text[], $2::text[]) AS m(id, title) WHERE d.id = m.id`;

// Moved in one statement: the row is copied exactly when it is deleted.
const QUARANTINE_SQL = `
  WITH moved AS (DELETE FROM doc_updates WHERE doc_id = $1 AND seq = $2 RETURNING *)
  INSERT INTO doc_updates_quarantine (doc_id, seq, data, created_at, reason, quarantined_at)
  SELECT doc_id, seq, data, created_at, $3, $4 FROM moved
  ON CONFLICT (doc_id, seq) DO NOTHING`;

/**
 * DocStorage on PostgreSQL, on the app's pool: each call one statement, or one transaction of
 * set-based statements (unnest) whatever the number of documents it writes.
 */
export function createPostgresDocStorage(pool: Pool): DocStorage {
  return {
    async read(docId) {
      const { rows } = await pool.query<{ is_state: boolean; seq: number; data: Buffer; created_at: number }>(
        READ_SQL,
        [docId],
      );
      const state = rows[0]?.is_state ? rows[0] : undefined;
      const log = rows
        .filter((row) => !row.is_state)
        .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at }));
      return { state: state?.data, stateSeq: state?.seq ?? 0, log };
    },
    async persist(writes, now = Date.now()) {
      // In document order, so that two of these lock the same rows in the same order.
      const sorted = [...writes].sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
      const compactions = sorted.filter(
        (write): write is DocWrite & Required<Pick<DocWrite, 'compaction'>> => write.compaction !== undefined,
      );
      const refreshes = sorted.filter((write) => write.meta !== undefined);
      if (compactions.length === 0 && refreshes.length === 0) return;
      await pgTransaction(pool, async (client) => {
        if (compactions.length > 0) {
          const docIds = compactions.map((write) => write.docId);
          const upTo = compactions.map((write) => write.compaction.upToSeq);
          await client.query(UPSERT_STATES_SQL, [
            docIds,
            compactions.map((write) => write.compaction.state),
            compactions.map((write) => write.compaction.stateVector),
            upTo,
            now,
          ]);
          await client.query(DELETE_COMPACTED_SQL, [docIds, upTo]);
        }
        if (refreshes.length > 0) {
          await client.query(REFRESH_ROWS_SQL, [
            refreshes.map((write) => write.docId),
            refreshes.map((write) => write.meta?.title ?? null),
            now,
          ]);
        }
      });
    },
    async quarantine(docId, seq, reason) {
      await pool.query(QUARANTINE_SQL, [docId, seq, reason, Date.now()]);
    },
  };
}
