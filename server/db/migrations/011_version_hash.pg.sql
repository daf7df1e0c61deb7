-- PostgreSQL twin of 011_version_hash.sql.
ALTER TABLE document_versions ADD COLUMN state_hash TEXT;
