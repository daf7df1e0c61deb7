-- PostgreSQL twin of 011_version_hash.sql.
ALTER TABLE document_versions ADD COLUMN state_hash TEXT;

ALTER TABLE document_versions ADD COLUMN bytes BIGINT NOT NULL DEFAULT 0;
DROP INDEX document_versions_by_doc;
CREATE INDEX document_versions_by_doc ON document_versions (doc_id, created_at, bytes);

DROP TRIGGER document_versions_no_update ON document_versions;
UPDATE document_versions SET bytes = octet_length(state) + octet_length(json);
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
FOR EACH ROW WHEN (NOT (
  NEW.author_id IS NULL
  AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.doc_id IS NOT DISTINCT FROM OLD.doc_id
  AND NEW.label IS NOT DISTINCT FROM OLD.label AND NEW.note IS NOT DISTINCT FROM OLD.note
  AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at AND NEW.status IS NOT DISTINCT FROM OLD.status
  AND NEW.state IS NOT DISTINCT FROM OLD.state AND NEW.json IS NOT DISTINCT FROM OLD.json
  AND NEW.state_hash IS NOT DISTINCT FROM OLD.state_hash AND NEW.bytes IS NOT DISTINCT FROM OLD.bytes
))
EXECUTE FUNCTION document_versions_no_update();
