-- PostgreSQL twin of 017_feedback_perspective.sql.
CREATE TABLE round_perspectives (
  round_id TEXT NOT NULL REFERENCES feedback_rounds (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  perspective TEXT NOT NULL CHECK (
    perspective IN ('leraar', 'school', 'lerarenopleider', 'cocreatieteam', 'anders')
  ),
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_perspectives_by_user ON round_perspectives (user_id);

ALTER TABLE designs ADD COLUMN origin TEXT NOT NULL DEFAULT 'nieuw' CHECK (origin IN ('nieuw', 'bestaand'));
