-- Named, immutable snapshots of a collaborative document: the full Yjs state (to open or restore
-- it) and a JSON projection beside it (to list, read, diff and export without decoding Yjs).
CREATE TABLE document_versions (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  note TEXT,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  -- The lifecycle status at that moment (null for documents without a lifecycle).
  status TEXT,
  state BLOB NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX document_versions_by_doc ON document_versions (doc_id, created_at);

-- Stored once, never rewritten: a version is evidence of what the team had at that moment.
-- Two exceptions keep other guarantees working: deleting an account anonymises its authorship
-- (author_id set to NULL, nothing else changed), and deleting the document (ON DELETE CASCADE)
-- removes its versions — the document row is gone by the time the cascade deletes them.
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
WHEN NOT (
  NEW.author_id IS NULL
  AND NEW.id IS OLD.id AND NEW.doc_id IS OLD.doc_id AND NEW.label IS OLD.label
  AND NEW.note IS OLD.note AND NEW.created_at IS OLD.created_at AND NEW.status IS OLD.status
  AND NEW.state IS OLD.state AND NEW.json IS OLD.json
)
BEGIN
  SELECT RAISE(ABORT, 'document_versions are immutable');
END;

CREATE TRIGGER document_versions_no_delete
BEFORE DELETE ON document_versions
WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id)
BEGIN
  SELECT RAISE(ABORT, 'document_versions are immutable');
END;
