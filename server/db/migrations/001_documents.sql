-- Collaborative documents and their durable Yjs storage.
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Compacted state: one row per document, the merged Yjs update of every log row it replaced.
CREATE TABLE doc_state (
  doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  state BLOB NOT NULL,
  state_vector BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Append-only update log: every accepted Yjs update, committed before it is relayed.
CREATE TABLE doc_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, id);

-- Rows that could not be applied when a document loaded: kept for inspection, never deleted.
CREATE TABLE doc_updates_quarantine (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL,
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  quarantined_at INTEGER NOT NULL
);
