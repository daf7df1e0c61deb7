-- Per-document sequence numbers in the update log. A row's seq is assigned at commit under a lock on
-- its document's head row, so for each document log order is commit order (a global id is assigned
-- at insert and, with several writers, commits out of order: a reader could skip a row).

-- The head of each document's log: the last seq handed out. Only the group commit writes it.
CREATE TABLE doc_heads (
  doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL
);

-- The compacted state contains every log row up to up_to_seq; a compaction replaces the state only
-- with a newer one, so two compactions of one document can never move it backwards.
ALTER TABLE doc_state ADD COLUMN up_to_seq INTEGER NOT NULL DEFAULT 0;

-- Existing rows are numbered per document in their old id order, log and quarantine together
-- (a quarantined row keeps its place in the sequence).
CREATE TABLE doc_log_numbering AS
SELECT source, id, doc_id, row_number() OVER (PARTITION BY doc_id ORDER BY id) AS seq
FROM (
  SELECT 'log' AS source, id, doc_id FROM doc_updates
  UNION ALL
  SELECT 'quarantine' AS source, id, doc_id FROM doc_updates_quarantine
) AS numbered;

CREATE TABLE doc_updates_next (
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
INSERT INTO doc_updates_next (doc_id, seq, data, created_at)
SELECT u.doc_id, n.seq, u.data, u.created_at
FROM doc_updates AS u JOIN doc_log_numbering AS n ON n.source = 'log' AND n.id = u.id;
DROP TABLE doc_updates;
ALTER TABLE doc_updates_next RENAME TO doc_updates;

-- Rows that could not be applied, moved aside with their place in the log; never deleted.
CREATE TABLE doc_updates_quarantine_next (
  doc_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL,
  PRIMARY KEY (doc_id, seq)
);
INSERT INTO doc_updates_quarantine_next (doc_id, seq, data, created_at, reason, quarantined_at)
SELECT q.doc_id, n.seq, q.data, q.created_at, q.reason, q.quarantined_at
FROM doc_updates_quarantine AS q JOIN doc_log_numbering AS n ON n.source = 'quarantine' AND n.id = q.id;
DROP TABLE doc_updates_quarantine;
ALTER TABLE doc_updates_quarantine_next RENAME TO doc_updates_quarantine;

INSERT INTO doc_heads (doc_id, seq)
SELECT doc_id, max(seq) FROM doc_log_numbering
WHERE doc_id IN (SELECT id FROM documents)
GROUP BY doc_id;

DROP TABLE doc_log_numbering;
