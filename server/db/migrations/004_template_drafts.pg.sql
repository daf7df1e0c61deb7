-- PostgreSQL twin of 004_template_drafts.sql.
CREATE TABLE template_drafts (
  doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  template_key TEXT NOT NULL,
  based_on_version_id TEXT REFERENCES template_versions (id)
);
CREATE INDEX template_drafts_by_key ON template_drafts (template_key);
