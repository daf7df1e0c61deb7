-- Automatic versions (recorded while people edit, server/versions/autoVersions.ts): auto = 1, with
-- the ids of the people whose edits it holds (JSON array). Named versions stay immutable and
-- undeletable; an automatic one may be thinned away (keep hourly for a week, daily after) unless a
-- feedback round was opened on it.
ALTER TABLE document_versions ADD COLUMN auto INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_versions ADD COLUMN authors TEXT;
CREATE INDEX document_versions_auto ON document_versions (doc_id, auto, created_at);

DROP TRIGGER document_versions_no_update;
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
WHEN NOT (
  NEW.author_id IS NULL
  AND NEW.id IS OLD.id AND NEW.doc_id IS OLD.doc_id AND NEW.label IS OLD.label
  AND NEW.note IS OLD.note AND NEW.created_at IS OLD.created_at AND NEW.status IS OLD.status
  AND NEW.state IS OLD.state AND NEW.json IS OLD.json
  AND NEW.state_hash IS OLD.state_hash AND NEW.bytes IS OLD.bytes
  AND NEW.auto IS OLD.auto AND NEW.authors IS OLD.authors
)
BEGIN
  SELECT RAISE(ABORT, 'document_versions are immutable');
END;

DROP TRIGGER document_versions_no_delete;
CREATE TRIGGER document_versions_no_delete
BEFORE DELETE ON document_versions
WHEN EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id)
  AND (OLD.auto = 0 OR EXISTS (SELECT 1 FROM feedback_rounds WHERE version_id = OLD.id))
BEGIN
  SELECT RAISE(ABORT, 'document_versions are immutable');
END;
