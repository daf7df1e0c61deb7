-- PostgreSQL twin of 016_external_review.sql.
-- The same column swap as on SQLite, so both engines keep the same column order and defaults.
ALTER TABLE teams DROP CONSTRAINT teams_kind_check;
ALTER TABLE teams ADD COLUMN kind_next TEXT NOT NULL DEFAULT 'cocreatieteam'
  CONSTRAINT teams_kind_check CHECK (kind_next IN ('atelier', 'cocreatieteam', 'toetsingscommissie'));
UPDATE teams SET kind_next = kind;
ALTER TABLE teams DROP COLUMN kind;
ALTER TABLE teams RENAME COLUMN kind_next TO kind;

ALTER TABLE designs DROP CONSTRAINT designs_status_check;
ALTER TABLE designs ADD COLUMN status_next TEXT NOT NULL DEFAULT 'globaal-ontwerp'
  CONSTRAINT designs_status_check CHECK (
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

ALTER TABLE trajects DROP CONSTRAINT trajects_status_check;
ALTER TABLE trajects ADD COLUMN status_next TEXT NOT NULL DEFAULT 'globaal-ontwerp'
  CONSTRAINT trajects_status_check CHECK (
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

CREATE TABLE review_assignments (
  id TEXT PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES designs (doc_id) ON DELETE CASCADE,
  review_team_id TEXT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  version_id TEXT REFERENCES document_versions (id) ON DELETE SET NULL,
  criteria TEXT NOT NULL,
  submitted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  submitted_at BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open'
    CHECK (state IN ('open', 'goedgekeurd', 'afgekeurd', 'ingetrokken')),
  report TEXT,
  decided_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  decided_at BIGINT
);
CREATE INDEX review_assignments_by_team ON review_assignments (review_team_id, submitted_at);
CREATE INDEX review_assignments_by_doc ON review_assignments (doc_id, submitted_at);
-- PostgreSQL only: ON DELETE SET NULL of a version or user would otherwise scan the table.
CREATE INDEX review_assignments_by_version ON review_assignments (version_id);

CREATE TABLE review_judgements (
  assignment_id TEXT NOT NULL REFERENCES review_assignments (id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('voldoet', 'voldoet-niet', 'nvt')),
  note TEXT NOT NULL DEFAULT '',
  judged_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  judged_at BIGINT NOT NULL,
  addressed_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  addressed_at BIGINT,
  PRIMARY KEY (assignment_id, criterion_id)
);

CREATE TABLE quality_frames (
  team_id TEXT PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  criteria TEXT NOT NULL,
  updated_by TEXT REFERENCES users (id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL
);
