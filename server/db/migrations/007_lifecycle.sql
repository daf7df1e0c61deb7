-- Lifecycle of a design (DOMAIN.md, lifecycle): its current status, every move, the published
-- result, and the design it was reused from.
ALTER TABLE designs ADD COLUMN status TEXT NOT NULL DEFAULT 'globaal-ontwerp' CHECK (
  status IN (
    'globaal-ontwerp',
    'prototype',
    'interne-toetsing',
    'aangemeld-externe-toetsing',
    'goedgekeurd',
    'afgekeurd'
  )
);
-- Lineage of a reused design ("gebaseerd op …"); cleared when the source document is deleted.
ALTER TABLE designs ADD COLUMN based_on TEXT REFERENCES documents (id) ON DELETE SET NULL;

-- Append-only log of status moves; "past niet" is a move from interne-toetsing to itself.
CREATE TABLE design_transitions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL REFERENCES designs (doc_id) ON DELETE CASCADE,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  outcome TEXT CHECK (outcome IN ('voldoet', 'opwerken', 'past-niet')),
  note TEXT,
  actor_id TEXT REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX design_transitions_by_doc ON design_transitions (doc_id, id);

-- What the public catalog shows: the approved state, frozen at approval. The catalog reads only
-- this table, so a draft cannot leak through it whatever happens to the live document.
CREATE TABLE design_publications (
  doc_id TEXT PRIMARY KEY REFERENCES designs (doc_id) ON DELETE CASCADE,
  projection TEXT NOT NULL,
  state BLOB NOT NULL,
  approved_by TEXT REFERENCES users (id),
  approved_at INTEGER NOT NULL
);
