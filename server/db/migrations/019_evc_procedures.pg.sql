-- PostgreSQL twin of 019_evc_procedures.sql.
CREATE TABLE evc_procedures (
  team_id TEXT PRIMARY KEY REFERENCES teams (id) ON DELETE CASCADE,
  recognition TEXT NOT NULL,
  coverage TEXT NOT NULL,
  follow_up TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
