-- PostgreSQL twin of 003_templates.sql.
ALTER TABLE documents ADD COLUMN kind TEXT NOT NULL DEFAULT 'document';

CREATE TABLE template_versions (
  id TEXT PRIMARY KEY,
  template_key TEXT NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams (id),
  draft_doc_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('start-vakbekwaam', 'vakbekwaam-expert')),
  sectors TEXT NOT NULL,
  nlqf_level INTEGER,
  -- JSON, kept as text: jsonb would reorder keys and change what was published.
  content TEXT NOT NULL,
  change_note TEXT NOT NULL,
  -- 0 or 1, as on SQLite (better-sqlite3 cannot bind booleans, so both engines compare with 0/1).
  example INTEGER NOT NULL DEFAULT 0,
  published_by TEXT REFERENCES users (id),
  published_at BIGINT NOT NULL,
  UNIQUE (template_key, major, minor)
);
CREATE INDEX template_versions_by_time ON template_versions (published_at DESC);
-- PostgreSQL only: two foreign keys whose check (deleting a team) or SET NULL (deleting a draft)
-- would otherwise scan the table.
CREATE INDEX template_versions_by_team ON template_versions (team_id);
CREATE INDEX template_versions_by_draft ON template_versions (draft_doc_id);

CREATE FUNCTION template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published template versions are immutable';
END;
$$;
CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions
  FOR EACH ROW EXECUTE FUNCTION template_versions_immutable();
