-- PostgreSQL twin of 005_designs.sql.
CREATE TABLE designs (
  doc_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  template_version_id TEXT NOT NULL REFERENCES template_versions (id)
);

CREATE TABLE trajects (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  template_version_id TEXT NOT NULL REFERENCES template_versions (id),
  title TEXT NOT NULL,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX trajects_by_team ON trajects (team_id);

CREATE TABLE traject_items (
  traject_id TEXT NOT NULL REFERENCES trajects (id) ON DELETE CASCADE,
  design_doc_id TEXT NOT NULL REFERENCES designs (doc_id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  alternative_group TEXT,
  PRIMARY KEY (traject_id, design_doc_id)
);
-- PostgreSQL only: deleting a design cascades here, which would otherwise scan the table.
CREATE INDEX traject_items_by_design ON traject_items (design_doc_id);
