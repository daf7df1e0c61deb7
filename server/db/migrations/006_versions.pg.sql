-- PostgreSQL twin of 006_versions.sql. `seq` (PostgreSQL only) orders versions created within the
-- same millisecond, as rowid does on SQLite.
CREATE TABLE document_versions (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  note TEXT,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  status TEXT,
  state BYTEA NOT NULL,
  json TEXT NOT NULL,
  seq BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX document_versions_by_doc ON document_versions (doc_id, created_at);

-- The same two exceptions as on SQLite: anonymising the author, and the cascade of a deleted
-- document (its row is gone by the time the cascade deletes the versions). A trigger's WHEN may
-- not hold a subquery here, so the delete check sits in the function.
CREATE FUNCTION document_versions_no_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'document_versions are immutable';
END;
$$;
CREATE TRIGGER document_versions_no_update
BEFORE UPDATE ON document_versions
FOR EACH ROW WHEN (NOT (
  NEW.author_id IS NULL
  AND NEW.id IS NOT DISTINCT FROM OLD.id AND NEW.doc_id IS NOT DISTINCT FROM OLD.doc_id
  AND NEW.label IS NOT DISTINCT FROM OLD.label AND NEW.note IS NOT DISTINCT FROM OLD.note
  AND NEW.created_at IS NOT DISTINCT FROM OLD.created_at AND NEW.status IS NOT DISTINCT FROM OLD.status
  AND NEW.state IS NOT DISTINCT FROM OLD.state AND NEW.json IS NOT DISTINCT FROM OLD.json
))
EXECUTE FUNCTION document_versions_no_update();

CREATE FUNCTION document_versions_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM documents WHERE id = OLD.doc_id) THEN
    RAISE EXCEPTION 'document_versions are immutable';
  END IF;
  RETURN OLD;
END;
$$;
CREATE TRIGGER document_versions_no_delete
BEFORE DELETE ON document_versions
FOR EACH ROW EXECUTE FUNCTION document_versions_no_delete();
