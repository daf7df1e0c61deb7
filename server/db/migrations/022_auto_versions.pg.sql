-- Automatic versions (recorded while people edit, server/versions/autoVersions.ts): auto = 1, with
-- the ids of the people whose edits it holds (JSON array). Named versions stay immutable and
-- undeletable; an automatic one may be thinned away (keep hourly for a week, daily after) unless a
-- feedback round was opened on it.
ALTER TABLE document_versions ADD COLUMN auto INTEGER NOT NULL DEFAULT 0;
ALTER TABLE document_versions ADD COLUMN authors TEXT;
CREATE INDEX document_versions_auto ON document_versions (doc_id, auto, created_at);

DROP TRIGGER document_versions_no_update ON document_versions;
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
FOR EACH ROW WHEN (NOT (
  NEW.author_id IS NULL
  AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.doc_id IS NOT DISTINCT FROM OLD.doc_id
  AND NEW.label IS NOT DISTINCT FROM OLD.label AND NEW.note IS NOT DISTINCT FROM OLD.note
  AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at AND NEW.status IS NOT DISTINCT FROM OLD.status
  AND NEW.state IS NOT DISTINCT FROM OLD.state AND NEW.json IS NOT DISTINCT FROM OLD.json
  AND NEW.state_hash IS NOT DISTINCT FROM OLD.state_hash AND NEW.bytes IS NOT DISTINCT FROM OLD.bytes
  AND NEW.auto IS NOT DISTINCT FROM OLD.auto AND NEW.authors IS NOT DISTINCT FROM OLD.authors
))
EXECUTE FUNCTION document_versions_no_update();

CREATE OR REPLACE FUNCTION document_versions_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id)
    AND (OLD.auto = 0 OR EXISTS (SELECT 1 FROM feedback_rounds WHERE version_id = OLD.id)) THEN
    RAISE EXCEPTION 'document_versions are immutable';
  END IF;
  RETURN OLD;
END;
$$;
