-- Ontwikkelpaden: published versions are immutable snapshots (JSON projection), grouped per template.
ALTER TABLE documents ADD COLUMN kind TEXT NOT NULL DEFAULT 'document';

CREATE TABLE template_versions (
  id TEXT PRIMARY KEY,
  -- All versions of one ontwikkelpad share the key: the draft document's id, or a seed slug.
  template_key TEXT NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams (id),
  draft_doc_id TEXT REFERENCES documents (id) ON DELETE SET NULL,
  major INTEGER NOT NULL,
  minor INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('start-vakbekwaam', 'vakbekwaam-expert')),
  -- Comma-separated sectors (po,vo,mbo) for filtering; the full content is in `content`.
  sectors TEXT NOT NULL,
  nlqf_level INTEGER,
  content TEXT NOT NULL,
  change_note TEXT NOT NULL,
  example INTEGER NOT NULL DEFAULT 0,
  published_by TEXT REFERENCES users (id),
  published_at INTEGER NOT NULL,
  UNIQUE (template_key, major, minor)
);
CREATE INDEX template_versions_by_time ON template_versions (published_at DESC);

-- Published means immutable: the database itself refuses changes.
CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions
BEGIN
  SELECT RAISE(ABORT, 'published template versions are immutable');
END;
