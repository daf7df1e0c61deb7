-- Independent externe toetsing (issue 22): a team kind for the quality system's reviewers, the
-- status "geparkeerd" (past niet), the queue of submitted designs, the judgement per criterion and
-- each committee's quality frame.

-- Widening a CHECK: SQLite cannot alter a constraint, and rebuilding these tables would cascade
-- deletes into every table that references them. A column whose own CHECK is the only one naming
-- it can be dropped, so each column is swapped for a copy with the wider CHECK.
ALTER TABLE teams ADD COLUMN kind_next TEXT NOT NULL DEFAULT 'cocreatieteam'
  CHECK (kind_next IN ('atelier', 'cocreatieteam', 'toetsingscommissie'));
UPDATE teams SET kind_next = kind;
ALTER TABLE teams DROP COLUMN kind;
ALTER TABLE teams RENAME COLUMN kind_next TO kind;

ALTER TABLE designs ADD COLUMN status_next TEXT NOT NULL DEFAULT 'globaal-ontwerp' CHECK (
  status_next IN (
    'globaal-ontwerp',
    'prototype',
    'interne-toetsing',
    'geparkeerd',
    'aangemeld-externe-toetsing',
    'goedgekeurd',
    'afgekeurd'
  )
);
UPDATE designs SET status_next = status;
ALTER TABLE designs DROP COLUMN status;
ALTER TABLE designs RENAME COLUMN status_next TO status;

ALTER TABLE trajects ADD COLUMN status_next TEXT NOT NULL DEFAULT 'globaal-ontwerp' CHECK (
  status_next IN (
    'globaal-ontwerp',
    'prototype',
    'interne-toetsing',
    'geparkeerd',
    'aangemeld-externe-toetsing',
    'goedgekeurd',
    'afgekeurd'
  )
);
UPDATE trajects SET status_next = status;
ALTER TABLE trajects DROP COLUMN status;
ALTER TABLE trajects RENAME COLUMN status_next TO status;

-- One submission of a design to a toetsingscommissie: the version frozen at submission, the
-- criteria of the committee's frame as they were then, and the decision with its report.
CREATE TABLE review_assignments (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES designs (doc_id) ON DELETE CASCADE,
  review_team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  version_id TEXT REFERENCES document_versions (id) ON DELETE SET NULL,
  -- JSON [{ id, title, description }]
  criteria TEXT NOT NULL,
  submitted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  submitted_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'goedgekeurd', 'afgekeurd', 'ingetrokken')),
  report TEXT,
  decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  decided_at INTEGER
);
CREATE INDEX review_assignments_by_team ON review_assignments (review_team_id, submitted_at);
CREATE INDEX review_assignments_by_doc ON review_assignments (doc_id, submitted_at);

-- The reviewer's judgement per criterion; the design team ticks a rejected one off once reworked.
CREATE TABLE review_judgements (
  assignment_id TEXT NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('voldoet', 'voldoet-niet', 'nvt')),
  note TEXT NOT NULL DEFAULT '',
  judged_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  judged_at INTEGER NOT NULL,
  addressed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  addressed_at INTEGER,
  PRIMARY KEY (assignment_id, criterion_id)
);

-- A committee's own quality frame; without a row the shipped example frame applies.
CREATE TABLE quality_frames (
  team_id TEXT PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  -- JSON [{ id, title, description }]
  criteria TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at INTEGER NOT NULL
);
