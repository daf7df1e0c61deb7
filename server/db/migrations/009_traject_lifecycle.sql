-- Lifecycle of a professionaliseringstraject (DOMAIN.md, lifecycle of a design "leerarrangement or
-- traject"): the same statuses as a design, every move, an immutable version per move, and the
-- catalog's frozen copy at approval. Trajecten are rows, not Y.Docs, so their versions are JSON.
ALTER TABLE trajects ADD COLUMN status TEXT NOT NULL DEFAULT 'globaal-ontwerp' CHECK (
  status IN (
    'globaal-ontwerp',
    'prototype',
    'interne-toetsing',
    'aangemeld-externe-toetsing',
    'goedgekeurd',
    'afgekeurd'
  )
);

-- An item from another team is included through the catalog: it references that design's frozen
-- publication (the traject reads the approved copy, never the other team's live document). Items
-- of the traject's own team leave it NULL and follow the live design.
ALTER TABLE traject_items ADD COLUMN publication_id TEXT REFERENCES design_publications (doc_id) ON DELETE CASCADE
  CHECK (publication_id IS NULL OR publication_id = design_doc_id);

-- Append-only log of status moves; "past niet" is a move from interne-toetsing to itself.
CREATE TABLE traject_transitions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  traject_id TEXT NOT NULL REFERENCES trajects (id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('voldoet', 'opwerken', 'past-niet')),
  note TEXT,
  actor_id TEXT REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX traject_transitions_by_traject ON traject_transitions (traject_id, id);

-- A snapshot of the traject at every status change: title, items with their design titles,
-- statuses and outcomes, coverage. Stored once, never rewritten (the same guarantees as
-- document_versions): deleting an account only anonymises its authorship, and the versions go only
-- when the traject itself is deleted (the cascade runs after the traject row is gone).
CREATE TABLE traject_versions (
  id TEXT PRIMARY KEY,
  traject_id TEXT NOT NULL REFERENCES trajects (id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  note TEXT,
  author_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE INDEX traject_versions_by_traject ON traject_versions (traject_id, created_at);

CREATE TRIGGER traject_versions_no_update
BEFORE UPDATE ON traject_versions
WHEN NOT (
  NEW.author_id IS NULL
  AND NEW.id IS OLD.id AND NEW.traject_id IS OLD.traject_id AND NEW.label IS OLD.label
  AND NEW.note IS OLD.note AND NEW.created_at IS OLD.created_at AND NEW.status IS OLD.status
  AND NEW.json IS OLD.json
)
BEGIN
  SELECT RAISE(ABORT, 'traject_versions are immutable');
END;

CREATE TRIGGER traject_versions_no_delete
BEFORE DELETE ON traject_versions
WHEN EXISTS (SELECT 1 FROM trajects WHERE id = OLD.traject_id)
BEGIN
  SELECT RAISE(ABORT, 'traject_versions are immutable');
END;

-- What the public catalog shows of an approved traject, frozen at approval.
CREATE TABLE traject_publications (
  traject_id TEXT PRIMARY KEY REFERENCES trajects (id) ON DELETE CASCADE,
  projection TEXT NOT NULL,
  approved_by TEXT REFERENCES users (id),
  approved_at INTEGER NOT NULL
);
