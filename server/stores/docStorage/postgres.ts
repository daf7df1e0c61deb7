import type { Pool } from 'pg';
import type { DocStorage, DocWrite, StoredDoc } from '../docStorage';
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

// Like READ_SQL from afterSeq ($2) on: the state only when a compaction already covers rows past it,
// and the head (kind 0) from the same snapshot, so that rows up to it are either here or gone.
const READ_SINCE_SQL = `
  SELECT 0 AS kind, seq, NULL::bytea AS data, 0::bigint AS created_at FROM doc_heads WHERE doc_id = $1
  UNION ALL
  SELECT 1, up_to_seq, state, updated_at FROM doc_state WHERE doc_id = $1 AND up_to_seq > $2
  UNION ALL
  SELECT 2, seq, data, created_at FROM doc_updates
  WHERE doc_id = $1 AND seq > greatest($2, coalesce((SELECT up_to_seq FROM doc_state WHERE doc_id = $1), 0))
  ORDER BY kind, seq`;

const HEADS_SQL = 'SELECT doc_id, seq FROM doc_heads WHERE doc_id = ANY($1::text[])';

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
    read: (docId) => readRows(pool, READ_SQL, [docId]),
    async readSince(docId, afterSeq) {
      const { rows } = await pool.query<{ kind: number; seq: number; data: Buffer; created_at: number }>(
        READ_SINCE_SQL,
        [docId, afterSeq],
      );
      const state = rows.find((row) => row.kind === 1);
      return {
        head: rows.find((row) => row.kind === 0)?.seq ?? 0,
        state: state?.data,
        stateSeq: state?.seq ?? 0,
        log: rows
          .filter((row) => row.kind === 2)
          .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at })),
      };
    },
    async heads(docIds) {
      if (docIds.length === 0) return new Map();
      const { rows } = await pool.query<{ doc_id: string; seq: number }>(HEADS_SQL, [docIds]);
      return new Map(rows.map((row) => [row.doc_id, row.seq]));
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

/** Runs one of the read statements above and splits its answer into state and log. */
async function readRows(pool: Pool, sql: string, params: unknown[]): Promise<StoredDoc> {
  const { rows } = await pool.query<{ is_state: boolean; seq: number; data: Buffer; created_at: number }>(
    sql,
    params,
  );
  const state = rows[0]?.is_state ? rows[0] : undefined;
  const log = rows
    .filter((row) => !row.is_state)
    .map((row) => ({ seq: row.seq, data: row.data, createdAt: row.created_at }));
  return { state: state?.data, stateSeq: state?.seq ?? 0, log };
}
