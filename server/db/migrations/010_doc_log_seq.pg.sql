-- PostgreSQL twin of 010_doc_log_seq.sql.
CREATE TABLE doc_heads (
  doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  seq BIGINT NOT NULL
);

ALTER TABLE doc_state ADD COLUMN up_to_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE doc_log_numbering AS
SELECT source, id, doc_id, row_number() OVER (PARTITION BY doc_id ORDER BY id) AS seq
FROM (
  SELECT 'log' AS source, id, doc_id FROM doc_updates
  UNION ALL
  SELECT 'quarantine' AS source, id, doc_id FROM doc_updates_quarantine
) AS numbered;

CREATE TABLE doc_updates_next (
  doc_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT doc_updates_next_pkey PRIMARY KEY (doc_id, seq),
  CONSTRAINT doc_updates_next_doc_id_fkey FOREIGN KEY (doc_id) REFERENCES documents (id) ON DELETE CASCADE
);
INSERT INTO doc_updates_next (doc_id, seq, data, created_at)
SELECT u.doc_id, n.seq, u.data, u.created_at
FROM doc_updates AS u JOIN doc_log_numbering AS n ON n.source = 'log' AND n.id = u.id;
DROP TABLE doc_updates;
ALTER TABLE doc_updates_next RENAME TO doc_updates;
-- The names PostgreSQL would have given them had the table been created as doc_updates.
ALTER TABLE doc_updates RENAME CONSTRAINT doc_updates_next_pkey TO doc_updates_pkey;
ALTER TABLE doc_updates RENAME CONSTRAINT doc_updates_next_doc_id_fkey TO doc_updates_doc_id_fkey;

CREATE TABLE doc_updates_quarantine_next (
  doc_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  data BYTEA NOT NULL,
  created_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at BIGINT NOT NULL,
  CONSTRAINT doc_updates_quarantine_next_pkey PRIMARY KEY (doc_id, seq)
);
INSERT INTO doc_updates_quarantine_next (doc_id, seq, data, created_at, reason, quarantined_at)
SELECT q.doc_id, n.seq, q.data, q.created_at, q.reason, q.quarantined_at
FROM doc_updates_quarantine AS q JOIN doc_log_numbering AS n ON n.source = 'quarantine' AND n.id = q.id;
DROP TABLE doc_updates_quarantine;
ALTER TABLE doc_updates_quarantine_next RENAME TO doc_updates_quarantine;
ALTER TABLE doc_updates_quarantine
  RENAME CONSTRAINT doc_updates_quarantine_next_pkey TO doc_updates_quarantine_pkey;

INSERT INTO doc_heads (doc_id, seq)
SELECT doc_id, max(seq) FROM doc_log_numbering
WHERE doc_id IN (SELECT id FROM documents)
GROUP BY doc_id;

DROP TABLE doc_log_numbering;
