-- Search: one row per searchable thing (a team's document, a published ontwikkelpad version, a
-- catalog entry), made from its committed state by the indexer job, and an FTS5 index over it
-- kept in step by triggers (the external-content pattern of the FTS5 manual).
CREATE TABLE search_entries (
  id INTEGER PRIMARY KEY,
  -- 'doc:<id>', 'template:<id>' or 'catalog:<id>'.
  entry_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  ref_id TEXT NOT NULL,
  -- Removed with its document (and a catalog entry with its design).
  doc_id TEXT REFERENCES documents (id) ON DELETE CASCADE,
  -- 'team': members of team_id only; 'public': every signed-in user.
  visibility TEXT NOT NULL CHECK (visibility IN ('team', 'public')),
  team_id TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  -- The source's timestamp this row was made from: a newer source is indexed again.
  source_at INTEGER NOT NULL
);
CREATE INDEX search_entries_by_team ON search_entries (team_id);
CREATE INDEX search_entries_by_doc ON search_entries (doc_id);

CREATE VIRTUAL TABLE search_fts USING fts5(
  title,
  body,
  content = 'search_entries',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN
  INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO search_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
