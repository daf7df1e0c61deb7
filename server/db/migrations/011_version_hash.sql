-- What the version budgets need (server/commands/versionBudget.ts).
-- state_hash: sha-256 of the version's Yjs snapshot (state vector and delete set), so a version whose
-- state equals the previous one is answered with that one instead of stored again. Null for versions
-- stored before: those are never taken as equal.
ALTER TABLE document_versions ADD COLUMN state_hash TEXT;

-- bytes: the version's state and JSON projection, set at insert, and in the index beside doc_id, so
-- the budgets sum the index instead of reading every row (a row's last column sits behind its
-- overflow pages: summing lengths of 1,000 versions took 27 ms on the event loop).
ALTER TABLE document_versions ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0;
DROP INDEX document_versions_by_doc;
CREATE INDEX document_versions_by_doc ON document_versions (doc_id, created_at, bytes);

-- Existing versions are measured once; the immutability trigger is set aside for it and comes back
-- guarding the new columns too.
DROP TRIGGER document_versions_no_update;
UPDATE document_versions SET bytes = length(state) + length(CAST(json AS BLOB));
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
WHEN NOT (
  NEW.author_id IS NULL
  AND NEW.id IS OLD.id AND NEW.doc_id IS OLD.doc_id AND NEW.label IS OLD.label
  AND NEW.note IS OLD.note AND NEW.created_at IS OLD.created_at AND NEW.status IS OLD.status
  AND NEW.state IS OLD.state AND NEW.json IS OLD.json
  AND NEW.state_hash IS OLD.state_hash AND NEW.bytes IS OLD.bytes
)
BEGIN
  SELECT RAISE(ABORT, 'document_versions are immutable');
END;
